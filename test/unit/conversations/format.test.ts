import { describe, expect, it } from 'vitest'
import { countsText, listTime, messageTime } from '../../../src/renderer/src/components/conversations/format'
import { countText } from '../../../src/renderer/src/views/conversations/count-text'

// Local times: the app shows times in the user's own zone, and so do these expectations.
const now = new Date(2026, 1, 12, 15, 30) // Thu 12 Feb 2026, 15:30

describe('UK times in the conversations view', () => {
  it('shows a list row’s time by how long ago it was', () => {
    expect(listTime(new Date(2026, 1, 12, 9, 5).toISOString(), now)).toBe('09:05')
    expect(listTime(new Date(2026, 1, 11, 22, 0).toISOString(), now)).toBe('Yesterday')
    expect(listTime(new Date(2026, 1, 9, 12, 0).toISOString(), now)).toBe('Mon')
    expect(listTime(new Date(2026, 0, 3, 12, 0).toISOString(), now)).toBe('3 Jan')
    expect(listTime(new Date(2025, 11, 24, 12, 0).toISOString(), now)).toBe('24 Dec 2025')
    expect(listTime('not a date', now)).toBe('')
  })

  it('shows a message’s day and 24-hour time', () => {
    expect(messageTime(new Date(2026, 1, 12, 14, 5).toISOString(), now)).toBe('14:05')
    expect(messageTime(new Date(2026, 1, 11, 8, 0).toISOString(), now)).toBe('Yesterday 08:00')
    expect(messageTime(new Date(2026, 1, 3, 17, 45).toISOString(), now)).toBe('3 Feb, 17:45')
    expect(messageTime(new Date(2024, 6, 1, 9, 0).toISOString(), now)).toBe('1 Jul 2024, 09:00')
  })

  it('counts messages and people, leaving out what Plannr did not say', () => {
    expect(countsText(1, 2)).toBe('1 message · 2 people')
    expect(countsText(1200, 1)).toBe('1,200 messages · 1 person')
    expect(countsText(null, 3)).toBe('3 people')
    expect(countsText(null, null)).toBe('')
  })

  it('says how many conversations, and how many match a search', () => {
    expect(countText(13, 13, '', 'false')).toBe('13 conversations')
    expect(countText(1, 1, '', 'only')).toBe('1 archived conversation')
    expect(countText(1, 13, ' isa ', 'false')).toBe('1 of 13 conversations matches “isa”')
    expect(countText(2, 13, 'isa', 'with')).toBe('2 of 13 conversations match “isa”')
  })
})
