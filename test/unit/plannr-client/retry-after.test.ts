import { describe, expect, it } from 'vitest'
import { parseRateLimitReset, parseRetryAfter, retryAfterFromHeaders } from '../../../src/main/core/plannr/retry-after'

const now = Date.parse('2026-03-02T10:00:00Z')

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('30', now)).toBe(30)
    expect(parseRetryAfter(' 0 ', now)).toBe(0)
    expect(parseRetryAfter('1.2', now)).toBe(2)
  })

  it('reads an HTTP date as the seconds left until it', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 10:00:45 GMT', now)).toBe(45)
  })

  it('treats a date already past as no wait', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:59:00 GMT', now)).toBe(0)
  })

  it('gives undefined for anything unreadable', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('', now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
    expect(parseRetryAfter('1 2', now)).toBeUndefined()
  })
})

describe('parseRateLimitReset', () => {
  it('reads a Unix time (as Laravel sends) and a plain delta', () => {
    expect(parseRateLimitReset(String(now / 1000 + 20), now)).toBe(20)
    expect(parseRateLimitReset('15', now)).toBe(15)
    expect(parseRateLimitReset('later', now)).toBeUndefined()
  })
})

describe('retryAfterFromHeaders', () => {
  it('prefers Retry-After and falls back to X-RateLimit-Reset', () => {
    expect(retryAfterFromHeaders(new Headers({ 'Retry-After': '7', 'X-RateLimit-Reset': '50' }), now)).toBe(7)
    expect(retryAfterFromHeaders(new Headers({ 'X-RateLimit-Reset': '50' }), now)).toBe(50)
    expect(retryAfterFromHeaders(new Headers(), now)).toBeUndefined()
  })
})
