/** Talking to a real sandbox over HTTP, as the app does. */
import { SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'

export interface CallOptions {
  token?: string | null
  account?: string | null
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  body?: unknown
  rawBody?: string
}

export interface CallResult {
  status: number
  headers: Headers
  // Tests read into the JSON freely; the zod-schema tests prove its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

export async function call(sandbox: Sandbox, path: string, options: CallOptions = {}): Promise<CallResult> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const token = options.token === undefined ? SANDBOX_TOKENS.adviser : options.token
  if (token !== null) headers.Authorization = `Bearer ${token}`
  if (options.account) headers['X-PLANNR-ACCOUNT-UUID'] = options.account
  let body: string | undefined
  if (options.rawBody !== undefined) body = options.rawBody
  else if (options.body !== undefined) body = JSON.stringify(options.body)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${sandbox.url}${path}`, { method: options.method ?? 'GET', headers, body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null }
}

/** The account uuid of each of a user's logins, in order. */
export async function loginAccounts(sandbox: Sandbox, token: string): Promise<Array<{ uuid: string; firm: string; type: string }>> {
  const { json } = await call(sandbox, '/api/v1/logins', { token })
  return (json.data as Array<{ account: { uuid: string; type: string }; firm: { name: string } }>).map((l) => ({
    uuid: l.account.uuid,
    type: l.account.type,
    firm: l.firm.name,
  }))
}

/** Sophie Turner's account at Harbour & Vale: the demo's main acting account. */
export async function adviserAccount(sandbox: Sandbox): Promise<string> {
  const [first] = await loginAccounts(sandbox, SANDBOX_TOKENS.adviser)
  if (!first) throw new Error('the adviser has no login')
  return first.uuid
}

/** Every item of a list route, following pages of 500. */
export async function all(sandbox: Sandbox, path: string, account: string, token?: string): Promise<unknown[]> {
  const items: unknown[] = []
  const separator = path.includes('?') ? '&' : '?'
  for (let page = 1; ; page++) {
    const { status, json } = await call(sandbox, `${path}${separator}per_page=500&page=${page}`, { account, token })
    if (status !== 200) throw new Error(`${path} answered ${status}`)
    items.push(...json.data)
    if (page >= json.meta.last_page) return items
  }
}
