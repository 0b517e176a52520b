import { request } from 'node:http'
import WebSocket from 'ws'

/** A test-side client of the preview's bridge, speaking the wire protocol directly (no renderer code). */
export class TestSocket {
  readonly frames: Array<Record<string, unknown>> = []
  private waiters: Array<() => void> = []
  readonly closed: Promise<{ code: number; reason: string }>
  private nextId = 1

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Record<string, unknown>)
      for (const wake of this.waiters.splice(0)) wake()
    })
    this.closed = new Promise((resolveClose) => ws.once('close', (code, reason) => resolveClose({ code, reason: reason.toString() })))
  }

  /** Opens a socket; rejects with the HTTP status when the upgrade is refused. */
  static open(url: string, origin: string | undefined): Promise<TestSocket> {
    return new Promise((resolveOpen, rejectOpen) => {
      const ws = new WebSocket(url, origin === undefined ? {} : { origin })
      const socket = new TestSocket(ws)
      ws.once('open', () => resolveOpen(socket))
      ws.once('unexpected-response', (_req, res) => {
        rejectOpen(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }))
        ws.terminate()
      })
      ws.once('error', (error) => rejectOpen(error))
    })
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
  }

  hello(secret: string): void {
    this.send({ type: 'hello', secret })
  }

  async waitFor(match: (frame: Record<string, unknown>) => boolean, timeoutMs = 10_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.frames.find(match)
      if (found) return found
      if (Date.now() > deadline) throw new Error(`No matching frame; got ${JSON.stringify(this.frames).slice(0, 500)}`)
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, 200)
        this.waiters.push(() => {
          clearTimeout(timer)
          wake()
        })
      })
    }
  }

  /** Sends a call and resolves with its `result`. */
  async call(name: unknown, input: unknown): Promise<Record<string, unknown>> {
    const id = this.nextId++
    this.send({ type: 'call', id, name, input })
    const frame = await this.waitFor((candidate) => candidate['type'] === 'result' && candidate['id'] === id, 20_000)
    return frame['result'] as Record<string, unknown>
  }

  close(): void {
    this.ws.terminate()
  }
}

/** A raw GET whose path is sent exactly as given (fetch() would normalise `..` away before sending). */
export function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolveGet, rejectGet) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolveGet({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', rejectGet)
    req.end()
  })
}
