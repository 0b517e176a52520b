import type { SessionStatus } from '@shared/models/session'
import { rawList, type RawConversation, type RawMessage } from '../../support/plannr-raw'
import { SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'
import type { TestCore } from '../../support/core-harness'

/** The signed-in account's uuid, as main knows it. */
export async function signedInAccount(test: TestCore): Promise<string> {
  const status = await test.value<SessionStatus>('session.status')
  if (status.state !== 'signed-in') throw new Error(`expected to be signed in, got ${status.state}`)
  return status.account.uuid
}

/** Plannr (the sandbox) asked directly, as an oracle independent of the feature under test. */
export async function direct(sandbox: Sandbox, accountUuid: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<unknown> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`,
      'X-PLANNR-ACCOUNT-UUID': accountUuid,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}`)
  return response.json()
}

/** The conversations straight from Plannr, raw; `filters` adds e.g. { 'filter[archived]': 'only' }. */
export function directConversations(sandbox: Sandbox, accountUuid: string, filters: Record<string, string> = {}): Promise<RawConversation[]> {
  return rawList<RawConversation>(sandbox, accountUuid, '/api/v1/conversation', { include: 'participants,latest_message', ...filters })
}

/** Sends `count` messages straight to Plannr, so a thread is longer than one page. */
export async function postMessages(sandbox: Sandbox, accountUuid: string, conversationUuid: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    // Distinct creation times, so that "newest first" has one answer.
    await new Promise((resolve) => setTimeout(resolve, 3))
    await direct(sandbox, accountUuid, `/api/v1/conversation/${conversationUuid}/messages`, {
      method: 'POST',
      body: { contents: `Numbered note ${i}` },
    })
  }
}

export function directMessages(sandbox: Sandbox, accountUuid: string, conversationUuid: string): Promise<RawMessage[]> {
  return rawList<RawMessage>(sandbox, accountUuid, `/api/v1/conversation/${conversationUuid}/messages`, { sort: 'created_at' })
}

export function requestsTo(sandbox: Sandbox, method: string, path: string | RegExp) {
  return sandbox.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)))
}
