import { describe, expect, it } from 'vitest'
import { ContactDetailEdit, NewContactDetail } from '@shared/models/contacts'
import { MessageContents, NewConversation } from '@shared/models/conversations'
import { mailtoHref, revealText } from '@shared/models/text'

/*
 * What an adviser can type into Plannr through the app: no text that is not what it seems. NUL and other
 * control characters, bidirectional overrides (a title "\u202Egnp.exe" shows as "exe.png") and text made
 * only of invisible characters are refused where they would reach Plannr, with a message for the field.
 */

const UUID = '0b6f4a52-3a4e-4d2b-9c55-1f0c8a7e9d10'

function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }, field: string): string[] {
  if (result.success) return []
  return (result.error?.issues ?? []).filter((issue) => issue.path.join('.') === field).map((issue) => issue.message)
}

const SNEAKY: ReadonlyArray<[string, string]> = [
  ['a NUL', 'Annual\u0000Review'],
  ['a bell', 'Annual\u0007Review'],
  ['an escape sequence', 'Annual \u001b[31mReview'],
  ['a DEL', 'Annual\u007fReview'],
  ['a C1 control', 'Annual\u0085Review'],
  ['a right-to-left override', '\u202egnp.exe'],
  ['a left-to-right override', 'Review \u202dxyz'],
  ['a right-to-left embedding', 'Review \u202bxyz\u202c'],
  ['a right-to-left isolate', 'Review \u2067xyz\u2069'],
  ['a first-strong isolate', 'Review \u2068xyz'],
]

const INVISIBLE: ReadonlyArray<[string, string]> = [
  ['spaces', '   '],
  ['a zero-width space', '\u200b'],
  ['zero-width joiners and non-joiners', '\u200d\u200c\u200d'],
  ['a byte-order mark and a word joiner', '\ufeff\u2060'],
  ['no-break and ideographic spaces', '\u00a0\u3000'],
  ['a soft hyphen', '\u00ad'],
  ['a Hangul filler', '\u3164'],
  ['a Braille blank', '\u2800'],
  ['bidi marks only', '\u200e\u200f'],
]

describe('conversation titles', () => {
  for (const [label, name] of SNEAKY) {
    it(`refuse ${label}`, () => {
      expect(issues(NewConversation.safeParse({ name }), 'name')).not.toEqual([])
    })
  }
  for (const [label, name] of INVISIBLE) {
    it(`refuse a title of ${label} only`, () => {
      expect(issues(NewConversation.safeParse({ name }), 'name')).toEqual(['Give the conversation a title'])
    })
  }
  it('refuse a line break in a title', () => {
    expect(issues(NewConversation.safeParse({ name: 'Annual\nReview' }), 'name')).not.toEqual([])
  })
  it('accept real titles in any script, emoji and names with joiners', () => {
    for (const name of ['Annual Review 2026', 'Pension transfer – Ní Bhriain', 'مراجعة سنوية', 'Family 👨‍👩‍👧 planning', 'ISA top-up (£20,000)']) {
      const parsed = NewConversation.safeParse({ name: ` ${name} ` })
      expect(parsed.success).toBe(true)
      expect(parsed.data?.name).toBe(name)
    }
  })
})

describe('message contents', () => {
  for (const [label, contents] of SNEAKY) {
    it(`refuse ${label}`, () => {
      expect(MessageContents.safeParse(contents).success).toBe(false)
    })
  }
  for (const [label, contents] of INVISIBLE) {
    it(`refuse a message of ${label} only`, () => {
      expect(MessageContents.safeParse(contents).error?.issues[0]?.message).toBe('Write a message first')
    })
  }
  it('keep line breaks and tabs, which messages use', () => {
    expect(MessageContents.parse('Hi Sophie,\n\n\tThanks — see you Tuesday.\r\nRaj')).toBe('Hi Sophie,\n\n\tThanks — see you Tuesday.\r\nRaj')
  })
})

describe('contact details', () => {
  const base = { type: 'email', description: 'Home email', value: 'jane@example.co.uk', ownerUuids: [UUID] } as const
  for (const [label, text] of SNEAKY) {
    it(`refuse ${label} in a description or value`, () => {
      expect(issues(NewContactDetail.safeParse({ ...base, description: text }), 'description')).not.toEqual([])
      expect(issues(NewContactDetail.safeParse({ ...base, value: text }), 'value')).not.toEqual([])
      expect(issues(ContactDetailEdit.safeParse({ ...base, uuid: UUID, description: text }), 'description')).not.toEqual([])
    })
  }
  for (const [label, text] of INVISIBLE) {
    it(`refuse a description of ${label} only`, () => {
      expect(issues(NewContactDetail.safeParse({ ...base, description: text }), 'description')).not.toEqual([])
    })
  }
})

describe('text from Plannr, as the interface shows it', () => {
  it('shows a disguised file name as what it is', () => {
    expect(revealText('\u202egnp.exe')).toBe('gnp.exe')
    expect(revealText('Review \u2067x\u2069 \u202by\u202c')).toBe('Review x y')
    expect(revealText('NUL\u0000 and ESC\u001b[31m')).toBe('NUL and ESC[31m')
  })
  it('keeps line breaks, right-to-left text and its marks', () => {
    expect(revealText('Hi,\n\tمرحبا\u200f')).toBe('Hi,\n\tمرحبا\u200f')
  })
  it('links an address only when it is nothing but an address', () => {
    expect(mailtoHref('jane.doe@example.co.uk')).toBe('mailto:jane.doe@example.co.uk')
    for (const value of ['victim@example.com?bcc=mallory@example.com', 'a@b.com#x', 'a b@example.com', 'a@example.com\nbcc:x', 'javascript:alert(1)//@x.com']) {
      expect(mailtoHref(value)).toBeNull()
    }
  })
})
