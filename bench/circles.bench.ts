import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTokenVault } from '../src/main/core/auth/vault'
import { EventBus } from '../src/main/core/events'
import { CirclesService } from '../src/main/core/features/circles/service'
import type { CirclesListQuery } from '../src/main/core/features/circles/query'
import { SessionService } from '../src/main/core/features/session'
import { memoryLog } from '../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../src/main/sandbox'
import { CIRCLES } from '../src/main/core/features/circles/resource'
import { featureDeps } from '../test/support/store-harness'

/*
 * The circles list at the size of a large firm: the 'large' sandbox (5,000 circles, 20,000 clients) over
 * real HTTP. Measures the whole-list sync, a search over it, and what crosses to the window per request.
 */

const log = memoryLog()
const events = new EventBus()
let sandbox: Sandbox
let session: SessionService
let warm: CirclesService
const keychainService = `plannr-desktop-bench-${process.pid}`
/** A circles service over a fresh store, and a way to wait for its sync to finish. */
function freshCircles() {
  const deps = featureDeps({ session, events, log, keychainService })
  const service = new CirclesService(deps)
  const synced = async () => (await deps.sync.resource(CIRCLES, () => undefined)).settled()
  return { service, synced, close: async () => { await service.close(); await deps.close() } }
}
let warmClose: (() => Promise<void>) | undefined
const query = (over: Partial<CirclesListQuery>): CirclesListQuery => ({
  search: '', accountUuid: null, groupUuid: null, sort: 'name', direction: 'asc', offset: 0, limit: 50, ...over,
})
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'large' })
  // Without a keychain the vault keeps the session in memory, which is all a benchmark needs.
  const vault = createTokenVault({ service: keychainService, log })
  session = new SessionService({ vault, events, log, apiUrl: sandbox.url, demo: () => Promise.reject(new Error('not used')) })
  await session.signInWithToken(SANDBOX_TOKENS.adviser)

  globalThis.gc?.()
  const before = process.memoryUsage().heapUsed
  const created = freshCircles()
  warm = created.service
  warmClose = created.close
  const started = performance.now()
  await warm.list(query({}))
  await created.synced()
  const took = performance.now() - started
  const first = await warm.list(query({}))
  globalThis.gc?.()
  const after = process.memoryUsage()
  const window = JSON.stringify(first)
  const whole = JSON.stringify(await warm.list(query({ limit: 500 })))
  console.log(
    [
      `circles synced: ${first.grandTotal} in ${took.toFixed(0)} ms (first sync, every page of 500 with accounts and groups)`,
      `heap after sync: ${mb(after.heapUsed)} (+${mb(after.heapUsed - before)} for the cached list${globalThis.gc ? '' : ', without --expose-gc: approximate'}); rss ${mb(after.rss)}`,
      `renderer-facing page: ${first.rows.length} rows = ${(window.length / 1024).toFixed(1)} KB JSON (${(window.length / first.rows.length).toFixed(0)} B/row); a 500-row page would be ${(whole.length / 1024).toFixed(1)} KB; all ${first.grandTotal} rows ≈ ${((whole.length / 500) * first.grandTotal / 1024 / 1024).toFixed(1)} MB`,
    ].join('\n'),
  )
}, 120_000)

afterAll(async () => {
  await warmClose?.()
  await session?.close()
  await sandbox?.close()
})

/** Runs `fn` `times` times and reports the median and the slowest run. */
async function measure(label: string, times: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const runs: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    await fn(i)
    runs.push(performance.now() - started)
  }
  runs.sort((a, b) => a - b)
  const median = runs[Math.floor(runs.length / 2)] ?? 0
  console.log(`${label}: median ${median.toFixed(2)} ms, slowest ${(runs.at(-1) ?? 0).toFixed(2)} ms over ${times} runs`)
  return median
}

describe('circles over 5,000 (large sandbox)', () => {
  it('syncs every page into a fresh cache', async () => {
    await measure('sync (every page of 500, accounts+groups, fresh cache)', 3, async () => {
      const fresh = freshCircles()
      await fresh.service.list(query({}))
      await fresh.synced()
      const page = await fresh.service.list(query({}))
      expect(page.grandTotal).toBeGreaterThanOrEqual(5_000)
      await fresh.close()
    })
  })

  it('answers circles.list queries from the cache', async () => {
    const needles = ['smith', 'family', 'ann', 'patel', 'household', 'jo', 'wright', 'a']
    // Each search is new to the pager, so it filters and sorts all 5,000 circles and their members.
    await measure('circles.list: new search over 5,000 circles + members (filter, sort, first window)', 40, (i) =>
      warm.list(query({ search: needles[i % needles.length] ?? '' })),
    )
    await measure('circles.list: next window of the same search while scrolling (50 rows)', 200, (i) =>
      warm.list(query({ search: 'a', offset: (i * 50) % 4_950 })),
    )
    await measure('circles.list: new sort (updated/created, newest first) over 5,000', 20, (i) =>
      warm.list(query({ sort: i % 2 ? 'updated_at' : 'created_at', direction: 'desc' })),
    )
  })
})
