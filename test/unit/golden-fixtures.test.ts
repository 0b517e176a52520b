import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Circle, ContactDetail, Conversation, ReferralConnection, paginated } from '@shared/plannr'

/*
 * The seed pages' examples (repaired as test/fixtures/plannr/README.md says) are what Plannr really
 * sends: the client's schemas must read every one, and read the fields the app depends on.
 */

const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../fixtures/plannr', name), 'utf8'))

describe('the client’s schemas read the golden fixtures', () => {
  it('a referral connection', () => {
    const connection = ReferralConnection.parse(fixture('referral-connection.json'))
    expect(connection).toMatchObject({ direction: 'sent', status: 'pending', recipient_firm: { name: 'Recipient Firm Name' } })
  })

  it('a conversation with its case, tags, participants and latest message', () => {
    const conversation = Conversation.parse(fixture('conversation.json'))
    expect(conversation.case?.value).toMatchObject({ amount: '4000', currency: 'GBP' })
    expect(conversation.participants?.[0]?.name).toBe('Gareth Thompson')
    expect(conversation.latest_message?.contents).toBe('Welcome to Plannr!')
    expect(conversation.tags?.[0]?.colour).toBe('#ef4582')
  })

  it('a contact detail with its owners and phone metadata', () => {
    const detail = ContactDetail.parse(fixture('contact-detail.json'))
    expect(detail.phone_number_meta).toMatchObject({ country: 'GB', formatted: '0333 090 3630' })
    expect(detail.accounts?.map((account) => account.uuid)).toEqual(['2c39202f-a0a1-4c9b-b939-941eb5dc6c14'])
  })

  it('a page of circles', () => {
    const page = paginated(Circle).parse(fixture('circles-list.json'))
    expect(page.data[0]).toMatchObject({ name: 'Jones Family', joint_account_uuid: '9eb40ac4-7820-4c7c-bf37-478f80b590a6' })
  })
})
