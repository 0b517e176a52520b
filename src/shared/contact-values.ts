/**
 * Checking and normalising what an adviser types as a phone number or an email address. Pure and free of
 * zod, so main (which decides) and the renderer (which gives feedback while the user types) share it.
 *
 * Phone numbers are read against the metadata the caller passes (`phoneNormaliser`): main, which has the
 * final say, uses libphonenumber-js's `max` metadata so that its check agrees with Plannr's (Google's
 * libphonenumber, full metadata) — see src/main/core/phone-numbers.ts; the renderer uses the much smaller
 * `min` metadata for feedback while typing, and main's answer on save wins where they differ.
 */
import { parsePhoneNumberWithError, ParseError, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core'

export const DEFAULT_PHONE_COUNTRY = 'GB'

export type PhoneResult =
  | { ok: true; e164: string; national: string; international: string; country: string }
  | { ok: false; message: string }

export type EmailResult = { ok: true; value: string } | { ok: false; message: string }

/** What a written phone number may contain: digits and the usual separators, nothing else. */
const PHONE_CHARACTERS = /^[+\d\s().\-/\u00a0]+$/
/** Longer than any real number with generous spacing: a paste of something else. */
const MAX_PHONE_LENGTH = 40

/**
 * Ofcom reserves 07700 900000–900999 for drama and tests. libphonenumber marks them invalid (they ring
 * nobody), but the demo workspace and UK test data use them, so they are accepted like real numbers.
 */
const OFCOM_DRAMA_MOBILES = /^\+447700900\d{3}$/

const regionNames = new Intl.DisplayNames('en-GB', { type: 'region' })

/** "United Kingdom", "Australia" … for an ISO 3166 code; the code itself if the name is unknown. */
export function countryName(country: string): string {
  try {
    return regionNames.of(country) ?? country
  } catch {
    return country
  }
}

function notAPhoneNumber(country: string): string {
  if (country === DEFAULT_PHONE_COUNTRY) {
    return 'That doesn’t look like a UK phone number. Check the digits, or choose the country if it is from abroad.'
  }
  return `That doesn’t look like a phone number in ${countryName(country)}. Check the digits and the country.`
}

function parse(text: string, country: string, metadata: MetadataJson): PhoneNumber | null {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry: country as CountryCode, extract: false }, metadata)
  } catch (error) {
    if (error instanceof ParseError) return null
    throw error
  }
}

/** Reads phone numbers against `metadata` (libphonenumber-js's `max` in main, `min` in the renderer). */
export function phoneNormaliser(metadata: MetadataJson): (input: string, country?: string) => PhoneResult {
  return (input, country) => normalisePhone(input, country ?? DEFAULT_PHONE_COUNTRY, metadata)
}

/**
 * A phone number as typed (UK national "07911 123456", "(020) 7946 0018", "+44 (0)7911 123456",
 * "0044 …", or a number of `country` when another is chosen) → its E.164 form and display forms.
 * `country` is the chosen ISO 3166 code; an international number (+…) carries its own.
 */
function normalisePhone(input: string, country: string, metadata: MetadataJson): PhoneResult {
  const chosen = country.trim().toUpperCase() || DEFAULT_PHONE_COUNTRY
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Enter a phone number.' }
  if (text.length > MAX_PHONE_LENGTH || !PHONE_CHARACTERS.test(text)) return { ok: false, message: notAPhoneNumber(chosen) }
  const phone = parse(text, chosen, metadata)
  if (!phone) return { ok: false, message: notAPhoneNumber(chosen) }
  if (phone.ext) {
    return { ok: false, message: 'Leave the extension out: Plannr stores the number only. You can mention the extension in the description.' }
  }
  if (!phone.isValid() && !OFCOM_DRAMA_MOBILES.test(phone.number)) return { ok: false, message: notAPhoneNumber(chosen) }
  // Every +44 number (Guernsey, Jersey and the Isle of Man share the UK plan) reads as the UK's when the
  // UK is the chosen country, as Plannr's GB default treats it.
  const uk = phone.countryCallingCode === '44' && chosen === DEFAULT_PHONE_COUNTRY
  return {
    ok: true,
    e164: phone.number,
    national: phone.formatNational(),
    international: phone.formatInternational(),
    country: uk ? DEFAULT_PHONE_COUNTRY : (phone.country ?? chosen),
  }
}

/**
 * The addresses people really have, and nothing that changes meaning in a mailto: link: a local part of
 * letters, digits and . _ + - ' (no leading, trailing or doubled dot), then a domain of letter-or-digit
 * labels joined by hyphens and dots, ending in a top-level domain of two letters or more. `?`, `#`,
 * `/`, spaces and control characters are refused wherever they appear ("victim@example.com?bcc=…").
 */
const EMAIL_SHAPE = /^[\p{L}\p{N}_+'-]+(\.[\p{L}\p{N}_+'-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u
/** RFC 5321's limit on a whole address. */
const MAX_EMAIL_LENGTH = 254

/** An email address as typed → trimmed, with its domain in lower case (the local part is left alone). */
export function normaliseEmail(input: string): EmailResult {
  const text = input.trim()
  if (text === '') return { ok: false, message: 'Enter an email address.' }
  if (text.length > MAX_EMAIL_LENGTH) return { ok: false, message: 'That is too long to be an email address.' }
  if (!EMAIL_SHAPE.test(text)) {
    return { ok: false, message: 'That doesn’t look like an email address. It should look like name@example.co.uk.' }
  }
  const at = text.lastIndexOf('@')
  return { ok: true, value: `${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}` }
}

/**
 * How a stored phone number reads in a UK firm: UK numbers in Plannr's national form ("0333 090 3630"),
 * numbers from abroad in international form ("+33 6 12 34 56 78") rather than their own country's
 * national form, which a UK reader would dial wrongly.
 */
export function phoneDisplayer(
  metadata: MetadataJson,
): (value: string, country: string | null | undefined, formatted: string | null | undefined) => string {
  return (value, country, formatted) => {
    const national = formatted?.trim() || value
    if (!country || country.toUpperCase() === DEFAULT_PHONE_COUNTRY) return national
    const phone = parse(value, country.toUpperCase(), metadata)
    return phone?.isPossible() ? phone.formatInternational() : national
  }
}
