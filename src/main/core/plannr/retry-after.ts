/**
 * Seconds to wait from a `Retry-After` value: either delay-seconds ("30") or an HTTP date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"). Anything unreadable gives undefined; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text))
  // Only accept things that look like an HTTP date: Date.parse alone would also read "1 2" as a date.
  if (!/[A-Za-z]{3}/.test(text)) return undefined
  const at = Date.parse(text)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/**
 * Seconds until a rate-limit window resets, from `X-RateLimit-Reset`: Laravel sends a Unix time in
 * seconds, other servers a delta. Values that are clearly timestamps are read as such.
 */
export function parseRateLimitReset(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value.trim())) return undefined
  const n = Number(value.trim())
  const looksLikeUnixTime = n > 1_000_000_000
  return looksLikeUnixTime ? Math.max(0, Math.ceil(n - now / 1000)) : n
}

/** How long Plannr asked us to wait, from a response's headers, in whole seconds. */
export function retryAfterFromHeaders(headers: Headers, now: number = Date.now()): number | undefined {
  return parseRetryAfter(headers.get('retry-after'), now) ?? parseRateLimitReset(headers.get('x-ratelimit-reset'), now)
}
