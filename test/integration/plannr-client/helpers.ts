import { SANDBOX_TOKENS, type RecordedRequest, type Sandbox } from '../../../src/main/sandbox'
import { createPlannrClient, listLogins, type PlannrClient, type PlannrClientOptions } from '../../../src/main/core/plannr'

export type { RecordedRequest, Sandbox }

/** Short waits so retry tests take milliseconds, not seconds; the policy is the same. */
export const FAST: Partial<PlannrClientOptions> = { retryBaseDelayMs: 5, retryMaxDelayMs: 20 }

export function clientFor(sandbox: Sandbox, extra: Partial<PlannrClientOptions> = {}): PlannrClient {
  return createPlannrClient({ baseUrl: sandbox.url, token: SANDBOX_TOKENS.adviser, ...FAST, ...extra })
}

/** A client acting as the adviser's preferred account, the way sign-in picks it. */
export async function adviserClient(sandbox: Sandbox, extra: Partial<PlannrClientOptions> = {}): Promise<PlannrClient> {
  const client = clientFor(sandbox, extra)
  const logins = await listLogins(client)
  const accountUuid = logins.preferred_account_uuid ?? logins.data[0]?.account.uuid
  if (!accountUuid) throw new Error('the sandbox adviser has no account')
  sandbox.clearRequests()
  return client.withAccount(accountUuid)
}

/** A request header as it arrived (node lowercases names). */
export function header(request: RecordedRequest | undefined, name: string): string | undefined {
  if (!request) return undefined
  const wanted = name.toLowerCase()
  const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === wanted)
  return found?.[1]
}

export function only(sandbox: Sandbox, method: string, pathPrefix: string): RecordedRequest[] {
  return sandbox.requests.filter((r) => r.method === method && r.path.startsWith(pathPrefix))
}
