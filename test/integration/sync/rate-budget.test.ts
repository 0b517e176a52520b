import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientsPage } from '@shared/models/accounts'
import type { SyncStatus } from '@shared/models/sync'
import { SANDBOX_TOKENS, startSandbox, tokenFingerprint, type Sandbox } from '../../../src/main/sandbox'
import { rawList, type RawAccount } from '../../support/plannr-raw'
import { startCore, type TestCore } from '../../support/core-harness'
import { uniqueService } from '../../support/keychain-probe'

/*
 * A full sync of a large book against a sandbox whose rate limit is far below what the sync needs in a
 * minute, with 429s and server errors forced mid-sync: the app never exceeds the limit, waits out the
 * window, and ends with every record exactly once, in ⌈N/500⌉ successful requests.
 */

const CLIENTS = 5_000
const LIMIT = 12
const WINDOW_MS = 60_000

/** The oracle: a second sandbox with the same seed and size (so the same records) and no tight limit. */
async function clientUuids(sandbox: Sandbox, accountUuid: string): Promise<string[]> {
  return (await rawList<RawAccount>(sandbox, accountUuid, '/api/v1/account', { 'filter[type]': 'client' })).map((account) => account.uuid)
}

describe('one rate budget for the whole app (real sandbox, rate limit 12 a minute)', () => {
  let sandbox: Sandbox
  let app: TestCore

  beforeAll(async () => {
    sandbox = await startSandbox({ size: { clients: CLIENTS, circles: 40 }, rateLimitPerMinute: LIMIT })
    app = startCore(sandbox, uniqueService('rate-budget'))
  })
  afterAll(async () => {
    await app.call('session.signOut')
    await app.core.close()
    await sandbox.close()
  })

  it('syncs every client exactly once through 429s and 5xx bursts without ever exceeding the limit', async () => {
    await app.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    const first = await app.value<ClientsPage>('clients.list', { limit: 500 })
    expect(first.rows.length).toBe(500)
    // Mid-sync: a burst of server errors and a 429 asking for a pause, spread over the pages in flight.
    sandbox.faults.queue.push({ status: 503 }, { status: 500 }, { status: 429, retryAfter: 2 }, { status: 502 }, { status: 500 })

    // The status says why nothing is being sent while the window runs out.
    let sawPause = false
    const deadline = Date.now() + 170_000
    for (;;) {
      const status = await app.value<SyncStatus>('sync.status')
      if (status.pausedUntil !== null) sawPause = true
      if (status.syncing.length === 0) break
      if (Date.now() > deadline) throw new Error('the sync did not finish in time')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(sawPause).toBe(true)
    const status = await app.value<SyncStatus>('sync.status')
    expect(status.error).toBeNull()

    const accountUuid = sandbox.requests.find((r) => r.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid'] ?? ''
    const twin = await startSandbox({ size: { clients: CLIENTS, circles: 40 } })
    const oracle = await clientUuids(twin, accountUuid).finally(() => twin.close())
    expect(oracle).toHaveLength(CLIENTS)
    const shown: string[] = []
    for (let offset = 0; offset < CLIENTS; offset += 500) {
      const page = await app.value<ClientsPage>('clients.list', { offset, limit: 500 })
      expect(page.grandTotal).toBe(CLIENTS)
      shown.push(...page.rows.map((row) => row.uuid))
    }
    expect(new Set(shown).size).toBe(CLIENTS)
    expect(shown.sort()).toEqual([...oracle].sort())

    const ours = sandbox.requests.filter((r) => r.headers['authorization'] === `Bearer ${tokenFingerprint(SANDBOX_TOKENS.adviser)}`)
    // Only the forced 429: the budget never ran into the real limit.
    expect(ours.filter((r) => r.status === 429)).toHaveLength(1)
    // Never more than the limit answered in any rolling minute.
    const counted = ours.filter((r) => r.status >= 200 && r.status < 300).map((r) => Date.parse(r.at))
    for (const at of counted) expect(counted.filter((other) => other >= at && other < at + WINDOW_MS).length).toBeLessThanOrEqual(LIMIT)
    // ⌈5,000 / 500⌉ = 10 successful pages: nothing fetched twice.
    const pages = ours.filter((r) => r.path === '/api/v1/account' && r.status === 200)
    expect(pages.map((r) => r.query['page']).sort(), JSON.stringify(ours.map((r) => [r.path, r.query['page'], r.status, r.at]))).toHaveLength(Math.ceil(CLIENTS / 500))
  }, 200_000)
})
