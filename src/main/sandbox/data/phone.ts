/**
 * Just enough phone-number handling for a believable Plannr: UK numbers are checked for a plausible
 * shape, stored in E.164 and shown in UK national spacing ("0333 090 3630", "07700 900123").
 * Other countries are accepted in international or national form for a short list of calling codes.
 */

export interface PhoneNumber {
  /** E.164, e.g. +443330903630 */
  value: string
  meta: { country: string; formatted: string }
}

const CALLING_CODES: Record<string, string> = {
  GB: '44', IE: '353', FR: '33', DE: '49', ES: '34', PT: '351', IT: '39', NL: '31', BE: '32', CH: '41',
  US: '1', CA: '1', AU: '61', NZ: '64', ZA: '27', AE: '971', IN: '91', HK: '852', SG: '65', JE: '44', GG: '44', IM: '44',
}

export function isKnownCountry(country: string): boolean {
  return country.toUpperCase() in CALLING_CODES
}

/** UK national spacing for a number written with its leading 0. */
export function formatUkNational(national: string): string {
  const groups = (...sizes: number[]) => {
    const parts: string[] = []
    let at = 0
    for (const size of sizes) {
      parts.push(national.slice(at, at + size))
      at += size
    }
    if (at < national.length) parts.push(national.slice(at))
    return parts.filter(Boolean).join(' ')
  }
  if (national.length === 10) return national.startsWith('08') ? groups(4, 6) : groups(5, 5)
  if (national.startsWith('02')) return groups(3, 4, 4)
  if (/^01\d1/.test(national) || /^011/.test(national)) return groups(4, 3, 4)
  if (/^0[389]/.test(national)) return groups(4, 3, 4)
  return groups(5, 6)
}

/** A UK number in any common written form → its national digits with the leading 0, or null if implausible. */
function ukNational(input: string): string | null {
  let text = input.trim().replace(/\(0\)/g, '')
  text = text.replace(/[\s\-.()]/g, '')
  if (text.startsWith('+44')) text = `0${text.slice(3)}`
  else if (text.startsWith('0044')) text = `0${text.slice(4)}`
  if (!/^0\d+$/.test(text)) return null
  if (!/^0[1235789]/.test(text)) return null
  if (text.length === 11) return text
  if (text.length === 10 && (text.startsWith('01') || text.startsWith('0800'))) return text
  return null
}

/** Parses a phone number for `country` (default GB). Returns null when it is not a plausible number. */
export function parsePhone(input: string, country = 'GB'): PhoneNumber | null {
  const code = country.toUpperCase()
  const callingCode = CALLING_CODES[code]
  if (callingCode === undefined) return null
  if (callingCode === '44') {
    const national = ukNational(input)
    if (national === null) return null
    return { value: `+44${national.slice(1)}`, meta: { country: code, formatted: formatUkNational(national) } }
  }
  const trimmed = input.trim().replace(/\s+/g, ' ')
  const digits = trimmed.replace(/[\s\-.()]/g, '')
  if (digits.startsWith('+')) {
    if (!/^\+\d{8,15}$/.test(digits) || !digits.slice(1).startsWith(callingCode)) return null
    return { value: digits, meta: { country: code, formatted: trimmed } }
  }
  if (!/^\d{6,13}$/.test(digits)) return null
  const national = digits.replace(/^0/, '')
  return { value: `+${callingCode}${national}`, meta: { country: code, formatted: trimmed } }
}

/** Digits only, for matching searches that ignore spacing. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '')
}
