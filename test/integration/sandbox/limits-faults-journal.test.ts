import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, test } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, tokenFingerprint, type Sandbox } from '../../../src/main/sandbox'
import { sandboxControl } from '../../../src/main/sandbox/control'
import { Journal } from '../../../src/main/sandbox/journal'
import { adviserAccount, call } from './helpers'

let sandbox: Sandbox | undefined
afterEach(async () => {
  await sandbox?.close()
  sandbox = undefined
})

async function start(options: Parameters<typeof startSandbox>[0] = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ size: 'small', control: sandboxControl(), ...options })
  return sandbox
}

/** A control request as a test in another process sends it: this run's secret in its header. */
function control(s: Sandbox, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${s.url}${path}`, { ...init, headers: { 'x-sandbox-control': s.controlSecret ?? '' } })
}

describe('rate limit', () => {
  test('counts down per token, then answers 429 with Retry-After', async () => {
    const s = await start({ rateLimitPerMinute: 3 })
    const remaining: Array<string | null> = []
    for (let i = 0; i < 3; i++) {
      const { status, headers } = await call(s, '/api/v1/me')
      expect(status).toBe(200)
      expect(headers.get('x-ratelimit-limit')).toBe('3')
      remaining.push(headers.get('x-ratelimit-remaining'))
    }
    expect(remaining).toEqual(['2', '1', '0'])
    const refused = await call(s, '/api/v1/me')
    expect(refused.status).toBe(429)
    expect(refused.json).toEqual({ message: 'Too Many Attempts.' })
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000)
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0')
    // Another user has their own allowance; control routes are never limited.
    expect((await call(s, '/api/v1/me', { token: SANDBOX_TOKENS.preferred })).status).toBe(200)
    expect((await control(s, '/__sandbox/requests')).status).toBe(200)
  })

  test('defaults to Plannr’s 500 a minute', async () => {
    const s = await start()
    const { headers } = await call(s, '/api/v1/me')
    expect(headers.get('x-ratelimit-limit')).toBe('500')
    expect(headers.get('x-ratelimit-remaining')).toBe('499')
  })
})

describe('faults', () => {
  test('the queue forces the next responses in order, then normal service resumes', async () => {
    const s = await start()
    s.faults.queue.push({ status: 429, retryAfter: 1 }, { status: 503 }, { status: 418, body: { message: 'Teapot' } })
    const first = await call(s, '/api/v1/me')
    expect(first.status).toBe(429)
    expect(first.headers.get('retry-after')).toBe('1')
    expect(first.json).toEqual({ message: 'Too Many Attempts.' })
    expect((await call(s, '/api/v1/me')).status).toBe(503)
    expect((await call(s, '/api/v1/me')).json).toEqual({ message: 'Teapot' })
    expect((await call(s, '/api/v1/me')).status).toBe(200)
  })

  test('offline drops the connection without an answer', async () => {
    const s = await start()
    s.faults.offline = true
    await expect(fetch(`${s.url}/api/v1/me`)).rejects.toThrow()
    expect(s.requests.at(-1)).toMatchObject({ path: '/api/v1/me', status: 0 })
    s.faults.offline = false
    expect((await call(s, '/api/v1/me')).status).toBe(200)
  })

  test('latency delays every response', async () => {
    const s = await start()
    s.faults.latencyMs = 150
    const started = performance.now()
    expect((await call(s, '/api/v1/me')).status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  test('failureRate answers that share with 500s, repeatably for a seed', async () => {
    const pattern = async (seed: number) => {
      const s = await startSandbox({ size: 'small', seed })
      s.faults.failureRate = 0.5
      const statuses: number[] = []
      for (let i = 0; i < 24; i++) statuses.push((await call(s, '/api/v1/me')).status)
      await s.close()
      return statuses
    }
    const first = await pattern(99)
    expect(new Set(first)).toEqual(new Set([200, 500]))
    expect(await pattern(99)).toEqual(first)

    const s = await start()
    s.faults.failureRate = 1
    const failed = await call(s, '/api/v1/me')
    expect(failed.status).toBe(500)
    expect(failed.json).toEqual({ message: 'Server Error' })
  })

  test('can be set over HTTP from another process', async () => {
    const s = await start()
    const put = await control(s, '/__sandbox/faults', { method: 'PUT', body: JSON.stringify({ queue: [{ status: 503 }], latencyMs: 0 }) })
    expect(put.status).toBe(200)
    expect(s.faults.queue).toEqual([{ status: 503 }])
    expect((await call(s, '/api/v1/me')).status).toBe(503)
    const bad = await control(s, '/__sandbox/faults', { method: 'PUT', body: JSON.stringify({ failureRate: 2 }) })
    expect(bad.status).toBe(422)
    await control(s, '/__sandbox/faults', { method: 'PUT', body: JSON.stringify({ offline: true }) })
    await expect(fetch(`${s.url}/api/v1/me`)).rejects.toThrow()
    // Control routes still answer while "offline".
    await control(s, '/__sandbox/faults', { method: 'PUT', body: JSON.stringify({ offline: false }) })
    expect((await call(s, '/api/v1/me')).status).toBe(200)
  })
})

describe('journal', () => {
  test('records each API request with its query, lower-cased headers, body and status', async () => {
    const s = await start()
    const account = await adviserAccount(s)
    s.clearRequests()
    await call(s, '/api/v1/circles?filter[name]=okafor&per_page=500', { account })
    await call(s, '/api/v1/conversation', { account, method: 'POST', body: { name: '' } })
    await control(s, '/__sandbox/requests')
    expect(s.requests).toHaveLength(2)
    const [list, create] = s.requests
    expect(list).toMatchObject({ method: 'GET', path: '/api/v1/circles', query: { 'filter[name]': 'okafor', per_page: '500' }, body: null, status: 200 })
    expect(list?.headers['x-plannr-account-uuid']).toBe(account)
    expect(list?.headers.authorization).toBe(`Bearer ${tokenFingerprint(SANDBOX_TOKENS.adviser)}`)
    expect(Number.isNaN(Date.parse(list?.at ?? ''))).toBe(false)
    expect(create).toMatchObject({ method: 'POST', path: '/api/v1/conversation', body: { name: '' }, status: 422 })

    const overHttp = await (await control(s, '/__sandbox/requests')).json()
    expect(overHttp).toEqual(JSON.parse(JSON.stringify(s.requests)))
    expect((await control(s, '/__sandbox/requests', { method: 'DELETE' })).status).toBe(204)
    expect(s.requests).toHaveLength(0)
  })

  test('keeps only the most recent entries', () => {
    const journal = new Journal(3)
    for (let i = 0; i < 5; i++) journal.record({ method: 'GET', path: `/${i}`, query: {}, headers: {}, body: null, status: 200, at: '' })
    expect(journal.entries.map((e) => e.path)).toEqual(['/2', '/3', '/4'])
  })
})

describe('what the journal and the control routes give away', () => {
  test('the journal keeps a fingerprint of the bearer token, never the token', async () => {
    const s = await start()
    const pasted = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.a-real-plannr-token'
    await call(s, '/api/v1/me', { token: pasted })
    await call(s, '/api/v1/me')
    const overHttp = await (await control(s, '/__sandbox/requests')).text()
    expect(overHttp).not.toContain(pasted)
    expect(overHttp).not.toContain(SANDBOX_TOKENS.adviser)
    expect(JSON.stringify(s.requests)).not.toContain(pasted)
    const [first, second] = s.requests
    expect(first?.headers.authorization).toMatch(/^Bearer sha256:[0-9a-f]{6}$/)
    expect(first?.headers.authorization).toBe(`Bearer ${tokenFingerprint(pasted)}`)
    expect(second?.headers.authorization).not.toBe(first?.headers.authorization)
  })

  test('control routes refuse a request without this run’s secret, or with another', async () => {
    const s = await start()
    s.faults.queue.push({ status: 503 })
    for (const headers of [{}, { 'x-sandbox-control': '' }, { 'x-sandbox-control': 'x'.repeat(43) }] as Array<Record<string, string>>) {
      expect((await fetch(`${s.url}/__sandbox/requests`, { headers })).status).toBe(401)
      expect((await fetch(`${s.url}/__sandbox`, { headers })).status).toBe(401)
      const put = await fetch(`${s.url}/__sandbox/faults`, { method: 'PUT', headers, body: JSON.stringify({ offline: true }) })
      expect(put.status).toBe(401)
      expect((await fetch(`${s.url}/__sandbox/requests`, { method: 'DELETE', headers })).status).toBe(401)
    }
    expect(s.faults.offline).toBe(false)
    expect(s.faults.queue).toEqual([{ status: 503 }])
  })

  test('control routes answer their own Host only (no DNS rebinding)', async () => {
    const s = await start()
    const port = new URL(s.url).port
    for (const host of [`attacker.example:${port}`, `localhost:${port}`, '127.0.0.1:1']) {
      const status = await new Promise<number | undefined>((resolveStatus, rejectStatus) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: Number(port), path: '/__sandbox/requests', headers: { host, 'x-sandbox-control': s.controlSecret ?? '' } },
          (res) => {
            res.resume()
            resolveStatus(res.statusCode)
          },
        )
        req.on('error', rejectStatus)
        req.end()
      })
      expect(status).toBe(403)
    }
  })

  test('a sandbox started without them has no control routes at all', async () => {
    sandbox = await startSandbox({ size: 'small' })
    expect(sandbox.controlSecret).toBeUndefined()
    const answer = await call(sandbox, '/__sandbox/requests')
    expect(answer.status).toBe(404)
    expect(JSON.stringify(answer.json)).not.toContain('/api/v1')
    expect((await call(sandbox, '/__sandbox/faults', { method: 'PUT', body: { offline: true } })).status).not.toBe(200)
    expect(sandbox.faults.offline).toBe(false)
  })
})
