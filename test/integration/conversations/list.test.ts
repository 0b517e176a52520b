import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConversationRow, ConversationsPage } from '@shared/models/conversations'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { directConversations, requestsTo, signedInAccount } from './helpers'

const LIST = '/api/v1/conversation'

function isOrdered(rows: readonly ConversationRow[]): boolean {
  const pinnedEnds = rows.findIndex((row) => !row.pinned)
  if (pinnedEnds >= 0 && rows.slice(pinnedEnds).some((row) => row.pinned)) return false
  const time = (row: ConversationRow) => Date.parse(row.latestMessage?.at ?? '1970-01-01T00:00:00Z')
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1]!, rows[i]!]
    if (a.pinned === b.pinned && time(a) < time(b)) return false
  }
  return true
}

describe('conversations.list against the sandbox', () => {
  let h: SignedInHarness
  let account: string

  beforeAll(async () => {
    // The demo-sized book: the small one has no conversation the adviser archived.
    h = await signedInHarness({ sandbox: { size: 'demo' } })
    account = await signedInAccount(h.test)
  })
  afterAll(() => h.close())
  beforeEach(() => h.sandbox.clearRequests())

  it('lists every unarchived conversation of the adviser, pinned first then newest activity first', async () => {
    const page = await h.test.value<ConversationsPage>('conversations.list', {})
    const oracle = await directConversations(h.sandbox, account)
    expect(page.grandTotal).toBe(oracle.length)
    expect(page.rows.map((r) => r.uuid).sort()).toEqual(oracle.map((c) => c.uuid).sort())
    expect(page.rows.some((r) => r.pinned)).toBe(true)
    expect(page.rows[0]!.pinned).toBe(true)
    expect(isOrdered(page.rows)).toBe(true)
    const withTags = page.rows.find((r) => r.tags.length > 0)
    expect(withTags?.tags[0]?.colour).toMatch(/^#/)
    expect(page.rows.every((r) => r.participantsCount !== null && r.messagesCount !== null)).toBe(true)
    expect(page.rows.some((r) => r.case !== null)).toBe(true)
  })

  it('asks Plannr with every relation the list shows, and serves later looks from the cache', async () => {
    await h.test.value('conversations.list', {})
    await h.test.value('conversations.list', { search: 'review' })
    const gets = requestsTo(h.sandbox, 'GET', LIST)
    // The first test already filled the cache for the default filter.
    expect(gets).toHaveLength(0)
  })

  it('searches by name ignoring case and accents', async () => {
    const all = await h.test.value<ConversationsPage>('conversations.list', {})
    const word = all.rows[0]!.name.split(/\s+/)[0]!.toUpperCase()
    const page = await h.test.value<ConversationsPage>('conversations.list', { search: word })
    expect(page.total).toBeGreaterThan(0)
    expect(page.rows.every((r) => r.name.toLowerCase().includes(word.toLowerCase()))).toBe(true)
    expect(page.grandTotal).toBe(all.grandTotal)
    const none = await h.test.value<ConversationsPage>('conversations.list', { search: 'zzqx nothing like this' })
    expect(none.total).toBe(0)
  })

  it('filters by archived state on the server, one fetch per filter', async () => {
    const archived = await h.test.value<ConversationsPage>('conversations.list', { archived: 'only' })
    const oracle = await directConversations(h.sandbox, account, { 'filter[archived]': 'only' })
    expect(archived.rows.map((r) => r.uuid).sort()).toEqual(oracle.map((c) => c.uuid).sort())
    expect(archived.total).toBeGreaterThan(0)
    const gets = requestsTo(h.sandbox, 'GET', LIST)
    expect(gets[0]!.query['filter[archived]']).toBe('only')
    expect(gets[0]!.query.include!.split(',')).toEqual(
      expect.arrayContaining(['participants', 'participants_count', 'latest_message', 'messages_count', 'case', 'tags']),
    )

    const active = await h.test.value<ConversationsPage>('conversations.list', {})
    const both = await h.test.value<ConversationsPage>('conversations.list', { archived: 'with' })
    expect(both.grandTotal).toBe(active.grandTotal + archived.grandTotal)
    expect(isOrdered(both.rows)).toBe(true)
  })

  it('filters by circle on the server', async () => {
    const circles = await h.test.value<{ rows: Array<{ uuid: string }> }>('circles.list', { limit: 500 })
    let found: ConversationsPage | null = null
    let circleUuid = ''
    for (const circle of circles.rows) {
      h.sandbox.clearRequests()
      const page = await h.test.value<ConversationsPage>('conversations.list', { circleUuid: circle.uuid })
      if (page.total > 0) {
        found = page
        circleUuid = circle.uuid
        break
      }
    }
    expect(found).not.toBeNull()
    const request = requestsTo(h.sandbox, 'GET', LIST)[0]!
    expect(request.query['filter[circle_uuids]']).toBe(circleUuid)
    const oracle = await directConversations(h.sandbox, account, { 'filter[circle_uuids]': circleUuid })
    expect(found!.rows.map((r) => r.uuid).sort()).toEqual(oracle.map((c) => c.uuid).sort())
    const all = await h.test.value<ConversationsPage>('conversations.list', {})
    expect(found!.total).toBeLessThan(all.total)
  })

  it('pages the ordered list with offset and limit', async () => {
    const whole = await h.test.value<ConversationsPage>('conversations.list', { limit: 500 })
    const second = await h.test.value<ConversationsPage>('conversations.list', { offset: 3, limit: 4 })
    expect(second.rows.map((r) => r.uuid)).toEqual(whole.rows.slice(3, 7).map((r) => r.uuid))
  })
})
