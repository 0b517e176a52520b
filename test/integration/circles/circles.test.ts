import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CirclesPage } from '@shared/models/circles'
import type { SessionStatus } from '@shared/models/session'
import { rawList, type RawCircle } from '../../support/plannr-raw'
import { EventBus } from '../../../src/main/core/events'
import { CirclesService } from '../../../src/main/core/features/circles/service'
import { memoryLog } from '../../../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { uniqueService } from '../../support/keychain-probe'
import { startCore, type TestCore } from '../session/helpers'
import { sessionForTest } from '../../support/core-harness'
import keytar from 'keytar'

/** More circles than one page of 500 holds, so the list takes three pages. */
const CIRCLE_COUNT = 1_200
const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

type SignedIn = Extract<SessionStatus, { state: 'signed-in' }>

/** The firm's circles straight from the sandbox, as an independent oracle for search and sort. */
function fetchAllDirectly(sandbox: Sandbox, accountUuid: string): Promise<RawCircle[]> {
  return rawList<RawCircle>(sandbox, accountUuid, '/api/v1/circles', { include: 'accounts,groups' })
}

function circleRequests(sandbox: Sandbox) {
  return sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/circles')
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('circles: the whole list fetched once, then searched, sorted and paged in main (real sandbox)', () => {
  let sandbox: Sandbox
  let service: string
  let app: TestCore
  let accountUuid: string
  let oracle: RawCircle[]

  beforeAll(async () => {
    sandbox = await startSandbox({ size: { clients: 2_000, circles: CIRCLE_COUNT } })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(async () => {
    service = uniqueService('circles')
    Object.assign(sandbox.faults, { latencyMs: 0, failureRate: 0, offline: false, queue: [] })
    app = startCore(sandbox, service)
    const status = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    accountUuid = status.account.uuid
    oracle ??= await fetchAllDirectly(sandbox, accountUuid)
    sandbox.clearRequests()
  })
  afterEach(async () => {
    await app.core.close()
    if (process.env.DBUS_SESSION_BUS_ADDRESS) await keytar.deletePassword(service, 'session').catch(() => false)
  })

  it('fetches every page, 500 at a time with members and groups, on the first call', async () => {
    expect(oracle).toHaveLength(CIRCLE_COUNT)
    const page = await app.value<CirclesPage>('circles.list', {})
    expect(page.grandTotal).toBe(CIRCLE_COUNT)
    expect(page.total).toBe(CIRCLE_COUNT)
    expect(page.rows).toHaveLength(100)
    expect(page.syncedAt).not.toBeNull()

    const requests = circleRequests(sandbox)
    expect(requests.map((r) => r.query['page'])).toEqual(['1', '2', '3'])
    for (const request of requests) {
      expect(request.query['per_page']).toBe('500')
      expect(request.query['include']?.split(',').sort()).toEqual(['accounts', 'groups'])
      expect(request.headers['x-plannr-account-uuid']).toBe(accountUuid)
    }
    expect(app.circleEvents).toEqual([{ syncedAt: page.syncedAt }])
  })

  it('answers later calls from the cache without asking Plannr again', async () => {
    const first = await app.value<CirclesPage>('circles.list', {})
    sandbox.clearRequests()
    const again = await app.value<CirclesPage>('circles.list', { sort: 'updated_at', direction: 'desc', offset: 40 })
    expect(circleRequests(sandbox)).toEqual([])
    expect(again.syncedAt).toBe(first.syncedAt)
    expect(again.grandTotal).toBe(CIRCLE_COUNT)
  })

  it('shares one fetch between calls that arrive together', async () => {
    const pages = await Promise.all([
      app.value<CirclesPage>('circles.list', {}),
      app.value<CirclesPage>('circles.list', { search: 'a' }),
      app.value<CirclesPage>('circles.list', { offset: 500 }),
    ])
    expect(circleRequests(sandbox)).toHaveLength(3)
    expect(new Set(pages.map((p) => p.syncedAt)).size).toBe(1)
  })

  it('sorts by name the British way, ascending and descending, and pages stably', async () => {
    const expected = oracle.map((c) => c.name).sort(collator.compare)
    const asc = await app.value<CirclesPage>('circles.list', { limit: 500 })
    expect(asc.rows.map((r) => r.name)).toEqual(expected.slice(0, 500))

    const desc = await app.value<CirclesPage>('circles.list', { direction: 'desc', limit: 500, offset: 700 })
    expect(desc.rows.map((r) => r.name)).toEqual([...expected].reverse().slice(700, 1_200))

    const whole = await app.value<CirclesPage>('circles.list', { limit: 500, offset: 0 })
    const slice = await app.value<CirclesPage>('circles.list', { offset: 10, limit: 5 })
    expect(slice.rows).toEqual(whole.rows.slice(10, 15))

    const beyond = await app.value<CirclesPage>('circles.list', { offset: 5_000 })
    expect(beyond.rows).toEqual([])
    expect(beyond.total).toBe(CIRCLE_COUNT)
  })

  it('sorts by the times Plannr gives, newest first when descending', async () => {
    for (const sort of ['updated_at', 'created_at'] as const) {
      const page = await app.value<CirclesPage>('circles.list', { sort, direction: 'desc', limit: 500 })
      const byUuid = new Map(oracle.map((c) => [c.uuid, c]))
      const times = page.rows.map((r) => Date.parse(byUuid.get(r.uuid)?.[sort] ?? ''))
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeLessThanOrEqual(times[i - 1] ?? Number.NaN)
      const newest = Math.max(...oracle.map((c) => Date.parse(c[sort] ?? '')))
      expect(times[0]).toBe(newest)
    }
  })

  it('searches circle names and member names, ignoring case', async () => {
    const inName = (c: RawCircle, text: string) => c.name.toLowerCase().includes(text)
    const inMembers = (c: RawCircle, text: string) =>
      (c.accounts ?? []).some((a) => a.name.toLowerCase().includes(text))
    // A member's first name that some circle matches only through its members, not its own name.
    const firstName = oracle
      .flatMap((c) => (c.accounts ?? []).map((a) => (a.first_name ?? '').toLowerCase()))
      .find((text) => text.length > 3 && oracle.some((c) => inMembers(c, text) && !inName(c, text)))
    expect(firstName).toBeDefined()
    const lower = firstName ?? ''
    const needle = lower.toUpperCase()
    const expected = oracle.filter((c) => inName(c, lower) || inMembers(c, lower))
    expect(expected.some((c) => !inName(c, lower))).toBe(true)

    const page = await app.value<CirclesPage>('circles.list', { search: needle, limit: 500 })
    expect(page.total).toBe(expected.length)
    expect(page.grandTotal).toBe(CIRCLE_COUNT)
    expect(page.rows.map((r) => r.uuid).sort()).toEqual(expected.map((c) => c.uuid).sort())

    const none = await app.value<CirclesPage>('circles.list', { search: 'zzqx-no-such-circle' })
    expect(none).toMatchObject({ rows: [], total: 0, grandTotal: CIRCLE_COUNT })
  })

  it('maps circles to rows: members, their first names, groups, colour', async () => {
    const page = await app.value<CirclesPage>('circles.list', { limit: 500 })
    const byUuid = new Map(oracle.map((c) => [c.uuid, c]))
    for (const row of page.rows) {
      const circle = byUuid.get(row.uuid)
      expect(circle).toBeDefined()
      expect(row.name).toBe(circle?.name)
      // People only: a joint account stands for two of them and is not a third.
      expect(row.memberCount).toBe(circle?.accounts?.filter((account) => account.uuid !== circle.joint_account_uuid).length ?? 0)
      expect(row.memberNames).toHaveLength(row.memberCount)
      expect(row.groupCount).toBe(circle?.groups?.length ?? 0)
      expect(row.bgColour).toBe(circle?.bg_colour ?? null)
    }
    expect(page.rows.some((r) => r.memberCount > 1)).toBe(true)
  })

  it('reports a failed first fetch as the call’s error, and fetches again on the next call', async () => {
    sandbox.faults.queue.push({ status: 500 })
    const failed = await app.call('circles.list', {})
    expect(failed.ok).toBe(false)
    if (!failed.ok) expect(failed.error.code).toBe('server')
    const page = await app.value<CirclesPage>('circles.list', {})
    expect(page.grandTotal).toBe(CIRCLE_COUNT)
  })

  it('drops the cache on account switch and on sign-out', async () => {
    const multi = startCore(sandbox, uniqueService('circles-multi'))
    try {
      const choosing = await multi.value<Extract<SessionStatus, { state: 'choosing-account' }>>(
        'session.signInWithToken',
        { token: SANDBOX_TOKENS.multiFirm },
      )
      const [harbour, northgate] = choosing.accounts
      await multi.value('session.chooseAccount', { accountUuid: harbour?.uuid })
      const atHarbour = await multi.value<CirclesPage>('circles.list', {})
      expect(atHarbour.grandTotal).toBe(CIRCLE_COUNT)

      await multi.value('session.chooseAccount', { accountUuid: northgate?.uuid })
      sandbox.clearRequests()
      const atNorthgate = await multi.value<CirclesPage>('circles.list', {})
      expect(atNorthgate.grandTotal).toBeLessThan(CIRCLE_COUNT)
      expect(circleRequests(sandbox).every((r) => r.headers['x-plannr-account-uuid'] === northgate?.uuid)).toBe(true)
      expect(circleRequests(sandbox).length).toBeGreaterThan(0)

      await multi.value('session.signOut')
      const signedOut = await multi.call('circles.list', {})
      expect(!signedOut.ok && signedOut.error.code).toBe('not_signed_in')

      // Back to the first account: fetched afresh, not served from before the switch.
      await multi.value('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm })
      await multi.value('session.chooseAccount', { accountUuid: harbour?.uuid })
      sandbox.clearRequests()
      await multi.value('circles.list', {})
      expect(circleRequests(sandbox).length).toBe(3)
    } finally {
      await multi.core.close()
    }
  })
})

describe('circles: refresh in the background once the list is older than five minutes (real sandbox)', () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ size: { clients: 2_000, circles: CIRCLE_COUNT } })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('answers at once from the stale cache, refreshes once behind it, and emits circles.changed', async () => {
    const log = memoryLog()
    const events = new EventBus()
    const service = uniqueService('circles-clock')
    const session = sessionForTest({ apiUrl: sandbox.url, keychainService: service, log, events })
    let now = Date.parse('2025-06-02T09:00:00Z')
    const circles = new CirclesService({ session, events, log, now: () => now })
    const changed: string[] = []
    events.subscribe((name, payload) => {
      if (name === 'circles.changed') changed.push((payload as { syncedAt: string }).syncedAt)
    })
    const query = { search: '', accountUuid: null, groupUuid: null, sort: 'name', direction: 'asc', offset: 0, limit: 10 } as const

    try {
      await session.signInWithToken(SANDBOX_TOKENS.adviser)
      sandbox.clearRequests()
      const first = await circles.list(query)
      expect(first.syncedAt).toBe('2025-06-02T09:00:00.000Z')
      expect(circleRequests(sandbox)).toHaveLength(3)

      // Four minutes on: still fresh, no fetch.
      now += 4 * 60_000
      sandbox.clearRequests()
      await circles.list(query)
      expect(circleRequests(sandbox)).toHaveLength(0)

      // Six minutes on: stale. Answered from the cache at once; one refresh however many calls.
      now += 2 * 60_000
      sandbox.faults.latencyMs = 100
      const stale = await Promise.all([circles.list(query), circles.list(query), circles.list({ ...query, offset: 5 })])
      for (const page of stale) expect(page.syncedAt).toBe(first.syncedAt)
      expect(stale[0]?.rows).toEqual(first.rows)

      await until(() => changed.length === 2)
      expect(changed[1]).toBe('2025-06-02T09:06:00.000Z')
      expect(circleRequests(sandbox)).toHaveLength(3)
      const fresh = await circles.list(query)
      expect(fresh.syncedAt).toBe('2025-06-02T09:06:00.000Z')
      expect(circleRequests(sandbox)).toHaveLength(3)
    } finally {
      sandbox.faults.latencyMs = 0
      await circles.close()
      await session.signOut()
      await session.close()
    }
  })
})
