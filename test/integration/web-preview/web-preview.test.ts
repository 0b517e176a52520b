import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox'
import { rawGet, TestSocket } from './bridge-client'
import { ensureBuilt, startPreview, stopPreview, type RunningPreview } from './preview-process'

/*
 * The built web preview, as `npm run web` runs it: a real process, real HTTP and WebSocket traffic on
 * 127.0.0.1, the real core and sandbox behind it.
 */

const EXPECTED_CSP = (port: number): string =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  `connect-src 'self' ws://127.0.0.1:${port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolvePort(false)
    })
    socket.once('error', () => resolvePort(true))
  })
}

describe('the web preview (out/main/web-preview.js)', () => {
  let preview: RunningPreview
  let bridgeUrl: string

  beforeAll(async () => {
    ensureBuilt()
    preview = await startPreview()
    bridgeUrl = `ws://127.0.0.1:${preview.port}/bridge`
  }, 240_000)

  afterAll(async () => {
    await stopPreview(preview)
  })

  const authenticated = async (): Promise<TestSocket> => {
    const socket = await TestSocket.open(bridgeUrl, preview.origin)
    socket.hello(preview.secret)
    return socket
  }

  describe('start-up', () => {
    it('prints its URL (127.0.0.1, with a fresh 256-bit secret in the fragment) and the sandbox URL', async () => {
      expect(preview.printedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#bridge=[A-Za-z0-9_-]{43}$/)
      expect(preview.sandboxUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      // --sandbox-control: the sandbox's control routes, behind a secret printed beside its URL.
      expect(preview.sandboxControl).toMatch(/^[A-Za-z0-9_-]{43}$/)
      const journal = await fetch(`${preview.sandboxUrl}/__sandbox/requests`, { headers: { 'x-sandbox-control': preview.sandboxControl ?? '' } })
      expect(journal.status).toBe(200)
      expect(Array.isArray(await journal.json())).toBe(true)
      expect((await fetch(`${preview.sandboxUrl}/__sandbox/requests`)).status).toBe(401)
    })
  })

  describe('static files', () => {
    it('serves index.html with the strict CSP and nosniff', async () => {
      const response = await fetch(`${preview.origin}/`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP(preview.port))
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      const html = await response.text()
      expect(html).toContain('<div id="app">')

      // The page's own script is served with a JavaScript type (browsers refuse module scripts otherwise).
      const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
      expect(script).toBeDefined()
      const asset = await fetch(new URL(script ?? '', `${preview.origin}/`))
      expect(asset.status).toBe(200)
      expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    })

    it('answers an in-app path with index.html and an unknown file with 404', async () => {
      const route = await fetch(`${preview.origin}/circles`)
      expect(route.status).toBe(200)
      expect(await route.text()).toContain('<div id="app">')
      expect((await fetch(`${preview.origin}/missing.js`)).status).toBe(404)
    })

    for (const path of [
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/package.json',
      '/%2E%2E/%2E%2E/package.json',
      '/..%2fpackage.json',
      '/..%2f..%2fpackage.json',
      '/%2e%2e%2fpackage.json',
      '/assets/../../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/..%5cpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/..%252fpackage.json',
      '/index.html%00.js',
      '/%E0%A4%A',
      '/../main/web-preview.js',
      '/..%2fmain%2fweb-preview.js',
    ]) {
      it(`refuses ${path}`, async () => {
        const response = await rawGet(preview.port, path)
        expect([400, 403, 404]).toContain(response.status)
        expect(response.body).not.toContain('"name": "plannr-desktop"')
        expect(response.body).not.toContain('createServer')
      })
    }

    it('refuses a request for another Host name (DNS rebinding)', async () => {
      const response = await rawGet(preview.port, '/', { host: `attacker.example:${preview.port}` })
      expect(response.status).toBe(403)
    })
  })

  describe('the bridge', () => {
    for (const [label, originFor] of [
      ['another site', () => 'https://attacker.example'],
      ['another local port', () => 'http://127.0.0.1:1'],
      ['localhost instead of 127.0.0.1', (port: number) => `http://localhost:${port}`],
      ['the null origin', () => 'null'],
      ['no Origin at all', () => undefined],
    ] as const) {
      it(`refuses an upgrade from ${label} with 403`, async () => {
        await expect(TestSocket.open(bridgeUrl, originFor(preview.port))).rejects.toMatchObject({ status: 403 })
      })
    }

    it('closes with 4401 when the first frame is a call rather than a hello', async () => {
      const socket = await TestSocket.open(bridgeUrl, preview.origin)
      socket.send({ type: 'call', id: 1, name: 'app.info', input: {} })
      expect((await socket.closed).code).toBe(4401)
      expect(socket.frames).toEqual([])
    })

    for (const [label, hello] of [
      ['a wrong secret', { type: 'hello', secret: 'x'.repeat(43) }],
      ['an empty secret', { type: 'hello', secret: '' }],
      ['a numeric secret', { type: 'hello', secret: 12345 }],
      ['no secret', { type: 'hello' }],
      ['a non-JSON hello', 'hello'],
    ] as const) {
      it(`closes with 4401 on ${label}, answering nothing`, async () => {
        const socket = await TestSocket.open(bridgeUrl, preview.origin)
        socket.send(hello)
        socket.send({ type: 'call', id: 1, name: 'app.info', input: {} })
        expect((await socket.closed).code).toBe(4401)
        expect(socket.frames).toEqual([])
      })
    }

    it('answers a call once the hello carried the right secret', async () => {
      const socket = await authenticated()
      const result = await socket.call('app.info', {})
      expect(result).toMatchObject({ ok: true, value: { shell: 'web-preview', name: expect.any(String) } })
      socket.close()
    })

    it('returns structured errors for bad names and inputs over the wire', async () => {
      const socket = await authenticated()
      expect(await socket.call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
      expect(await socket.call(42, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
      expect(await socket.call('session.signInWithToken', { token: 5 })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { token: expect.any(Array) } },
      })
      expect(await socket.call('circles.list', JSON.parse('{"__proto__": {"x": 1}}'))).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
      socket.close()
    })

    for (const [label, name] of [
      ['an object whose toString is a string', { toString: 'app.info' }],
      ['an object whose valueOf is a string', { valueOf: 'app.info', toString: null }],
      ['an array', ['app.info']],
      ['a number', 1],
      ['null', null],
    ] as const) {
      it(`answers a call named by ${label} with unknown_call, and the process keeps running`, async () => {
        const socket = await authenticated()
        expect(await socket.call(name, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
        expect(await socket.call('app.info', {})).toMatchObject({ ok: true })
        expect(preview.process.exitCode).toBeNull()
        socket.close()
      })
    }

    for (const [label, frame, code] of [
      ['text that is not JSON', '{"type": "call", "id": 1,', 1003],
      ['a JSON array', '[1, 2, 3]', 1003],
      ['a call without an id', { type: 'call', name: 'app.info', input: {} }, 1003],
      ['a call with a string id', { type: 'call', id: '1', name: 'app.info', input: {} }, 1003],
      ['an unknown frame type', { type: 'subscribe', id: 1 }, 1003],
      ['a binary frame', Buffer.from([0, 1, 2, 3]), 1003],
      ['a frame over 1 MiB', JSON.stringify({ type: 'call', id: 1, name: 'app.info', input: { pad: 'p'.repeat(1024 * 1024 + 1) } }), 1009],
    ] as const) {
      it(`closes only the offending socket on ${label}, and keeps serving others`, async () => {
        const bystander = await authenticated()
        const offender = await authenticated()
        if (Buffer.isBuffer(frame)) offender.ws.send(frame)
        else offender.send(frame)
        expect((await offender.closed).code).toBe(code)

        expect(await bystander.call('app.info', {})).toMatchObject({ ok: true })
        const fresh = await authenticated()
        expect(await fresh.call('session.status', {})).toMatchObject({ ok: true })
        bystander.close()
        fresh.close()
      })
    }

    it('forwards core events to authenticated sockets only', async () => {
      const caller = await authenticated()
      const listener = await authenticated()
      const stranger = await TestSocket.open(bridgeUrl, preview.origin) // opened, never says hello

      const signedIn = await caller.call('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
      expect(signedIn).toMatchObject({ ok: true, value: { state: 'signed-in' } })

      const event = await listener.waitFor((frame) => frame['type'] === 'event' && frame['name'] === 'session.changed')
      expect(event).toMatchObject({ payload: { state: 'signed-in' } })
      expect(JSON.stringify(event)).not.toContain(SANDBOX_TOKENS.adviser)
      expect(stranger.frames).toEqual([])

      expect(await caller.call('session.signOut', {})).toMatchObject({ ok: true, value: { state: 'signed-out' } })
      await listener.waitFor(
        (frame) => frame['type'] === 'event' && (frame['payload'] as { state?: string } | undefined)?.state === 'signed-out',
      )
      for (const socket of [caller, listener, stranger]) socket.close()
    })
  })

  describe('shutdown', () => {
    it('exits 0 on SIGTERM and closes its port and its sandbox', async () => {
      const own = await startPreview()
      const socket = await TestSocket.open(`ws://127.0.0.1:${own.port}/bridge`, own.origin)
      socket.hello(own.secret)
      expect(await socket.call('app.info', {})).toMatchObject({ ok: true })

      own.process.kill('SIGTERM')
      expect(await own.exited).toEqual({ code: 0, signal: null })
      await socket.closed
      expect(await portIsClosed(own.port)).toBe(true)
      expect(await portIsClosed(Number(new URL(own.sandboxUrl).port))).toBe(true)
    }, 60_000)
  })
})
