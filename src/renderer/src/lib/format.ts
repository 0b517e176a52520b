/** Presentation helpers: UK formats (en-GB) and short summaries for lists. */

const numberFormat = new Intl.NumberFormat('en-GB')
const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' })

export function formatNumber(n: number): string {
  return numberFormat.format(n)
}

/** "1 circle", "412 circles". */
/**
 * An amount in its currency's minor unit (pennies), the UK way: "£1,250.50". Whole pounds drop the
 * pence ("£40,000"), as advisers write case values.
 */
export function formatMoney(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en-GB', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  const major = minor / 10 ** digits
  const fraction = Number.isInteger(major) ? 0 : digits
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(major)
}

/** "Case: Pension transfer · £40,000", or without the value when Plannr gives none. */
export function caseText(linked: { name: string | null; value: { minor: number; currency: string } | null }): string {
  const name = `Case: ${linked.name ?? 'Linked case'}`
  return linked.value ? `${name} · ${formatMoney(linked.value.minor, linked.value.currency)}` : name
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`
}

/** "412 circles", or with a search "3 of 412 circles match “pat”". */
export function circlesCountText(total: number, grandTotal: number, search: string): string {
  const term = search.trim()
  if (term === '') return plural(grandTotal, 'circle')
  const noun = grandTotal === 1 ? 'circle' : 'circles'
  const verb = total === 1 ? 'matches' : 'match'
  return `${formatNumber(total)} of ${formatNumber(grandTotal)} ${noun} ${verb} “${term}”`
}

/** "Updated 14:05" today, "Updated 3 Feb 2026, 14:05" before; null when the time is unknown or unreadable. */
export function updatedText(iso: string | null, now: Date = new Date()): string | null {
  if (!iso) return null
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return null
  const sameDay = at.toDateString() === now.toDateString()
  return `Updated ${sameDay ? timeFormat.format(at) : dateTimeFormat.format(at)}`
}

/** Full date and time for a tooltip or <time> title. */
export function fullDateTime(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? iso : dateTimeFormat.format(at)
}

/** "Jane, Tom and Priya", or "Jane, Tom, Priya and 4 others" past three names. */
export function memberSummary(names: readonly string[], memberCount: number): string {
  if (memberCount === 0 || names.length === 0) return 'No members yet'
  const shown = names.slice(0, 3)
  const others = Math.max(memberCount - shown.length, 0)
  if (others === 0) return listFormat.format(shown)
  return `${shown.join(', ')} and ${plural(others, 'other')}`
}

/** Up to two initials from a name: "The Patel Family" → "PF". Skips small joining words. */
export function initials(name: string): string {
  const skip = new Set(['the', 'and', 'of', '&'])
  const words = name
    .split(/\s+/)
    .filter((word) => word !== '' && !skip.has(word.toLowerCase()))
  const letters = (words.length > 0 ? words : [name]).slice(0, 2).map((word) => [...word][0] ?? '')
  return letters.join('').toUpperCase() || '?'
}

/**
 * A circle's colour, only if it is a plain hex colour: it goes into a style attribute, so anything
 * else (a CSS expression, a url()) is refused.
 */
export function safeHexColour(value: string | null | undefined): string | null {
  if (!value) return null
  const trimmed = value.trim()
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(trimmed) ? trimmed : null
}

const HUE_NAMES: ReadonlyArray<[number, string]> = [
  [15, 'red'], [45, 'orange'], [65, 'yellow'], [80, 'lime'], [165, 'green'], [195, 'turquoise'],
  [250, 'blue'], [280, 'purple'], [320, 'magenta'], [345, 'pink'], [360, 'red'],
]

/** A plain-English name for a hex colour ("light teal", "dark blue", "grey"), for people rather than designers. */
export function colourName(hex: string): string {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as [number, number, number]
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const lightness = (max + min) / 2
  const chroma = max - min
  const shade = lightness > 0.7 ? 'light ' : lightness < 0.3 ? 'dark ' : ''
  if (chroma < 0.08) return lightness > 0.9 ? 'white' : lightness < 0.1 ? 'black' : `${shade}grey`
  let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4
  hue = (hue * 60 + 360) % 360
  const name = HUE_NAMES.find(([limit]) => hue < limit)?.[1] ?? 'red'
  return `${shade}${name}`
}

/** Black or white text, whichever reads better on the given hex background (WCAG relative luminance). */
export function readableTextOn(hex: string): '#000000' | '#ffffff' {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  const channel = (i: number) => {
    const v = parseInt(digits.slice(i, i + 2), 16) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
  // Contrast against black is (L + 0.05) / 0.05 and against white 1.05 / (L + 0.05); pick the larger.
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff'
}

/** "Adviser", "Client" — Plannr's types and roles are snake_case words. */
export function humanise(value: string | null | undefined): string {
  if (!value) return ''
  const words = value.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
