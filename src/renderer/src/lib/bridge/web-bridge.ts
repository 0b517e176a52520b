import type { PlannrBridge } from '@shared/bridge'
import { BRIDGE_PATH, CLOSE_UNAUTHORIZED } from '@shared/bridge-protocol'
import { isCallName, isEventName, type CallName, type EventName } from '@shared/contract-names'
import type { IpcError, Result } from '@shared/result'

/*
 * window.plannr for the web preview: the contract over a WebSocket to the Node process that runs the
 * core. The per-run secret arrives in the URL fragment (never sent to any server by the browser), is
 * taken out of the address bar at once so it is not shown, bookmarked or shared, and is kept for this
 * tab only (sessionStorage, so a reload still connects).
 * The wire protocol is described, and its constants defined, in @shared/bridge-protocol.
 */

const HASH_KEY = 'bridge'
const STORAGE_KEY = 'plannr.bridge-secret'
const BACKOFF_FIRST_MS = 250
const BACKOFF_MAX_MS = 10_000

const LOST_CONNECTION: IpcError = {
  code: 'network',
  message: 'Lost connection to Plannr Desktop. Reconnecting… If this persists, restart the web preview.',
}
const UNAUTHORIZED: IpcError = {
  code: 'forbidden_sender',
  message: 'This page is not connected to Plannr Desktop. Open the exact address the web preview printed.',
}

type Pending = { name: CallName; input: unknown; resolve: (result: Result<unknown>) => void; sent: boolean }

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false
  if (value['ok'] === true) return 'value' in value
  return value['ok'] === false && isRecord(value['error']) && typeof value['error']['code'] === 'string'
}

function readStorage(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

function writeStorage(secret: string): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, secret)
  } catch {
    // Storage may be disabled; the secret then lasts until the page is reloaded.
  }
}

/** Takes the secret out of `#bridge=…` (removing it from the address bar), or from this tab's storage. */
export function takeBridgeSecret(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''))
  const fromHash = params.get(HASH_KEY)
  if (fromHash) {
    params.delete(HASH_KEY)
    const rest = params.toString()
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`)
    writeStorage(fromHash)
    return fromHash
  }
  return readStorage()
}

class WebSocketBridge implements PlannrBridge {
  private socket: WebSocket | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private readonly listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  private attempt = 0
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null
  private unauthorized = false

  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {
    this.connect()
  }

  invoke(name: CallName, input: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'unknown_call', message: `There is no call named ${JSON.stringify(String(name).slice(0, 100))}.` },
      })
    }
    if (this.unauthorized) return Promise.resolve({ ok: false, error: UNAUTHORIZED })
    return new Promise((resolve) => {
      const id = this.nextId++
      const call: Pending = { name, input, resolve, sent: false }
      this.pending.set(id, call)
      if (this.socket?.readyState === WebSocket.OPEN) this.send(id, call)
      // Otherwise it goes out as soon as the (re)connection opens.
      else if (!this.socket) this.connectNow()
    })
  }

  on(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new TypeError(`There is no event named ${JSON.stringify(String(name).slice(0, 100))}.`)
    let set = this.listeners.get(name)
    if (!set) this.listeners.set(name, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  private send(id: number, call: Pending): void {
    let frame: string
    try {
      frame = JSON.stringify({ type: 'call', id, name: call.name, input: call.input ?? {} })
    } catch {
      this.pending.delete(id)
      call.resolve({ ok: false, error: { code: 'invalid_input', message: 'The input could not be sent.' } })
      return
    }
    call.sent = true
    this.socket?.send(frame)
  }

  private connectNow(): void {
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
    this.connect()
  }

  private connect(): void {
    if (this.unauthorized || this.socket) return
    const socket = new WebSocket(this.url)
    this.socket = socket

    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ type: 'hello', secret: this.secret }))
      this.attempt = 0
      for (const [id, call] of this.pending) if (!call.sent) this.send(id, call)
    })

    socket.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (typeof event.data !== 'string') return
      let frame: unknown
      try {
        frame = JSON.parse(event.data)
      } catch {
        return
      }
      if (!isRecord(frame)) return
      if (frame['type'] === 'result' && typeof frame['id'] === 'number') {
        const call = this.pending.get(frame['id'])
        if (!call) return
        this.pending.delete(frame['id'])
        const result = frame['result']
        call.resolve(
          isResult(result)
            ? result
            : { ok: false, error: { code: 'internal', message: 'Plannr Desktop sent an answer this page cannot read.' } },
        )
      } else if (frame['type'] === 'event' && isEventName(frame['name'])) {
        for (const listener of [...(this.listeners.get(frame['name']) ?? [])]) {
          try {
            listener(frame['payload'])
          } catch (error) {
            console.error('An event listener failed', error)
          }
        }
      }
    })

    socket.addEventListener('close', (event: CloseEvent) => {
      if (this.socket === socket) this.socket = null
      if (event.code === CLOSE_UNAUTHORIZED) this.unauthorized = true
      const error = this.unauthorized ? UNAUTHORIZED : LOST_CONNECTION
      for (const call of this.pending.values()) call.resolve({ ok: false, error })
      this.pending.clear()
      if (!this.unauthorized) this.scheduleReconnect()
    })
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer !== null) return
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** this.attempt)
    this.attempt++
    // Jitter keeps several tabs from reconnecting in lockstep after the preview restarts.
    const delay = ceiling / 2 + Math.random() * (ceiling / 2)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      this.connect()
    }, delay)
  }
}

let installed: PlannrBridge | null = null

/**
 * The WebSocket bridge when this page was opened by the web preview (its URL carried `#bridge=…`, now or
 * earlier in this tab); null otherwise. Calling it again returns the same bridge.
 */
export function installWebBridge(): PlannrBridge | null {
  if (installed) return installed
  const secret = takeBridgeSecret()
  if (!secret) return null
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  installed = new WebSocketBridge(`${scheme}://${location.host}${BRIDGE_PATH}`, secret)
  return installed
}
