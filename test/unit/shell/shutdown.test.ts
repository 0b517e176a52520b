import { createServer, type Server, type ServerResponse } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cancellableFetch, runWithDeadline } from '../../../src/main/shell/shutdown'

const never = (): Promise<never> => new Promise<never>(() => undefined)

describe('quitting waits for closing steps, but only until the deadline', () => {
  it('resolves as soon as every step has settled, long before the deadline', async () => {
    const started = Date.now()
    const report = await runWithDeadline(
      [
        { name: 'core', run: async () => undefined },
        { name: 'demo workspace', run: async () => Promise.reject(new Error('socket already closed')) },
      ],
      20_000,
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(report.finished).toEqual(['core'])
    expect(report.failed.map((f) => [f.name, (f.error as Error).message])).toEqual([['demo workspace', 'socket already closed']])
    expect(report.abandoned).toEqual([])
  })

  it('gives up on a step that never finishes (a refresh stuck behind a 30 s timeout) at the deadline', async () => {
    const started = Date.now()
    const report = await runWithDeadline(
      [
        { name: 'core', run: never },
        { name: 'demo workspace', run: async () => undefined },
      ],
      200,
    )
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(190)
    expect(elapsed).toBeLessThan(5_000)
    expect(report).toEqual({ finished: ['demo workspace'], failed: [], abandoned: ['core'] })
  })
})

describe('network work is cancelled at shutdown', () => {
  let server: Server
  let url: string
  const held: ServerResponse[] = []

  beforeEach(async () => {
    // A Plannr that accepts requests and never answers: what a slow refresh looks like.
    server = createServer((_request, response) => void held.push(response))
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('no port')
    url = `http://127.0.0.1:${address.port}/api/v1/circles`
  })

  afterEach(async () => {
    held.splice(0)
    server.closeAllConnections()
    await new Promise((done) => server.close(done))
  })

  it('aborts a request in flight, and refuses new ones, once shutdown begins', async () => {
    const shutdown = new AbortController()
    const fetch = cancellableFetch(globalThis.fetch, shutdown.signal)
    const inFlight = fetch(url)
    await expect.poll(() => held.length).toBe(1)
    shutdown.abort()
    await expect(inFlight).rejects.toMatchObject({ name: 'AbortError' })
    await expect(fetch(url)).rejects.toMatchObject({ name: 'AbortError' })
    expect(held).toHaveLength(1)
  })

  it('keeps the caller’s own signals working: cancelling through init or through a Request still cancels', async () => {
    const fetch = cancellableFetch(globalThis.fetch, new AbortController().signal)
    const viaInit = new AbortController()
    const first = fetch(url, { signal: viaInit.signal })
    await expect.poll(() => held.length).toBe(1)
    viaInit.abort()
    await expect(first).rejects.toMatchObject({ name: 'AbortError' })

    const viaRequest = new AbortController()
    const second = fetch(new Request(url, { signal: viaRequest.signal }))
    await expect.poll(() => held.length).toBe(2)
    viaRequest.abort()
    await expect(second).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('passes requests through untouched while the app runs', async () => {
    const fetch = cancellableFetch(globalThis.fetch, new AbortController().signal)
    const answered = fetch(url, { headers: { accept: 'application/json' } })
    await expect.poll(() => held.length).toBe(1)
    held[0]?.writeHead(200, { 'content-type': 'application/json' }).end('{"data":[]}')
    const response = await answered
    expect(await response.json()).toEqual({ data: [] })
  })
})
