import { describe, expect, it } from 'vitest'
import { caseText, formatMoney } from '../../../src/renderer/src/lib/format'

describe('money, the UK way', () => {
  it('formats pennies as pounds with a thousands separator, dropping .00 on whole pounds', () => {
    expect(formatMoney(4000, 'GBP')).toBe('£40')
    expect(formatMoney(125050, 'GBP')).toBe('£1,250.50')
    expect(formatMoney(4_000_000_00, 'GBP')).toBe('£4,000,000')
    expect(formatMoney(5, 'GBP')).toBe('£0.05')
  })

  it('uses the currency’s own minor unit', () => {
    expect(formatMoney(1999, 'EUR')).toBe('€19.99')
    expect(formatMoney(500, 'JPY')).toBe('JP¥500')
  })

  it('names a linked case with its value when there is one', () => {
    expect(caseText({ name: 'Pension transfer', value: { minor: 4_000_000, currency: 'GBP' } })).toBe('Case: Pension transfer · £40,000')
    expect(caseText({ name: null, value: null })).toBe('Case: Linked case')
  })
})
