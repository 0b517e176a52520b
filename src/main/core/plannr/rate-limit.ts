import { retryAfterFromHeaders } from './retry-after'

export interface RateLimitSnapshot {
  /** Requests left in the current window, from the last `X-Ratelimit-Remaining`; undefined before any answer. */
  remaining: number | undefined
  /** The window's size, from `X-Ratelimit-Limit` when Plannr sends it. */
  limit: number | undefined
  /** When the window is expected to reset (ms since epoch), once the allowance has run out. */
  resetAt: number | undefined
}

/**
 * What Plannr's rate-limit headers say about the token's allowance (500 requests a minute per user).
 * Shared by every client made from one token, since the limit belongs to the user, not the account.
 */
export class RateLimitTracker {
  #remaining: number | undefined
  #limit: number | undefined
  #resetAt: number | undefined

  /**
   * @param windowMs how long to assume the window lasts when Plannr gives no reset time: its limit is
   *   per minute, so by default a minute after the allowance ran out.
   */
  constructor(private readonly windowMs: number = 60_000) {}

  observe(headers: Headers, now: number = Date.now()): void {
    const remaining = readCount(headers.get('x-ratelimit-remaining'))
    const limit = readCount(headers.get('x-ratelimit-limit'))
    if (limit !== undefined) this.#limit = limit
    if (remaining === undefined) return
    this.#remaining = remaining
    if (remaining > 0) {
      this.#resetAt = undefined
      return
    }
    const told = retryAfterFromHeaders(headers, now)
    if (told !== undefined) this.#resetAt = now + told * 1000
    else this.#resetAt ??= now + this.windowMs
  }

  snapshot(): RateLimitSnapshot {
    return { remaining: this.#remaining, limit: this.#limit, resetAt: this.#resetAt }
  }

  /** Milliseconds to hold back before the next request: zero unless the allowance is used up. */
  waitMs(now: number = Date.now()): number {
    if (this.#remaining !== 0 || this.#resetAt === undefined) return 0
    return Math.max(0, Math.min(this.#resetAt - now, this.windowMs))
  }
}

function readCount(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}
