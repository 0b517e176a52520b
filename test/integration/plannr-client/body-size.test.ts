import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createPlannrClient, type PlannrClient } from '../../../src/main/core/plannr'
import { TOO_LARGE_MESSAGE } from '../../../src/main/core/plannr/body-limit'

/*
 * A misbehaving server (or proxy) that answers with hundreds of megabytes must not be read into memory:
 * the client refuses the body by its Content-Length, or stops reading once the bytes streamed pass the
 * limit, and fails as a `server` error. A real HTTP server on 127.0.0.1 plays the misbehaving Plannr.
 */

const MB = 1024 * 1024
const LIMIT = 1 * MB
let server: Server
let baseUrl: string
/** Bytes each streaming answer managed to write before the client hung up, by path. */
const written = new Map<string, number>()

function stream(res: ServerResponse, path: string, total: number): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  let sent = 0
  const pump = (): void => {
    while (sent < total) {
      sent += chunk.length
      written.set(path, sent)
      if (!res.write(chunk)) {
        res.once('drain', pump)
        return
      }
    }
    res.end()
  }
  res.on('close', () => written.set(path, sent))
  pump()
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url?.split('?')[0] ?? ''
    if (path === '/declared-huge') {
      // Declares 200 MB and sends only a little: the client must not wait for (or hold) the rest.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * MB) })
      res.write('{"data": [')
      return
    }
    if (path === '/streamed-huge') return stream(res, path, 200 * MB)
    if (path === '/just-under') {
      const body = JSON.stringify({ pad: 'p'.repeat(LIMIT - 20) })
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) })
      res.end(body)
      return
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', () => resolveListen()))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
})

const client = (maxBodyBytes?: number): PlannrClient =>
  createPlannrClient({ baseUrl, token: 'test-token', maxRetries: 0, ...(maxBodyBytes ? { maxBodyBytes } : {}) })

describe('response size limit', () => {
  it('refuses a body whose Content-Length is over the default 50 MB limit, without reading it', async () => {
    const error = await client().get('/declared-huge', z.unknown()).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'server', message: TOO_LARGE_MESSAGE })
  })

  it('stops reading a streamed body once it passes the limit', async () => {
    const error = await client(LIMIT).get('/streamed-huge', z.unknown()).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'server', message: TOO_LARGE_MESSAGE })
    // The server noticed the client hang up long before it could send 200 MB.
    await expect.poll(() => written.get('/streamed-huge') ?? 0).toBeGreaterThan(LIMIT)
    expect(written.get('/streamed-huge')).toBeLessThan(50 * MB)
  })

  it('reads a body just under the limit as usual', async () => {
    const body = await client(LIMIT).get('/just-under', z.object({ pad: z.string() }))
    expect(body.pad).toHaveLength(LIMIT - 20)
  })
})
