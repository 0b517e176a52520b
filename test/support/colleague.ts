/**
 * Daniel Hughes, Sophie's colleague at Harbour & Vale, acting through the sandbox's ordinary Plannr API
 * (his own token, the sandbox's `preferred` one): how a message from someone else arrives while the app runs.
 */
export interface Colleague {
  accountUuid: string
  name: string
  /** Posts a message as Daniel; resolves with its uuid. */
  send(conversationUuid: string, contents: string): Promise<string>
}

async function api(sandboxUrl: string, token: string, path: string, init: RequestInit & { account?: string } = {}): Promise<unknown> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' }
  if (init.account) headers['x-plannr-account-uuid'] = init.account
  if (init.body) headers['content-type'] = 'application/json'
  const response = await fetch(new URL(path, sandboxUrl), { ...init, headers })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

export async function harbourColleague(sandboxUrl: string, token: string): Promise<Colleague> {
  const logins = (await api(sandboxUrl, token, '/api/v1/logins')) as { data: Array<{ account: { uuid: string } | null; firm: { name: string } | null }> }
  const login = logins.data.find((entry) => entry.firm?.name.startsWith('Harbour'))
  if (!login?.account) throw new Error('Daniel Hughes has no Harbour & Vale login in the sandbox')
  const accountUuid = login.account.uuid
  return {
    accountUuid,
    name: 'Daniel Hughes',
    async send(conversationUuid, contents) {
      const sent = (await api(sandboxUrl, token, `/api/v1/conversation/${conversationUuid}/messages`, {
        method: 'POST',
        account: accountUuid,
        body: JSON.stringify({ contents }),
      })) as { uuid: string }
      return sent.uuid
    },
  }
}

/** Starts a conversation as the holder of `token` (at its first account) with `participantUuid` in it. */
export async function startConversation(sandboxUrl: string, token: string, name: string, participantUuid: string): Promise<{ uuid: string; name: string }> {
  const logins = (await api(sandboxUrl, token, '/api/v1/logins')) as { data: Array<{ account: { uuid: string } | null }> }
  const account = logins.data[0]?.account?.uuid
  if (!account) throw new Error('That sandbox user has no account')
  const created = (await api(sandboxUrl, token, '/api/v1/conversation', {
    method: 'POST',
    account,
    body: JSON.stringify({ name, participants: [participantUuid] }),
  })) as { uuid: string; name: string }
  return { uuid: created.uuid, name: created.name }
}
