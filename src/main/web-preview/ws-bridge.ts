import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import { BRIDGE_PATH, CLOSE_UNAUTHORIZED, CLOSE_UNSUPPORTED, MAX_FRAME_BYTES } from '@shared/bridge-protocol'
import type { Result } from '@shared/result'
import type { Core } from '../core'
import { dispatchSafely } from '../core/ipc/dispatch'

/*
 * The contract over a WebSocket, for a renderer running in a plain browser. Anything on this machine
 * can reach 127.0.0.1, so a socket must pass three checks before a call is answered: it was opened by
 * a page from the preview's own origin (Origin header, which browsers do not let pages forge), it
 * reached the right Host (against DNS rebinding), and its first frame carries this run's secret,
 * which only the URL printed on stdout knows.
 */

const HELLO_TIMEOUT_MS = 10_000

type Log = {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export interface WsBridgeOptions {
  server: Server
  core: Pick<Core, 'dispatch' | 'events'>
  secret: string
  /** e.g. http://127.0.0.1:5173 — the only Origin and the only Host (as host:port) accepted. */
  origin: string
  log: Log
}

export interface WsBridge {
  /** Sockets that passed the hello. */
  readonly authenticatedCount: number
  close(): void
}

type ServerFrame = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; name: string; payload: unknown }

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseFrame(data: RawData, isBinary: boolean): Record<string, unknown> | null {
  if (isBinary) return null
  try {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data)
    const text = bytes.toString('utf8')
    const value: unknown = JSON.parse(text)
    return isRecord(value) ? value : null
  } catch {
    return null
  }
}

function rejectUpgrade(socket: Duplex, status: 403 | 404, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`)
  socket.destroy()
}

export function attachWsBridge(options: WsBridgeOptions): WsBridge {
  const { server, core, log } = options
  const expectedSecret = digest(options.secret)
  const expectedHost = new URL(options.origin).host
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false })
  const authenticated = new Set<WebSocket>()

  const send = (socket: WebSocket, frame: ServerFrame): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame))
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?', 1)[0]
    if (path !== BRIDGE_PATH) return rejectUpgrade(socket, 404, 'Not Found')
    if (req.headers.origin !== options.origin || req.headers.host !== expectedHost) {
      log.warn('Refused a bridge connection from another origin', {
        origin: req.headers.origin?.slice(0, 200),
        host: req.headers.host?.slice(0, 200),
      })
      return rejectUpgrade(socket, 403, 'Forbidden')
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  }
  server.on('upgrade', onUpgrade)

  wss.on('connection', (ws: WebSocket) => {
    const helloTimer = setTimeout(() => ws.close(CLOSE_UNAUTHORIZED, 'No hello'), HELLO_TIMEOUT_MS)
    ws.on('error', (error) => log.warn('Bridge socket error', error.message))
    ws.on('close', () => {
      clearTimeout(helloTimer)
      authenticated.delete(ws)
    })

    ws.on('message', (data, isBinary) => {
      const frame = parseFrame(data, isBinary)

      if (!authenticated.has(ws)) {
        const secret = frame?.['type'] === 'hello' ? frame['secret'] : undefined
        if (typeof secret !== 'string' || !timingSafeEqual(digest(secret), expectedSecret)) {
          ws.close(CLOSE_UNAUTHORIZED, 'Unauthorized')
          return
        }
        clearTimeout(helloTimer)
        authenticated.add(ws)
        return
      }

      const id = frame?.['id']
      if (!frame || frame['type'] !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id)) {
        ws.close(CLOSE_UNSUPPORTED, 'Malformed frame')
        return
      }
      // dispatch answers unknown names and bad inputs with { ok: false }; dispatchSafely also turns anything
      // it could still throw into `internal`, so no frame can end the process.
      void dispatchSafely(core.dispatch, frame['name'], frame['input'], log).then((result) => send(ws, { type: 'result', id, result }))
    })
  })

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const ws of authenticated) send(ws, { type: 'event', name, payload })
  })

  return {
    get authenticatedCount() {
      return authenticated.size
    },
    close() {
      unsubscribe()
      server.off('upgrade', onUpgrade)
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    },
  }
}
