import { describe, expect, it } from 'vitest'
import { RateBudget } from '../../../src/main/core/sync/rate-budget'

type Answer = { status: number; headers: Record<string, string> }

/** A Plannr stand-in at the fetch boundary: answers with the given status and headers, and logs when. */
function server(answer: (n: number) => Answer) {
  const sent: number[] = []
  const fetch = (async () => {
    sent.push(Date.now())
    const { status, headers } = answer(sent.length)
    return new Response(status === 204 ? null : '{}', { status, headers })
  }) as typeof globalThis.fetch
  return { fetch, sent }
}

describe('the app-wide rate budget', () => {
  it('sends nothing of any kind until a 429’s Retry-After has passed, and says so', async () => {
    const budget = new RateBudget()
    const plannr = server((n): Answer => (n === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200, headers: { 'x-ratelimit-remaining': '100' } }))
    const send = budget.wrap(plannr.fetch)
    const refused = await send('http://plannr.test/a')
    expect(refused.status).toBe(429)
    const pausedUntil = budget.snapshot().pausedUntil
    expect(pausedUntil).not.toBeNull()
    // Two different callers after the refusal: neither goes before the window ends.
    await Promise.all([send('http://plannr.test/b'), send('http://plannr.test/c')])
    expect(plannr.sent).toHaveLength(3)
    for (const at of plannr.sent.slice(1)) expect(at).toBeGreaterThanOrEqual((pausedUntil ?? 0) - 5)
    expect(budget.snapshot().pausedUntil).toBeNull()
  })

  it('never has more requests out than Plannr says are left, and waits for the window when none are', async () => {
    const budget = new RateBudget({ windowMs: 400 })
    let remaining = 3
    const plannr = server(() => ({ status: 200, headers: { 'x-ratelimit-limit': '3', 'x-ratelimit-remaining': String(Math.max(0, --remaining)) } }))
    const send = budget.wrap(plannr.fetch)
    await send('http://plannr.test/first')
    const started = Date.now()
    await Promise.all(Array.from({ length: 4 }, (_, i) => send(`http://plannr.test/${i}`)))
    expect(plannr.sent).toHaveLength(5)
    // Three fit in the first window; the rest waited for it to pass.
    const late = plannr.sent.filter((at) => at - started >= 350)
    expect(late.length).toBeGreaterThanOrEqual(2)
  })

  it('after a 429’s Retry-After asks once and learns the allowance again, rather than waiting out the window', async () => {
    const budget = new RateBudget({ windowMs: 5_000 })
    // Plannr's 429 says none remain and to come back in a second; after it, plenty remain.
    const plannr = server(
      (n): Answer =>
        n === 1
          ? { status: 429, headers: { 'retry-after': '1', 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0' } }
          : { status: 200, headers: { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': String(100 - n) } },
    )
    const send = budget.wrap(plannr.fetch)
    await send('http://plannr.test/a')
    const refusedAt = Date.now()
    await Promise.all(Array.from({ length: 4 }, (_, i) => send(`http://plannr.test/${i}`)))
    expect(plannr.sent).toHaveLength(5)
    // All after the pause, none held for the 5 s window the "0 remaining" would otherwise have meant.
    for (const at of plannr.sent.slice(1)) expect(at - refusedAt).toBeGreaterThanOrEqual(990)
    expect(Date.now() - refusedAt).toBeLessThan(4_000)
  })

  it('reports Plannr unreachable on a network failure and reachable on the next answer', async () => {
    const budget = new RateBudget()
    let fail = true
    const send = budget.wrap((async () => {
      if (fail) throw new TypeError('fetch failed')
      return new Response('{}', { status: 200 })
    }) as typeof fetch)
    await expect(send('http://plannr.test/')).rejects.toThrow('fetch failed')
    expect(budget.snapshot().online).toBe(false)
    fail = false
    await send('http://plannr.test/')
    expect(budget.snapshot().online).toBe(true)
  })

  it('lets a request given up while it waited leave without being sent', async () => {
    const budget = new RateBudget()
    const plannr = server((n): Answer => (n === 1 ? { status: 429, headers: { 'retry-after': '2' } } : { status: 200, headers: {} }))
    const send = budget.wrap(plannr.fetch)
    await send('http://plannr.test/a')
    const controller = new AbortController()
    const waiting = send('http://plannr.test/b', { signal: controller.signal })
    controller.abort()
    await expect(waiting).rejects.toThrow()
    expect(plannr.sent).toHaveLength(1)
  })

  it('answers a long pause itself, as Plannr would (429 with the seconds left), without sending', async () => {
    const budget = new RateBudget()
    const plannr = server((n): Answer => (n === 1 ? { status: 429, headers: { 'retry-after': '30' } } : { status: 200, headers: {} }))
    const send = budget.wrap(plannr.fetch)
    await send('http://plannr.test/a')
    const held = await send('http://plannr.test/b')
    expect(held.status).toBe(429)
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThanOrEqual(29)
    expect(plannr.sent).toHaveLength(1)
  })
})
