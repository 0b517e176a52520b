import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuickSearchResult } from '@shared/models/quick-search'
import { sessionForTest } from '../../support/core-harness'
import { EventBus } from '../../../src/main/core/events'
import { CirclesService } from '../../../src/main/core/features/circles/service'
import { fold } from '../../../src/main/core/features/common/text-search'
import type { SessionService } from '../../../src/main/core/features/session'
import { memoryLog } from '../../../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { uniqueService } from '../../support/keychain-probe'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'

describe('circles in the quick switcher (real sandbox)', () => {
  let sandbox: Sandbox
  let session: SessionService
  let circles: CirclesService

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'demo' })
    const log = memoryLog()
    const events = new EventBus()
    session = sessionForTest({ apiUrl: sandbox.url, keychainService: uniqueService('circles-quick'), log, events })
    circles = new CirclesService({ session, events, log })
    await session.signInWithToken(SANDBOX_TOKENS.adviser)
  })
  afterAll(async () => {
    await circles.close()
    await session.signOut()
    await session.close()
    await sandbox.close()
  })

  it('ranks names that start with the text first, then a word starting with it, then any match; names members', async () => {
    // "a" hits every rank: "Abbott Family" (start), "… & Alan …" (word), "Patel Household" (inside).
    const hits = await circles.quickSearch(fold('a'), 500)
    const ranks = hits.map((hit) => hit.rank)
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2]))
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y))
    for (const hit of hits) {
      const name = fold(hit.result.title)
      if (hit.rank === 0) expect(name.startsWith('a')).toBe(true)
      if (hit.rank === 1) expect(name.startsWith('a')).toBe(false)
      if (hit.rank === 1) expect(/[\s\-'&(]a/.test(name)).toBe(true)
      if (hit.rank === 2) expect(name.startsWith('a')).toBe(false)
      expect(hit.result.kind).toBe('circle')
    }
    const limited = await circles.quickSearch(fold('a'), 5)
    expect(limited.map((h) => h.result)).toEqual(hits.slice(0, 5).map((h) => h.result))
  })

  it('finds one circle by its exact name, with its members as the subtitle', async () => {
    const page = await circles.list({ search: '', accountUuid: null, groupUuid: null, sort: 'name', direction: 'asc', offset: 0, limit: 500 })
    const row = page.rows.find((r) => r.memberCount >= 2 && r.memberCount <= 3)
    expect(row).toBeDefined()
    const detail = await circles.get(row?.uuid ?? '')
    const hits = await circles.quickSearch(fold(detail.name.toUpperCase()), 12)
    const hit = hits.find((h) => h.result.uuid === detail.uuid)
    expect(hit?.rank).toBe(0)
    expect(hit?.result).toEqual<QuickSearchResult>({
      kind: 'circle',
      uuid: detail.uuid,
      title: detail.name,
      subtitle: detail.members.map((m) => m.name).join(', '),
      at: detail.updatedAt ?? detail.createdAt,
    })
    expect(await circles.quickSearch(fold('zzqx-nothing'), 12)).toEqual([])
  })
})

describe('circles through search.quick (real core)', () => {
  let harness: SignedInHarness
  beforeAll(async () => {
    harness = await signedInHarness({ sandbox: { size: 'small' } })
  })
  afterAll(async () => {
    await harness.close()
  })

  it('offers circles to Ctrl/Cmd+K by name, accents and case ignored', async () => {
    const page = await harness.test.value<{ rows: Array<{ uuid: string; name: string }> }>('circles.list', {})
    const first = page.rows[0]
    const results = await harness.test.value<QuickSearchResult[]>('search.quick', { query: ` ${first?.name.toLowerCase()} `, limit: 50 })
    const circle = results.find((r) => r.kind === 'circle' && r.uuid === first?.uuid)
    expect(circle?.title).toBe(first?.name)
    expect(circle?.subtitle).not.toBeNull()
  })
})
