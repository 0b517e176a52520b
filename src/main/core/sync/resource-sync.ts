import type { z } from 'zod'
import { MAX_PER_PAGE } from '@shared/plannr'
import { AppError } from '@shared/result'
import type { CoreLog } from '../log'
import type { PlannrClient, QueryParams } from '../plannr'
import { pageOf, type Page } from '../plannr/envelope'
import type { AccountStore, RecordCodec, Repository } from '../store'

/** What one Plannr list is, and how its records are kept. */
export interface ResourceSpec<T> {
  /** The store's kind, e.g. "circles" or "conversations|false|". */
  kind: string
  /** For progress text: "Syncing clients 3,500 of 19,870". */
  label: string
  path: string
  item: z.ZodType<T>
  /** Filters and includes; pages and sort are added here. */
  query: QueryParams
  codec: RecordCodec<T>
  /** What of each record is kept (the fields the app reads); everything when absent. */
  compact?: (record: T) => T
}

export interface SyncProgress {
  kind: string
  label: string
  running: boolean
  done: number
  total: number | null
  /** Why the last run failed, in the user's words; null after a success. */
  error: string | null
}

/** The outbox's view of writes still on their way, which a sync must not undo. */
export interface PendingWrites {
  /** Plannr's records of a kind with the unsent writes' changes laid over them. */
  overlay<T>(kind: string, records: readonly T[]): readonly T[]
  /** Records made or changed by unsent writes: not on Plannr yet, so not "deleted on Plannr". */
  pendingIds(): ReadonlySet<string>
}

export interface ResourceSyncDeps {
  store: AccountStore
  client: () => PlannrClient
  log: CoreLog
  now: () => number
  /** Every page landed (or a run ended): tell the windows, and the status bar. */
  changed: (syncedAt: string | null) => void
  progress: (progress: SyncProgress) => void
  /** Waits until the app's rate budget has room, so a page never waits out a pause inside its own timeout. */
  paced?: () => Promise<void>
  /** Unsent writes: laid over each page as it is written (in the same transaction), kept through a full pass. */
  pending?: PendingWrites
  /** Pages fetched at once after the first. Default 4. */
  pool?: number
  /** Older than this, a view's data is refreshed behind it (sort=-updated_at). Default 5 minutes. */
  maxAgeMs?: number
  /** Older than this, the refresh is a full pass that also drops what Plannr deleted. Default 30 minutes. */
  fullPassMs?: number
}

export const DEFAULT_MAX_AGE_MS = 5 * 60_000
export const DEFAULT_FULL_PASS_MS = 30 * 60_000
/** An incremental refresh looks back this far before the last sync, for clock differences. */
const SKEW_MS = 60_000
/** A page that fails this many times ends the run; the client has already retried the passing errors. */
const PAGE_ATTEMPTS = 4
// Not 'network': the client has already tried again, and a view waiting on Plannr offline should hear at once.
const RETRYABLE = new Set(['server', 'rate_limited'])

/**
 * Keeps one kind of record in the store in step with Plannr. The first sync shows page 1 as soon as it
 * lands, then fetches the other pages a few at a time (the app's rate budget paces them); later ones ask
 * for what changed since (newest first, stopping at the last sync), and a periodic full pass drops what
 * Plannr no longer has. One run at a time; a failure never removes what the store holds.
 */
export class ResourceSync<T> {
  private running: Promise<void> | null = null
  private firstPage: Promise<void> | null = null
  private status: SyncProgress
  private announcing: string | null | undefined = undefined

  constructor(
    private readonly deps: ResourceSyncDeps,
    readonly spec: ResourceSpec<T>,
    readonly repo: Repository<T>,
  ) {
    this.status = { kind: spec.kind, label: spec.label, running: false, done: 0, total: null, error: null }
  }

  progress(): SyncProgress {
    return this.status
  }

  syncedAt(): string | null {
    return this.deps.store.syncState(this.spec.kind).syncedAt
  }

  /**
   * Resolves when a view has something to show: at once when this kind was synced before (a stale copy
   * is refreshed behind it), else once the first page has landed. Rejects when that first page fails.
   */
  async ready(): Promise<void> {
    const state = this.deps.store.syncState(this.spec.kind)
    if (state.syncedAt !== null) {
      this.refreshIfStale()
      return
    }
    if (!this.running) this.start('full')
    await this.firstPage
  }

  /** Starts a refresh when the data is old; does nothing while one runs. */
  refreshIfStale(): void {
    if (this.running) return
    const state = this.deps.store.syncState(this.spec.kind)
    const now = this.deps.now()
    const age = (at: string | null) => (at === null ? Number.POSITIVE_INFINITY : now - Date.parse(at))
    if (age(state.fullSyncedAt) > (this.deps.fullPassMs ?? DEFAULT_FULL_PASS_MS)) this.start('full')
    else if (age(state.syncedAt) > (this.deps.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) this.start('incremental')
  }

  /** What changed since the last sync, fetched now (a full pass the first time), or the run already going. */
  refreshNow(): Promise<void> {
    return this.running ?? this.start(this.deps.store.syncState(this.spec.kind).syncedAt === null ? 'full' : 'incremental')
  }

  /** A full pass now ("Sync now"), or the one already running. */
  syncNow(): Promise<void> {
    return this.running ?? this.start('full')
  }

  /** Waits for the run in progress, if any, without failing. */
  async settled(): Promise<void> {
    await this.running?.catch(() => undefined)
  }

  private start(mode: 'full' | 'incremental'): Promise<void> {
    let landed!: () => void
    let failed!: (error: unknown) => void
    this.firstPage = new Promise<void>((resolve, reject) => {
      landed = resolve
      failed = reject
    })
    // A caller that does not wait for the first page must not see an unhandled rejection.
    this.firstPage.catch(() => undefined)
    this.report({ running: true, done: 0, total: null, error: null })
    const run = (mode === 'full' ? this.fullPass(landed) : this.incremental(landed))
      .then(() => {
        landed()
        this.running = null
        this.report({ running: false, error: null })
        this.announce(this.syncedAt())
      })
      .catch((error: unknown) => {
        failed(error)
        this.report({ running: false, error: error instanceof AppError ? error.message : 'The sync stopped unexpectedly.' })
        this.deps.log.warn(`Could not sync ${this.spec.label}`, error instanceof AppError ? { code: error.code, message: error.message } : error)
        throw error
      })
      .finally(() => {
        this.running = null
      })
    run.catch(() => undefined)
    this.running = run
    return run
  }

  private async fullPass(landed: () => void): Promise<void> {
    const { store } = this.deps
    const started = new Date(this.deps.now()).toISOString()
    const before = store.syncState(this.spec.kind)
    const pass = before.pass + 1
    store.setSyncState(this.spec.kind, { ...before, pass })
    const seen = new Set<string>()
    const take = (page: Page<T>): void => {
      if (store.isClosed) throw new AppError('not_signed_in', 'Signed out while syncing.')
      this.repo.upsertPage(this.kept(page.data), pass)
      for (const record of page.data) seen.add(this.spec.codec.id(record))
      this.report({ done: seen.size, total: page.meta?.total ?? null })
      this.announce(this.syncedAt() ?? started)
    }

    const first = await this.fetchPage(1)
    take(first)
    // More pages to come: show the first now. A list of one page is shown once its pass is complete.
    if (first.meta ? first.meta.last_page > 1 : Boolean(first.links?.next)) landed()
    let reportedTotal = first.meta?.total ?? null
    if (first.meta) {
      const pages = Array.from({ length: Math.max(0, first.meta.last_page - 1) }, (_, i) => i + 2)
      await pool(pages, this.deps.pool ?? 4, async (number) => {
        const page = await this.fetchPage(number)
        if (page.meta) reportedTotal = page.meta.total
        take(page)
      })
    } else {
      // No page count: follow the links one page at a time.
      let page = first
      for (let number = 2; page.links?.next && page.data.length > 0; number++) {
        page = await this.fetchPage(number)
        take(page)
      }
    }
    // A list that shifted under us (records added or deleted mid-sync) may have hidden some from this
    // pass: only a pass that saw everything Plannr counted may remove what it did not see.
    if (reportedTotal === null || seen.size >= reportedTotal) {
      const removed = this.repo.removeUnseen(pass, this.deps.pending?.pendingIds())
      if (removed.length > 0) this.deps.log.info(`Removed ${removed.length} ${this.spec.label} deleted on Plannr`)
    }
    store.setSyncState(this.spec.kind, { syncedAt: started, fullSyncedAt: started, pass })
  }

  private async incremental(landed: () => void): Promise<void> {
    const { store } = this.deps
    const started = new Date(this.deps.now()).toISOString()
    const before = store.syncState(this.spec.kind)
    const since = before.syncedAt === null ? Number.NEGATIVE_INFINITY : Date.parse(before.syncedAt) - SKEW_MS
    let done = 0
    for (let number = 1; ; number++) {
      const page = await this.fetchPage(number, '-updated_at')
      if (store.isClosed) throw new AppError('not_signed_in', 'Signed out while syncing.')
      const fresh = page.data.filter((record) => {
        const at = this.spec.codec.updatedAt(record)
        return at === null || Date.parse(at) >= since
      })
      this.repo.upsertPage(this.kept(fresh))
      done += fresh.length
      this.report({ done, total: null })
      if (number === 1) landed()
      const last = page.meta ? page.meta.current_page >= page.meta.last_page : !page.links?.next
      if (fresh.length < page.data.length || last || page.data.length === 0) break
    }
    store.setSyncState(this.spec.kind, { ...store.syncState(this.spec.kind), syncedAt: started })
  }

  /** What is stored of a page: the fields the app reads, with our own unsent changes on top. */
  private kept(records: readonly T[]): readonly T[] {
    const compact = this.spec.compact
    const kept = compact ? records.map(compact) : records
    return this.deps.pending ? this.deps.pending.overlay(this.spec.kind, kept) : kept
  }

  /** One page, tried again after a passing failure (the rate budget decides when it goes). */
  private async fetchPage(number: number, sort?: string): Promise<Page<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.paced?.()
        return await this.deps.client().get(this.spec.path, pageOf(this.spec.item), {
          ...this.spec.query,
          ...(sort ? { sort } : {}),
          per_page: MAX_PER_PAGE,
          page: number,
        })
      } catch (error) {
        const retryable = error instanceof AppError && RETRYABLE.has(error.code)
        if (!retryable || attempt >= PAGE_ATTEMPTS || this.deps.store.isClosed) throw error
        await sleep(Math.min(8_000, 250 * 2 ** attempt))
      }
    }
  }

  /**
   * Tells the windows, at most once per turn of the event loop: pages landing together are one change,
   * and a caller that waited for the data gets its answer before the windows re-query.
   */
  private announce(syncedAt: string | null): void {
    const first = this.announcing === undefined
    this.announcing = syncedAt
    if (!first) return
    setTimeout(() => {
      const latest = this.announcing ?? null
      this.announcing = undefined
      this.deps.changed(latest)
    }, 0)
  }

  private report(change: Partial<SyncProgress>): void {
    this.status = { ...this.status, ...change }
    this.deps.progress(this.status)
  }
}

/** Runs `work` over `items` with at most `size` at once; the first failure fails the whole, after the others stop. */
async function pool<I>(items: readonly I[], size: number, work: (item: I) => Promise<void>): Promise<void> {
  let next = 0
  let failure: { error: unknown } | null = null
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const item = items[next++] as I
      try {
        await work(item)
      } catch (error) {
        failure ??= { error }
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  if (failure !== null) throw (failure as { error: unknown }).error
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
