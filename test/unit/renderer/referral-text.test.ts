import { describe, expect, it } from 'vitest'
import { checkCode, connectRefusalText, directionLabel, expiryText, longDate, statusLabel } from '../../../src/renderer/src/lib/referral-text'

const now = new Date('2026-03-10T12:00:00Z')
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString()

describe('referral connection wording', () => {
  it('says how long a pending request has left, and how long ago an expired one lapsed', () => {
    expect(expiryText('pending', inDays(12), now)).toBe('Expires in 12 days')
    expect(expiryText('pending', inDays(1), now)).toBe('Expires tomorrow')
    expect(expiryText('pending', inDays(0.25), now)).toBe('Expires in 6 hours')
    expect(expiryText('expired', inDays(-3), now)).toBe('Expired 3 days ago')
    expect(expiryText('expired', inDays(-1), now)).toBe('Expired yesterday')
    // Past its date but not yet swept by Plannr: it has lapsed all the same.
    expect(expiryText('pending', inDays(-2), now)).toBe('Expired 2 days ago')
  })

  it('says nothing about expiry once a connection is accepted or denied, or when the date is missing', () => {
    expect(expiryText('accepted', inDays(12), now)).toBeNull()
    expect(expiryText('denied', inDays(-12), now)).toBeNull()
    expect(expiryText('pending', null, now)).toBeNull()
    expect(expiryText('pending', 'not a date', now)).toBeNull()
  })

  it('writes dates the UK way and names statuses and directions in words', () => {
    expect(longDate('2026-05-31T16:22:06+01:00')).toBe('31 May 2026')
    expect(longDate('garbage')).toBe('garbage')
    expect(statusLabel('pending')).toBe('Pending')
    expect(statusLabel('withdrawn')).toBe('Withdrawn')
    expect(directionLabel('sent')).toBe('Sent by your firm')
    expect(directionLabel('received')).toBe('Received')
  })
})

describe('checking a referral code as it is typed', () => {
  it('accepts 8 letters or digits, upper-cased, spaces removed', () => {
    expect(checkCode(' mmp1f6k8 ')).toEqual({ code: 'MMP1F6K8', valid: true, hint: '8 of 8 characters', problem: null })
    expect(checkCode('MMP1 F6K8').code).toBe('MMP1F6K8')
    // As codes are often written: grouped with a hyphen.
    expect(checkCode('MMP1-F6K8')).toMatchObject({ code: 'MMP1F6K8', valid: true })
  })

  it('explains what is wrong with anything else', () => {
    expect(checkCode('')).toMatchObject({ valid: false, hint: '8 letters or numbers, for example ABC12345' })
    expect(checkCode('abc')).toMatchObject({ valid: false, hint: '3 of 8 characters', problem: 'A referral code is 8 characters: 5 more to go.' })
    expect(checkCode('ABCD12345')).toMatchObject({ valid: false, problem: 'A referral code is 8 characters: this one is too long.' })
    expect(checkCode('ABC_1234')).toMatchObject({ valid: false, hint: 'Only letters and numbers' })
    expect(checkCode('ÄBC12345').valid).toBe(false)
  })
})

describe('connectRefusalText', () => {
  it('says plainly that no adviser has an unknown code, and passes other refusals through', () => {
    expect(connectRefusalText('The selected adviser key is invalid.')).toBe('No adviser has that referral code.')
    expect(connectRefusalText('You cannot connect with your own firm.')).toBe('You cannot connect with your own firm.')
  })
})
