/* eslint-disable svelte/prefer-svelte-reactivity -- the chunk sets are request bookkeeping, never rendered: plain Sets on purpose */
import type { IpcError, Result } from '@shared/result'
import { Latest } from './latest'

/** What a window request returns: some rows of a list filtered and sorted in main, and how long it is. */
export interface RowPage<T> {
  rows: T[]
  total: number
}

export interface VirtualRowsOptions<T, P extends RowPage<T>> {
  /** Asks main for rows [offset, offset + limit) of the current query. */
  fetch: (offset: number, limit: number) => Promise<Result<P>>
  /** Rows per window request; windows are aligned to it so each row is asked for once. */
  chunk?: number
}

/** The contract's ceiling for one request. */
const MAX_LIMIT = 500

/**
 * The rows of a long list as VirtualList shows it: a sparse array filled window by window as the user
 * scrolls, so main sends only what is in view. `reset()` starts a new query; answers to an older one are
 * dropped (see Latest), so a slow answer to an old search can never overwrite a newer one.
 */
export class VirtualRows<T, P extends RowPage<T> = RowPage<T>> {
  /** Row i of the list, or undefined while its window is on its way. */
  rows = $state.raw<ReadonlyArray<T | undefined>>([])
  total = $state(0)
  /** The last page that arrived, for whatever else the caller's pages carry (grand totals, sync times). */
  last = $state.raw<P | null>(null)
  /** True while a reset waits for its first window (when it asked to show that). */
  loading = $state(true)
  /** At least one window of the current query has arrived. */
  loaded = $state(false)
  /** The error of a reset's first window: the list cannot be shown. */
  error = $state<IpcError | null>(null)
  /** A later window failed: the rows already shown stay; `retryWindows()` asks again. */
  windowError = $state<IpcError | null>(null)

  readonly chunk: number
  readonly #fetch: VirtualRowsOptions<T, P>['fetch']
  readonly #latest = new Latest()
  #loaded = new Set<number>()
  #inFlight = new Set<number>()
  #visible: [number, number] = [0, 0]

  constructor(options: VirtualRowsOptions<T, P>) {
    this.#fetch = options.fetch
    this.chunk = Math.min(Math.max(options.chunk ?? 50, 1), MAX_LIMIT)
  }

  /** Row `index`, if it has arrived. */
  at(index: number): T | undefined {
    return this.rows[index]
  }

  /**
   * Starts again for a new query (or fresh data): fetches the window in view (from the top when
   * `fromTop`), keeping the old rows visible until it arrives unless `showLoading`.
   */
  async reset(showLoading: boolean, fromTop = false): Promise<void> {
    const current = this.#latest.begin()
    this.#inFlight = new Set()
    if (showLoading) this.loading = true
    // A new search starts at its first row; fresh data for the same query keeps the user's place.
    if (fromTop) this.#visible = [0, this.#visible[1] - this.#visible[0]]
    const [start, end] = this.#visible
    const first = this.#chunkOf(start)
    const last = Math.max(first, this.#chunkOf(Math.max(end - 1, start)))
    const offset = first * this.chunk
    const limit = Math.min(last - first + 1, Math.floor(MAX_LIMIT / this.chunk)) * this.chunk
    const result = await this.#fetch(offset, limit)
    if (!current()) return
    this.loading = false
    if (!result.ok) {
      this.error = result.error
      this.loaded = false
      return
    }
    this.error = null
    this.windowError = null
    this.loaded = true
    this.#loaded = new Set()
    const rows = new Array<T | undefined>(result.value.total)
    this.#place(rows, offset, result.value)
    this.#markLoaded(offset, limit)
    this.#commit(rows, result.value)
    // The window may have moved while the first one was on its way.
    this.show(...this.#visible)
  }

  /** What the list has in view (end exclusive, overscan included): fetches the windows not yet here. */
  show(start: number, end: number): void {
    this.#visible = [Math.max(0, start), Math.max(start, end)]
    if (!this.loaded) return
    const to = Math.min(this.#visible[1], this.total)
    const missing: number[] = []
    for (let chunk = this.#chunkOf(this.#visible[0]); chunk * this.chunk < to; chunk++) {
      if (!this.#loaded.has(chunk) && !this.#inFlight.has(chunk)) missing.push(chunk)
    }
    // Neighbouring missing chunks travel as one request.
    let runStart = 0
    for (let i = 1; i <= missing.length; i++) {
      const prev = missing[i - 1] ?? 0
      const here = missing[i]
      if (here === prev + 1 && (i - runStart + 1) * this.chunk <= MAX_LIMIT) continue
      void this.#fetchChunks(missing[runStart] ?? 0, prev)
      runStart = i
    }
  }

  /** Asks again for the windows in view after one failed. */
  retryWindows(): void {
    this.windowError = null
    this.show(...this.#visible)
  }

  /** Forget every answer still on its way (e.g. when the view goes away). */
  stop(): void {
    this.#latest.cancel()
    this.#inFlight = new Set()
  }

  async #fetchChunks(first: number, last: number): Promise<void> {
    const current = this.#latest.follow()
    for (let chunk = first; chunk <= last; chunk++) this.#inFlight.add(chunk)
    const offset = first * this.chunk
    const limit = (last - first + 1) * this.chunk
    const result = await this.#fetch(offset, limit)
    if (!current()) return
    for (let chunk = first; chunk <= last; chunk++) this.#inFlight.delete(chunk)
    if (!result.ok) {
      this.windowError = result.error
      return
    }
    this.windowError = null
    const rows = [...this.rows]
    rows.length = result.value.total
    this.#place(rows, offset, result.value)
    this.#markLoaded(offset, limit)
    this.#commit(rows, result.value)
  }

  #place(rows: Array<T | undefined>, offset: number, page: P): void {
    page.rows.forEach((row, i) => {
      if (offset + i < rows.length) rows[offset + i] = row
    })
  }

  /** Every chunk a request covered is settled, even past the end of the list (there is nothing more there). */
  #markLoaded(offset: number, limit: number): void {
    for (let chunk = this.#chunkOf(offset); chunk <= this.#chunkOf(offset + limit - 1); chunk++) this.#loaded.add(chunk)
  }

  #commit(rows: Array<T | undefined>, page: P): void {
    this.rows = rows
    this.total = page.total
    this.last = page
  }

  #chunkOf(index: number): number {
    return Math.floor(index / this.chunk)
  }
}
