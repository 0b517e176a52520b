import { describe, expect, it } from 'vitest'
import { RateLimitTracker } from '../../../src/main/core/plannr/rate-limit'

describe('RateLimitTracker', () => {
  it('records what X-Ratelimit-Remaining and X-Ratelimit-Limit say', () => {
    const rate = new RateLimitTracker()
    expect(rate.snapshot().remaining).toBeUndefined()
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '499', 'X-Ratelimit-Limit': '500' }), 0)
    expect(rate.snapshot()).toEqual({ remaining: 499, limit: 500, resetAt: undefined })
    expect(rate.waitMs(0)).toBe(0)
  })

  it('holds back for the rest of the window once the allowance is spent', () => {
    const rate = new RateLimitTracker(60_000)
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '0' }), 1_000)
    expect(rate.waitMs(1_000)).toBe(60_000)
    expect(rate.waitMs(31_000)).toBe(30_000)
    expect(rate.waitMs(61_000)).toBe(0)
  })

  it('uses the reset time Plannr gives when it gives one', () => {
    const rate = new RateLimitTracker(60_000)
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '0', 'Retry-After': '5' }), 1_000)
    expect(rate.waitMs(1_000)).toBe(5_000)
  })

  it('stops holding back as soon as a response shows allowance again', () => {
    const rate = new RateLimitTracker(60_000)
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '0' }), 0)
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '500' }), 10)
    expect(rate.waitMs(10)).toBe(0)
  })

  it('ignores responses without the header', () => {
    const rate = new RateLimitTracker()
    rate.observe(new Headers({ 'X-Ratelimit-Remaining': '12' }), 0)
    rate.observe(new Headers(), 0)
    expect(rate.snapshot().remaining).toBe(12)
  })
})
