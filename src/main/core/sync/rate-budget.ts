import { parseRetryAfter } from '../plannr/retry-after'

/** Plannr's limit is per user per rolling minute. */
export const WINDOW_MS = 60_000

export interface BudgetSnapshot {
  /** Until when Plannr asked us to send nothing (ms since epoch), or null. */
  pausedUntil: number | null
  /** Whether the last request reached Plannr (any answer) or not (network failure). */
  online: boolean | null
}

export interface RateBudgetOptions {
  now?: () => number
  windowMs?: number
}

/**
 * One rate budget for the whole app: every request to Plannr passes through `fetch` here, whichever
 * client, account or feature sends it. It sends only while Plannr's allowance (X-Ratelimit-Remaining,
 * less what is already in flight) has room, holds everything back after a 429 until its Retry-After has
 * passed, and tells listeners when it pauses, resumes, or finds Plannr unreachable.
 */
export class RateBudget {
  private readonly now: () => number
  private readonly windowMs: number
  private remaining: number | undefined
  private observedAt = 0
  private limit: number | undefined
  private inFlight = 0
  /**
   * Our requests of the last two windows: when sent, then when answered. Plannr counts a request when it
   * arrives, which is no later than its answer, so a slot is taken as freed a window after the answer.
   */
  private sent: Array<{ at: number }> = []
  private pausedUntil = 0
  private online: boolean | null = null
  private waiters: Array<() => void> = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private timerAt = 0
  private readonly listeners = new Set<(snapshot: BudgetSnapshot) => void>()

  constructor(options: RateBudgetOptions = {}) {
    this.now = options.now ?? Date.now
    this.windowMs = options.windowMs ?? WINDOW_MS
  }

  snapshot(): BudgetSnapshot {
    return { pausedUntil: this.pausedUntil > this.now() ? this.pausedUntil : null, online: this.online }
  }

  onChange(listener: (snapshot: BudgetSnapshot) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** A fetch that waits for the budget before each request and learns from each answer. */
  wrap(inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined)
      const slot = await this.acquire(signal ?? undefined)
      // A long wait is answered here, as Plannr would answer it, without sending anything: the caller
      // waits out Retry-After in its own time (outside its request timeout) and asks again.
      if ('deferMs' in slot) return deferred(slot.deferMs)
      let response: Response
      try {
        response = await inner(input, init)
      } catch (error) {
        this.release(slot)
        if (!isAbort(error)) this.setOnline(false)
        throw error
      }
      this.release(slot)
      this.observe(response)
      return response
    }
  }

  /** Learns the allowance from an answer; a 429 pauses every request until its window ends. */
  observe(response: Response): void {
    const now = this.now()
    this.setOnline(true)
    const headers = response.headers
    const limit = count(headers.get('x-ratelimit-limit'))
    if (limit !== undefined) this.limit = limit
    const remaining = count(headers.get('x-ratelimit-remaining'))
    if (remaining !== undefined) {
      this.remaining = remaining
      this.observedAt = now
    }
    if (response.status === 429) {
      const seconds = parseRetryAfter(headers.get('retry-after'), now) ?? this.windowMs / 1000
      this.pause(now + seconds * 1000)
      // Its "none remaining" holds until Retry-After, not for a window: once the pause is over, one
      // request asks again and its answer tells the allowance.
      this.remaining = undefined
    }
    this.wake()
  }

  private pause(until: number): void {
    if (until <= this.pausedUntil) return
    this.pausedUntil = until
    this.emit()
  }

  private setOnline(online: boolean): void {
    if (this.online === online) return
    this.online = online
    this.emit()
  }

  private emit(): void {
    const snapshot = this.snapshot()
    for (const listener of this.listeners) listener(snapshot)
  }

  /** Resolves when a request could be sent now (without taking its place): for work that paces itself. */
  async whenClear(): Promise<void> {
    for (;;) {
      const wait = this.waitMs()
      if (wait === 0) return
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        this.schedule(wait)
      })
    }
  }

  private async acquire(signal?: AbortSignal): Promise<{ at: number } | { deferMs: number }> {
    for (;;) {
      signal?.throwIfAborted()
      const wait = this.waitMs()
      if (wait === 0) break
      if (Number.isFinite(wait) && wait > LONGEST_HELD_MS) return { deferMs: wait }
      await new Promise<void>((resolve) => {
        // A request given up while it waited (timed out, cancelled) leaves without taking a place.
        const abort = (): void => resolve()
        signal?.addEventListener('abort', abort, { once: true })
        this.waiters.push(() => {
          signal?.removeEventListener('abort', abort)
          resolve()
        })
        this.schedule(wait)
      })
    }
    this.inFlight++
    const slot = { at: this.now() }
    this.sent.push(slot)
    return slot
  }

  private release(slot: { at: number }): void {
    slot.at = this.now()
    this.inFlight--
    this.wake()
  }

  /** 0 when a request may go now; otherwise how long until it is worth looking again (Infinity: when one returns). */
  private waitMs(): number {
    const now = this.now()
    const window = this.windowMs
    if (now < this.pausedUntil) return this.pausedUntil - now
    if (this.pausedUntil !== 0) {
      this.pausedUntil = 0
      this.emit()
    }
    this.sent = this.sent.filter((slot) => slot.at > now - 2 * window)
    // Before Plannr has told us anything (or after a 429's pause), one request at a time, within the
    // limit as far as our own requests of the window show.
    if (this.remaining === undefined) {
      if (this.inFlight > 0) return Number.POSITIVE_INFINITY
      const inWindow = this.sent.filter((slot) => slot.at > now - window).map((slot) => slot.at)
      if (this.limit === undefined || inWindow.length < this.limit) return 0
      return Math.min(...inWindow) + window - now + 1
    }
    // What Plannr last reported, plus our requests that have left its window since, less what is on its way.
    const freed = this.sent.filter((slot) => slot.at > this.observedAt - window && slot.at <= now - window).length
    let room = this.remaining + freed - this.inFlight
    if (this.limit !== undefined) room = Math.min(room, this.limit - this.sent.filter((slot) => slot.at > now - window).length)
    if (room > 0) return 0
    if (this.inFlight > 0) return Number.POSITIVE_INFINITY
    // No room and nothing on its way: wait for our oldest request in the window to leave it.
    const inWindow = this.sent.filter((slot) => slot.at > now - window).map((slot) => slot.at)
    const until = inWindow.length > 0 ? Math.min(...inWindow) + window : this.observedAt + window
    if (until <= now) {
      // Nothing of ours is left in the window: ask once, and learn the allowance from the answer.
      this.remaining = 1
      this.observedAt = now
      return 0
    }
    return until - now + 1
  }

  private schedule(ms: number): void {
    if (!Number.isFinite(ms)) return
    const at = this.now() + ms
    if (this.timer !== undefined && this.timerAt <= at) return
    clearTimeout(this.timer)
    this.timerAt = at
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.wake()
    }, ms)
    this.timer.unref?.()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }
}

/** Longer waits than this are not held inside a request (whose timeout would cut them short). */
const LONGEST_HELD_MS = 5_000

/** The answer Plannr would give while its window is closed: 429 with the seconds left. Never sent. */
function deferred(ms: number): Response {
  return new Response(JSON.stringify({ message: 'Too Many Attempts.' }), {
    status: 429,
    headers: { 'Content-Type': 'application/json', 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) },
  })
}

function count(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined
  return Number(value.trim())
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')
}
