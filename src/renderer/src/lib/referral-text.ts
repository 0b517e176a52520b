/** How a referral connection reads in the list: words for its status, direction and expiry (en-GB). */

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' })
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

export const STATUS_LABELS: Record<string, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  denied: 'Denied',
  expired: 'Expired',
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1)
}

export function directionLabel(direction: string): string {
  if (direction === 'sent') return 'Sent by your firm'
  if (direction === 'received') return 'Received'
  return direction
}

/** "3 February 2026"; the ISO text itself when it cannot be read. */
export function longDate(iso: string): string {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? iso : dateFormat.format(at)
}

/** "in 12 days", "tomorrow", "in 5 hours", "3 days ago", "yesterday". */
function fromNow(ms: number): string {
  const days = Math.round(ms / DAY_MS)
  if (Math.abs(ms) < DAY_MS) {
    const hours = Math.round(ms / HOUR_MS)
    if (hours === 0) return ms >= 0 ? 'within the hour' : 'just now'
    return relative.format(hours, 'hour')
  }
  return relative.format(days, 'day')
}

/**
 * "Expires in 12 days" for a pending request, "Expired 3 days ago" for a lapsed one; nothing for an
 * accepted or denied connection, whose expiry no longer matters.
 */
export function expiryText(status: string, expiresAt: string | null, now: Date = new Date()): string | null {
  if (!expiresAt) return null
  const at = Date.parse(expiresAt)
  if (Number.isNaN(at)) return null
  const left = at - now.getTime()
  if (status === 'pending' && left > 0) return `Expires ${fromNow(left)}`
  if (status === 'expired' || (status === 'pending' && left <= 0)) return `Expired ${fromNow(left)}`
  return null
}

export const CODE_LENGTH = 8
export const CODE_EXAMPLE = 'ABC12345'

export interface CodeCheck {
  /** Upper case, spaces and hyphens removed: what would be sent. */
  code: string
  valid: boolean
  /** Shown under the field while typing. */
  hint: string
  /** Shown as an error when the user tries to send. */
  problem: string | null
}

/** The same rule as the contract's AdviserKey (8 letters or digits), checked as the user types. */
export function checkCode(text: string): CodeCheck {
  const code = text.replace(/[\s-]+/g, '').toUpperCase()
  if (code === '') {
    return { code, valid: false, hint: `8 letters or numbers, for example ${CODE_EXAMPLE}`, problem: 'Enter the adviser’s 8-character referral code.' }
  }
  if (!/^[A-Z0-9]*$/.test(code)) {
    return { code, valid: false, hint: 'Only letters and numbers', problem: 'A referral code has only letters and numbers.' }
  }
  if (code.length < CODE_LENGTH) {
    const left = CODE_LENGTH - code.length
    return {
      code,
      valid: false,
      hint: `${code.length} of ${CODE_LENGTH} characters`,
      problem: `A referral code is 8 characters: ${left} more to go.`,
    }
  }
  if (code.length > CODE_LENGTH) {
    return { code, valid: false, hint: `${code.length} of ${CODE_LENGTH} characters`, problem: 'A referral code is 8 characters: this one is too long.' }
  }
  return { code, valid: true, hint: '8 of 8 characters', problem: null }
}

/** Plannr's words for an unknown referral code ("The selected adviser key is invalid."), said plainly. */
export function connectRefusalText(message: string): string {
  return /selected adviser key is invalid/i.test(message) ? 'No adviser has that referral code.' : message
}
