import type { CirclesPage } from '@shared/models/circles'
import type { Circle } from '@shared/plannr'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import { listCircles } from '../plannr'
import { pageOfCircles, type CirclesListQuery } from './circles-query'
import { memoryCirclesCache, type CachedCircles, type CirclesCache } from './circles-cache'
import { BackgroundTasks } from './serial-queue'
import type { SessionService } from './session'

/** Older than this, a list is still shown at once but fetched again behind it. */
export const CIRCLES_MAX_AGE_MS = 5 * 60_000

export interface CirclesServiceOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  cache?: CirclesCache
  maxAgeMs?: number
  now?: () => number
}

/**
 * The firm's circles: fetched whole (every page, members and groups included), kept per account, and
 * searched, sorted and paged here so the window receives only the rows it shows.
 */
export class CirclesService {
  private readonly cache: CirclesCache
  private readonly maxAgeMs: number
  private readonly now: () => number
  private readonly inFlight = new Map<string, Promise<CachedCircles>>()
  private readonly background = new BackgroundTasks()
  private readonly stopWatchingSession: () => void
  private accountKey: string | null = null
  private closed = false

  constructor(private readonly options: CirclesServiceOptions) {
    this.cache = options.cache ?? memoryCirclesCache()
    this.maxAgeMs = options.maxAgeMs ?? CIRCLES_MAX_AGE_MS
    this.now = options.now ?? Date.now
    // Another user's or account's circles must never be shown: drop everything when the account changes.
    this.stopWatchingSession = options.session.onChange(() => {
      const key = options.session.accountKey()
      if (key === this.accountKey) return
      this.accountKey = key
      this.cache.clear()
    })
  }

  async list(query: CirclesListQuery): Promise<CirclesPage> {
    await this.options.session.ready()
    const session = this.options.session
    session.requireClient()
    const key = session.accountKey()
    if (key === null) return pageOfCircles([], query, null)

    const cached = this.cache.get(key)
    if (!cached) {
      const fresh = await this.refresh(key)
      return pageOfCircles(fresh.circles, query, fresh.syncedAt)
    }
    if (this.now() - Date.parse(cached.syncedAt) > this.maxAgeMs) this.refreshInBackground(key)
    return pageOfCircles(cached.circles, query, cached.syncedAt)
  }

  async close(): Promise<void> {
    this.closed = true
    this.stopWatchingSession()
    await this.background.drain()
  }

  /** One fetch per account at a time: callers arriving while one runs share its result. */
  private refresh(key: string): Promise<CachedCircles> {
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
        this.options.log.warn('Could not refresh circles', error)
      }
    })
  }

  private async fetchAll(key: string): Promise<CachedCircles> {
    const client = this.options.session.requireClient()
    const circles: Circle[] = await listCircles(client, { include: ['accounts', 'groups'] })
    const entry: CachedCircles = { circles, syncedAt: new Date(this.now()).toISOString() }
    // The user may have signed out or switched account while the pages came in.
    if (this.closed || this.options.session.accountKey() !== key) return entry
    this.cache.put(key, entry)
    this.options.events.emit('circles.changed', { syncedAt: entry.syncedAt })
    return entry
  }
}
