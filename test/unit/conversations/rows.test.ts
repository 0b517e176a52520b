import { describe, expect, it } from 'vitest'
import { Conversation, Message } from '@shared/plannr'
import { compareConversations, pageOfConversations } from '../../../src/main/core/features/conversations/query'
import { previewOf, toConversationRow, toMessageView } from '../../../src/main/core/features/conversations/rows'

function conversation(uuid: string, name: string, latestAt: string | null, pinned = false): Conversation {
  return Conversation.parse({
    uuid,
    name,
    pinned,
    created_at: '2025-01-01T09:00:00+00:00',
    latest_message: latestAt ? { uuid: `m-${uuid}`, created_at: latestAt, contents: `Latest in ${name}` } : null,
  })
}

describe('conversation order: pinned first, then newest activity', () => {
  const rows = [
    conversation('a', 'Old', '2025-03-01T10:00:00+00:00'),
    conversation('b', 'Pinned old', '2025-01-02T10:00:00+00:00', true),
    conversation('c', 'Newest', '2025-04-01T10:00:00+01:00'),
    conversation('d', 'Pinned new', '2025-05-01T10:00:00+01:00', true),
    conversation('e', 'Never written in', null),
  ]

  it('orders them', () => {
    expect([...rows].sort(compareConversations).map((c) => c.uuid)).toEqual(['d', 'b', 'c', 'a', 'e'])
  })

  it('searches by name, ignoring case and accents, and reports totals', () => {
    const page = pageOfConversations([...rows, conversation('f', 'Zoë’s ISA', null)], { search: 'ZOE', offset: 0, limit: 10 }, null)
    expect(page.rows.map((r) => r.uuid)).toEqual(['f'])
    expect(page.total).toBe(1)
    expect(page.grandTotal).toBe(6)
  })

  it('does not reorder the cached list it was given', () => {
    const cached = [...rows]
    pageOfConversations(cached, { search: '', offset: 0, limit: 10 }, null)
    expect(cached.map((c) => c.uuid)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})

describe('rows and messages as the window sees them', () => {
  it('makes a one-line preview without markup, shortened with an ellipsis', () => {
    expect(previewOf('<p>Hello   <b>Jane</b>,</p>\n\nThanks')).toBe('Hello Jane , Thanks')
    const long = previewOf('word '.repeat(100))
    expect(long.length).toBeLessThanOrEqual(160)
    expect(long.endsWith('…')).toBe(true)
    expect(previewOf(null)).toBe('')
  })

  it('reads placeholder relations from the docs as absent', () => {
    const row = toConversationRow(
      Conversation.parse({ uuid: 'x', name: 'Docs example', case: 'App\\Http\\Resources\\CaseResource', tags: 'App\\Http\\Resources\\TagResource' }),
    )
    expect(row).toMatchObject({ case: null, tags: [], pinned: false, latestMessage: null, messagesCount: null })
  })

  it('marks a message mine only when the signed-in account wrote it', () => {
    const message = Message.parse({
      uuid: 'm',
      created_at: '2025-01-01T09:00:00+00:00',
      contents: 'Hi',
      author: { uuid: 'acc-1', first_name: 'Sophie', last_name: 'Turner' },
    })
    expect(toMessageView(message, 'acc-1')).toMatchObject({ mine: true, authorName: 'Sophie Turner', edited: false })
    expect(toMessageView(message, 'acc-2').mine).toBe(false)
    expect(toMessageView(message, undefined).mine).toBe(false)
  })
})

describe('a linked case’s value', () => {
  const withValue = (value: unknown) =>
    toConversationRow(Conversation.parse({ uuid: 'x', name: 'Review', case: { uuid: 'c', name: 'Pension transfer', value } })).case

  it('keeps Plannr’s amount in pennies, from a string or a number, with its currency', () => {
    expect(withValue({ amount: '4000', currency: 'GBP', formatted: '£40.00' })).toEqual({
      uuid: 'c',
      name: 'Pension transfer',
      value: { minor: 4000, currency: 'GBP' },
    })
    expect(withValue({ amount: 125050 })?.value).toEqual({ minor: 125050, currency: 'GBP' })
  })

  it('reads a missing or unreadable amount as no value rather than a wrong one', () => {
    expect(withValue(undefined)?.value).toBeNull()
    expect(withValue({ amount: '40.5', currency: 'GBP' })?.value).toBeNull()
    expect(withValue({ amount: 'lots', currency: 'GBP' })?.value).toBeNull()
    expect(withValue({ amount: '100', currency: 'pounds' })?.value).toBeNull()
  })
})
