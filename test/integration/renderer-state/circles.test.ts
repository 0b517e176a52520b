import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { PlannrBridge } from '@shared/bridge'
import type { CircleFilterOptions } from '@shared/models/circles'
import { createClient } from '../../../src/renderer/src/lib/api'
import { CirclesState, CIRCLES_WINDOW } from '../../../src/renderer/src/lib/state/circles.svelte'
import { CircleDetailState } from '../../../src/renderer/src/lib/state/circle-detail.svelte'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Recorded {
  name: string
  input: Record<string, unknown>
}

/**
 * The real bridge to the real core, with a log of what the renderer asked for and a way to hold some
 * answers back — to make answers arrive in another order than the questions.
 */
function recordingBridge(bridge: PlannrBridge) {
  const calls: Recorded[] = []
  let delay: (call: Recorded) => number = () => 0
  const wrapped: PlannrBridge = {
    async invoke(name, input) {
      const call = { name, input: (input ?? {}) as Record<string, unknown> }
      calls.push(call)
      const result = await bridge.invoke(name, input)
      const ms = delay(call)
      if (ms > 0) await sleep(ms)
      return result
    },
    on: (name, listener) => bridge.on(name, listener),
  }
  return {
    bridge: wrapped,
    calls,
    lists: () => calls.filter((c) => c.name === 'circles.list').map((c) => c.input),
    holdBack(rule: (call: Recorded) => number) {
      delay = rule
    },
  }
}

describe('renderer state for circles, over the real core and sandbox (demo book)', () => {
  let h: SignedInHarness
  let rec: ReturnType<typeof recordingBridge>
  let options: CircleFilterOptions

  beforeAll(async () => {
    h = await signedInHarness({ sandbox: { size: 'demo' } })
    options = await h.test.value<CircleFilterOptions>('circles.filterOptions')
  })
  afterAll(() => h.close())
  beforeEach(() => {
    rec = recordingBridge(h.bridge)
  })

  it('asks main for one window at first, then only the windows scrolled into view', async () => {
    const state = new CirclesState(createClient(rec.bridge))
    const stop = state.start()
    await until(() => state.loaded && state.options !== null)
    expect(state.total).toBeGreaterThan(300)
    expect(state.grandTotal).toBe(state.total)
    expect(rec.lists()).toEqual([
      { search: '', accountUuid: null, groupUuid: null, sort: 'name', direction: 'asc', offset: 0, limit: CIRCLES_WINDOW },
    ])
    expect(state.rows.rows).toHaveLength(state.total)
    expect(state.rows.rows.filter(Boolean)).toHaveLength(CIRCLES_WINDOW)

    // The list shows rows 300–339: one window (300–349) is fetched.
    state.show(300, 340)
    await until(() => state.rows.at(339) !== undefined)
    expect(rec.lists().slice(1).map((q) => [q.offset, q.limit])).toEqual([[300, CIRCLES_WINDOW]])
    expect(state.rows.at(299)).toBeUndefined()

    // Scrolling on: only what is new; scrolling back over fetched rows asks for nothing.
    state.show(320, 420)
    await until(() => state.rows.at(state.total - 1) !== undefined || state.rows.at(399) !== undefined)
    state.show(300, 340)
    state.show(0, 30)
    await sleep(20)
    const windows = rec.lists().slice(2).map((q) => q.offset)
    expect(windows).toEqual([350])

    // The whole list, window by window, equals the list asked for at once.
    const whole = await h.test.value<{ rows: Array<{ uuid: string }> }>('circles.list', { limit: 500 })
    expect([0, 1, 300, 339, 350].map((i) => state.rows.at(i)?.uuid)).toEqual([0, 1, 300, 339, 350].map((i) => whole.rows[i]?.uuid))
    stop()
  })

  it('asks at every keystroke, from the first window, and shows the newest search only', async () => {
    const state = new CirclesState(createClient(rec.bridge))
    const stop = state.start()
    await until(() => state.loaded)
    state.show(200, 240)
    await until(() => state.rows.at(239) !== undefined)
    const before = rec.lists().length

    state.setSearch('f')
    state.setSearch('fa')
    state.setSearch('fam')
    expect(state.search).toBe('fam')
    // No wait for typing to pause: each keystroke has already asked main.
    expect(rec.lists().slice(before).map((q) => [q.search, q.offset])).toEqual([
      ['f', 0],
      ['fa', 0],
      ['fam', 0],
    ])
    await until(() => state.shownSearch === 'fam')
    expect(state.total).toBeLessThan(state.grandTotal)
    expect(state.rows.at(0)?.name.toLowerCase()).toContain('fam')
    stop()
  })

  it('drops an older search’s answer that arrives after a newer one', async () => {
    const state = new CirclesState(createClient(rec.bridge))
    const stop = state.start()
    await until(() => state.loaded)
    // The first search is slow to answer; the second is quick.
    rec.holdBack((call) => (call.name === 'circles.list' && call.input.search === 'household' ? 300 : 0))
    state.setSearch('household')
    await until(() => rec.lists().some((q) => q.search === 'household'))
    state.setSearch('family')
    await until(() => state.shownSearch === 'family')
    const familyTotal = state.total
    await sleep(400)
    expect(state.shownSearch).toBe('family')
    expect(state.total).toBe(familyTotal)
    const family = await h.test.value<{ rows: Array<{ uuid: string }> }>('circles.list', { search: 'family', limit: CIRCLES_WINDOW })
    const household = await h.test.value<{ total: number }>('circles.list', { search: 'household' })
    expect(household.total).not.toBe(familyTotal)
    expect(state.rows.rows.slice(0, CIRCLES_WINDOW).map((row) => row?.uuid)).toEqual(family.rows.map((row) => row.uuid))
    stop()
  })

  it('drops a window that was on its way when the filter changed', async () => {
    const state = new CirclesState(createClient(rec.bridge))
    const stop = state.start()
    await until(() => state.loaded)
    rec.holdBack((call) => (call.name === 'circles.list' && call.input.offset === 300 ? 300 : 0))
    state.show(300, 320)
    await until(() => rec.lists().some((q) => q.offset === 300))

    const group = options.groups[0]
    state.setGroup(group?.uuid ?? null)
    await until(() => state.loaded && state.total === group?.circleCount)
    await sleep(400)
    expect(state.rows.rows).toHaveLength(group?.circleCount ?? -1)
    expect(state.rows.at(300)).toBeUndefined()

    // Member filter on top: every row is one of that member's circles.
    const member = options.members[0]
    state.setMember(member?.uuid ?? null)
    await until(() => !state.loading)
    const mine = await h.test.value<{ total: number }>('circles.list', { accountUuid: member?.uuid, groupUuid: group?.uuid })
    expect(state.total).toBe(mine.total)
    expect(state.filtered).toBe(true)
    state.clearFilters()
    await until(() => !state.loading && state.total === state.grandTotal)
    stop()
  })

  it('sorts by date, newest first, and back', async () => {
    const state = new CirclesState(createClient(rec.bridge))
    const stop = state.start()
    await until(() => state.loaded)
    state.setSort('updated_at', 'desc')
    await until(() => !state.loading && rec.lists().at(-1)?.sort === 'updated_at')
    const times = state.rows.rows.slice(0, CIRCLES_WINDOW).map((row) => Date.parse(row?.updatedAt ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(rec.lists().at(-1)).toMatchObject({ sort: 'updated_at', direction: 'desc', offset: 0 })
    stop()
  })

  it('shows the circle last opened, even when an earlier one answers later', async () => {
    const client = createClient(rec.bridge)
    const list = await h.test.value<{ rows: Array<{ uuid: string; name: string }> }>('circles.list', { limit: 2 })
    const [slow, quick] = list.rows
    rec.holdBack((call) => (call.name === 'circles.get' && call.input.uuid === slow?.uuid ? 250 : 0))
    const detail = new CircleDetailState(client)
    const first = detail.open(slow?.uuid ?? '')
    expect(detail.loading).toBe(true)
    await detail.open(quick?.uuid ?? '')
    await first
    expect(detail.detail?.uuid).toBe(quick?.uuid)
    expect(detail.detail?.name).toBe(quick?.name)
    expect(detail.loading).toBe(false)

    rec.holdBack(() => 0)
    await detail.open('00000000-0000-4000-8000-000000000000')
    expect(detail.error?.code).toBe('not_found')
    expect(detail.detail).toBeNull()
    detail.close()
    expect(detail.uuid).toBeNull()
  })
})
