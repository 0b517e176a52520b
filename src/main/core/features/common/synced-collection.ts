import type { PlannrClient } from '../../plannr'
import type { CoreLog } from '../../log'
import { BackgroundTasks } from './serial-queue'
import type { SessionService } from '../session'

/** Older than this, a list is still shown at once but fetched again behind it. */
export const DEFAULT_MAX_AGE_MS = 5 * 60_000

/** Every item of one kind for one account, as last fetched from Plannr. */
export interface Synced<T> {
  items: T[]
  /** When the fetch that produced them finished, ISO time. */
  syncedAt: string
}

export interface SyncedCollectionOptions<T> {
  /** For log lines: "circles", "clients" … */
  name: string
  session: SessionService
  log: CoreLog
  /** Fetches the whole collection (every page) with the session's client. */
  fetchAll: (client: PlannrClient) => Promise<T[]>
  /** Called after fresh data lands, to tell the windows to re-query. */
  changed: (syncedAt: string) => void
  maxAgeMs?: number
  now?: () => number
}

/**
 * A whole collection fetched from Plannr and kept per session account: the first look waits for the
 * fetch (so its errors reach the caller); later looks answer at once and refresh in the background when
 * stale; concurrent fetches coalesce; an account switch drops everything, and a fetch that finishes
 * after a switch is never shown. Kept in memory; the persistent store can take its place behind `get`.
 */
export class SyncedCollection<T> {
  private readonly maxAgeMs: number
  private readonly now: () => number
  private readonly entries = new Map<string, Synced<T>>()
  private readonly inFlight = new Map<string, Promise<Synced<T>>>()
  private readonly background = new BackgroundTasks()
  private readonly stopWatchingSession: () => void
  private accountKey: string | null = null
  private closed = false

  constructor(private readonly options: SyncedCollectionOptions<T>) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS
    this.now = options.now ?? Date.now
    // Another user's or account's data must never be shown: drop everything when the account changes.
    this.stopWatchingSession = options.session.onChange(() => {
      const key = options.session.accountKey()
      if (key === this.accountKey) return
      this.accountKey = key
      this.entries.clear()
    })
  }

  /** The collection for the signed-in account; throws not_signed_in when there is none. */
  async get(): Promise<Synced<T>> {
    const session = this.options.session
    await session.ready()
    session.requireClient()
    const key = session.accountKey()
    if (key === null) return { items: [], syncedAt: new Date(this.now()).toISOString() }
    const cached = this.entries.get(key)
    if (!cached) return this.refresh(key)
    if (this.now() - Date.parse(cached.syncedAt) > this.maxAgeMs) this.refreshInBackground(key)
    return cached
  }

  /** What is cached for the signed-in account, without fetching: undefined when nothing is. */
  peek(): Synced<T> | undefined {
    const key = this.options.session.accountKey()
    return key === null ? undefined : this.entries.get(key)
  }

  /** Fetch again now, e.g. after the user asks to; waits for the result. */
  async reload(): Promise<Synced<T>> {
    await this.options.session.ready()
    this.options.session.requireClient()
    const key = this.options.session.accountKey()
    if (key === null) return { items: [], syncedAt: new Date(this.now()).toISOString() }
    return this.refresh(key)
  }

  /**
   * Applies a change we made on the server (a pin, a new record) to the cached copy at once, so the
   * next look shows it without a fetch. Does nothing if the collection was never fetched.
   */
  patch(change: (items: T[]) => T[]): void {
    const key = this.options.session.accountKey()
    const cached = key === null ? undefined : this.entries.get(key)
    if (!key || !cached) return
    this.entries.set(key, { items: change(cached.items), syncedAt: cached.syncedAt })
    this.options.changed(cached.syncedAt)
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopWatchingSession()
    await this.background.drain()
  }

  private refresh(key: string): Promise<Synced<T>> {
    const running = this.inFlight.get(key)
    if (running) return running
    const fetching = this.fetchAll(key).finally(() => this.inFlight.delete(key))
    this.inFlight.set(key, fetching)
    return fetching
  }

  private refreshInBackground(key: string): void {
    if (this.closed || this.inFlight.has(key)) return
    this.background.run(async () => {
      try {
        await this.refresh(key)
      } catch (error) {
        // The cached list stays on screen; the next look after the interval tries again.
        this.options.log.warn(`Could not refresh ${this.options.name}`, error)
      }
    })
  }

  private async fetchAll(key: string): Promise<Synced<T>> {
    const client = this.options.session.requireClient()
    const items = await this.options.fetchAll(client)
    const entry: Synced<T> = { items, syncedAt: new Date(this.now()).toISOString() }
    // The user may have signed out or switched account while the pages came in.
    if (this.closed || this.options.session.accountKey() !== key) return entry
    this.entries.set(key, entry)
    this.options.changed(entry.syncedAt)
    return entry
  }
}
