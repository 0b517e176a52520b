/** Per-token rolling-minute limit, like Laravel's throttle middleware (rejected attempts are not counted). */

export interface RateDecision {
  allowed: boolean
  limit: number
  remaining: number
  /** Seconds until a slot frees up (only when refused). */
  retryAfter: number
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  take(key: string, now: number): RateDecision {
    const recent = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs)
    this.hits.set(key, recent)
    const oldest = recent[0]
    if (recent.length >= this.limit && oldest !== undefined) {
      const retryAfter = Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000))
      return { allowed: false, limit: this.limit, remaining: 0, retryAfter }
    }
    recent.push(now)
    return { allowed: true, limit: this.limit, remaining: this.limit - recent.length, retryAfter: 0 }
  }
}

export function rateHeaders(decision: RateDecision, now: number): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Ratelimit-Limit': String(decision.limit),
    'X-Ratelimit-Remaining': String(decision.remaining),
  }
  if (!decision.allowed) {
    headers['Retry-After'] = String(decision.retryAfter)
    headers['X-Ratelimit-Reset'] = String(Math.ceil(now / 1000) + decision.retryAfter)
  }
  return headers
}
