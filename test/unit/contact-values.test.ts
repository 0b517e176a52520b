import { describe, expect, it } from 'vitest'
import { countryName, normaliseEmail } from '@shared/contact-values'
import { displayPhone, normalisePhone } from '../../src/main/core/phone-numbers'
import { previewPhone } from '../../src/renderer/src/lib/phone-numbers'

function phone(input: string, country?: string) {
  const result = normalisePhone(input, country)
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to be accepted: ${result.message}`)
  return result
}

describe('normalisePhone: UK numbers by default', () => {
  it.each([
    ['07911 123456'],
    ['07911123456'],
    ['07911 123 456'],
    ['07911-123-456'],
    ['(07911) 123456'],
    ['+44 7911 123456'],
    ['+447911123456'],
    ['+44 (0)7911 123456'],
    ['0044 7911 123456'],
    ['  07911 123456  '],
  ])('reads %j as +447911123456 in UK spacing', (input) => {
    expect(phone(input)).toEqual({
      ok: true,
      e164: '+447911123456',
      national: '07911 123456',
      international: '+44 7911 123456',
      country: 'GB',
    })
  })

  it('reads landlines with brackets, London and Manchester, in their own spacing', () => {
    expect(phone('(020) 7946 0018')).toMatchObject({ e164: '+442079460018', national: '020 7946 0018' })
    expect(phone('0161 496 0123')).toMatchObject({ e164: '+441614960123', national: '0161 496 0123' })
    expect(phone('0333 090 3630')).toMatchObject({ e164: '+443330903630', national: '0333 090 3630' })
  })

  it("accepts Ofcom's drama mobiles (07700 900xxx), which the demo workspace uses", () => {
    expect(phone('07700 900 123')).toMatchObject({ e164: '+447700900123', national: '07700 900123', country: 'GB' })
  })

  it('reads an international number typed with the UK chosen as that country', () => {
    expect(phone('+353 1 234 5678')).toMatchObject({ e164: '+35312345678', country: 'IE' })
    expect(phone('+61 2 3456 7890')).toMatchObject({ e164: '+61234567890', country: 'AU' })
  })

  it.each([
    ['07911 12345', 'a digit short'],
    ['07911 1234567', 'a digit too many'],
    ['12345', 'too short'],
    ['hello', 'words'],
    ['07911 123456a', 'a stray letter'],
    ['tel:+447911123456', 'a link'],
    ['+999 1234 5678', 'no such country code'],
    ['07000 0000', 'implausible'],
  ])('rejects %j (%s) with a plain message', (input) => {
    const result = normalisePhone(input)
    expect(result).toEqual({ ok: false, message: expect.stringContaining('doesn’t look like a UK phone number') })
  })

  it('asks for a number when nothing is typed', () => {
    expect(normalisePhone('   ')).toEqual({ ok: false, message: 'Enter a phone number.' })
  })

  it('refuses an extension rather than dropping it silently', () => {
    const result = normalisePhone('020 7946 0018 ext. 12')
    expect(result.ok).toBe(false)
  })
})

describe('normalisePhone: another country chosen', () => {
  it('reads Australian, American and Irish national numbers', () => {
    expect(phone('02 3456 7890', 'AU')).toEqual({
      ok: true,
      e164: '+61234567890',
      national: '(02) 3456 7890',
      international: '+61 2 3456 7890',
      country: 'AU',
    })
    expect(phone('0412 345 678', 'AU')).toMatchObject({ e164: '+61412345678', country: 'AU' })
    expect(phone('(201) 555-0123', 'US')).toMatchObject({ e164: '+12015550123', international: '+1 201 555 0123', country: 'US' })
    expect(phone('01 234 5678', 'IE')).toMatchObject({ e164: '+35312345678', country: 'IE' })
  })

  it('names the chosen country when the number does not fit it', () => {
    expect(normalisePhone('12', 'AU')).toEqual({ ok: false, message: expect.stringContaining('in Australia') })
  })

  it('keeps a +44 number abroad as the country it belongs to, not as the UK default', () => {
    // With Australia chosen the number is still British; Plannr then needs its own country.
    expect(phone('+44 20 7946 0018', 'AU')).toMatchObject({ e164: '+442079460018', country: 'GB' })
    expect(phone('+44 7911 123456', 'AU').country).toBe('GG')
  })
})

describe('previewPhone: the window’s check while typing (small metadata)', () => {
  it.each([
    ['07911 123456', 'GB'],
    ['(020) 7946 0018', 'GB'],
    ['07700 900 123', 'GB'],
    ['+353 1 234 5678', 'GB'],
    ['02 9876 5432', 'AU'],
  ])('reads %j (%s) exactly as main will save it', (input, country) => {
    expect(previewPhone(input, country)).toEqual(normalisePhone(input, country))
  })

  it.each([['07911 12345'], ['hello'], ['020 7946 0018 ext. 12'], ['']])('refuses %j as main does', (input) => {
    const preview = previewPhone(input)
    expect(preview.ok).toBe(false)
    expect(preview).toEqual(normalisePhone(input))
  })
})

describe('normaliseEmail', () => {
  it('trims and lower-cases the domain only', () => {
    expect(normaliseEmail('  Jane.Doe@Example.CO.UK ')).toEqual({ ok: true, value: 'Jane.Doe@example.co.uk' })
    expect(normaliseEmail('a+b@sub.example.com')).toEqual({ ok: true, value: 'a+b@sub.example.com' })
  })

  it('accepts the addresses UK clients really have', () => {
    for (const address of ["siobhan.o'neill@example.co.uk", 'j_smith-jones@mail.example.org', 'info@harbour-vale.example.com', 'x@b.io']) {
      expect(normaliseEmail(address)).toEqual({ ok: true, value: address })
    }
  })

  it.each([
    ['jane'],
    ['jane@'],
    ['@example.com'],
    ['jane@example'],
    ['jane@example..com'],
    ['jane doe@example.com'],
    ['jane@@example.com'],
    ['jane@example.com.'],
    ['victim@example.com?bcc=mallory@example.com'],
    ['victim@example.com#fragment'],
    ['victim?cc=mallory@example.com'],
    ['victim#x@example.com'],
    ['jane@exa mple.com'],
    ['jane@example.com\nbcc: mallory@example.com'],
    ['jane@-example.com'],
    ['jane@example.c'],
    ['.jane@example.com'],
    ['jane.@example.com'],
    ['ja..ne@example.com'],
    ['jane\u0000@example.com'],
    ['jane\u202e@example.com'],
    ['jane@example.com/path'],
    ['jane%40x@example.com'],
  ])('rejects %j', (input) => {
    expect(normaliseEmail(input)).toEqual({ ok: false, message: expect.stringContaining('doesn’t look like an email address') })
  })

  it('asks for an address when nothing is typed, and refuses absurd lengths', () => {
    expect(normaliseEmail(' ')).toEqual({ ok: false, message: 'Enter an email address.' })
    expect(normaliseEmail(`${'a'.repeat(250)}@example.com`).ok).toBe(false)
  })
})

describe('countryName', () => {
  it('names countries in British English', () => {
    expect(countryName('GB')).toBe('United Kingdom')
    expect(countryName('US')).toBe('United States')
  })
})

describe('displayPhone: numbers as a UK firm reads them', () => {
  it('shows UK numbers in Plannr’s national form', () => {
    expect(displayPhone('+443330903630', 'GB', '0333 090 3630')).toBe('0333 090 3630')
    expect(displayPhone('+443330903630', null, null)).toBe('+443330903630')
  })
  it('shows numbers from abroad in international form, not their national one', () => {
    expect(displayPhone('+33612345678', 'FR', '06 12 34 56 78')).toBe('+33 6 12 34 56 78')
    expect(displayPhone('+61234567890', 'AU', '(02) 3456 7890')).toBe('+61 2 3456 7890')
  })
  it('falls back to what Plannr sent when the stored value is not a number', () => {
    expect(displayPhone('not a number', 'FR', '06 12 34 56 78')).toBe('06 12 34 56 78')
  })
})
