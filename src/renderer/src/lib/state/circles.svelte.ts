import type { CircleRow } from '@shared/models/circles'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'

/** Rows fetched per request; the rest come with "Show more". */
export const CIRCLES_PAGE_SIZE = 200
/** The contract's ceiling for one request. */
const MAX_LIMIT = 500
const SEARCH_DEBOUNCE_MS = 150

/**
 * The circles list: a debounced search, the rows fetched so far, and loading / error state.
 * Every request carries a generation number; a response from an older generation is dropped, so a
 * slow answer to "pa" can never overwrite the answer to "pat".
 */
export class CirclesState {
  /** What is in the search box (updates at once). */
  search = $state('')
  /** The search the rows belong to (updates when they arrive). */
  shownSearch = $state('')
  rows = $state.raw<CircleRow[]>([])
  total = $state(0)
  grandTotal = $state(0)
  syncedAt = $state<string | null>(null)
  /** True until the first answer arrives, and while a new search or a retry is in flight. */
  loading = $state(true)
  loadingMore = $state(false)
  /** The error of the last full load; a failed "Show more" keeps the rows and sets `moreError`. */
  error = $state<IpcError | null>(null)
  moreError = $state<IpcError | null>(null)
  /** At least one answer has arrived since the last error. */
  loaded = $state(false)

  hasMore = $derived(this.rows.length < this.total)
  remaining = $derived(Math.max(this.total - this.rows.length, 0))

  readonly #client: Client
  #generation = 0
  #debounce: ReturnType<typeof setTimeout> | undefined

  constructor(client: Client) {
    this.#client = client
  }

  /** First load, and re-query whenever main says the cached circles changed. Returns the stop function. */
  start(): () => void {
    const unsubscribe = this.#client.onEvent('circles.changed', () => void this.refresh())
    void this.load()
    return () => {
      unsubscribe()
      clearTimeout(this.#debounce)
      this.#generation++
    }
  }

  setSearch(text: string): void {
    this.search = text
    clearTimeout(this.#debounce)
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS)
  }

  clearSearch(): void {
    clearTimeout(this.#debounce)
    this.search = ''
    void this.load()
  }

  /** Loads the first page for the current search. Also the "Try again" action. */
  async load(): Promise<void> {
    clearTimeout(this.#debounce)
    await this.#fetchFirst(CIRCLES_PAGE_SIZE, true)
  }

  retry(): Promise<void> {
    return this.load()
  }

  /** Re-queries what is on screen (same search, as many rows as are shown) without a loading state. */
  async refresh(): Promise<void> {
    const limit = Math.min(Math.max(this.rows.length, CIRCLES_PAGE_SIZE), MAX_LIMIT)
    await this.#fetchFirst(limit, this.error !== null)
  }

  async loadMore(): Promise<void> {
    if (this.loadingMore || !this.hasMore) return
    const generation = this.#generation
    this.loadingMore = true
    this.moreError = null
    const result = await this.#client.api.circles.list({
      search: this.shownSearch,
      offset: this.rows.length,
      limit: CIRCLES_PAGE_SIZE,
    })
    if (generation !== this.#generation) return
    this.loadingMore = false
    if (!result.ok) {
      this.moreError = result.error
      return
    }
    this.rows = [...this.rows, ...result.value.rows]
    this.total = result.value.total
    this.grandTotal = result.value.grandTotal
    this.syncedAt = result.value.syncedAt
  }

  async #fetchFirst(limit: number, showLoading: boolean): Promise<void> {
    const generation = ++this.#generation
    const search = this.search
    if (showLoading) this.loading = true
    this.loadingMore = false
    const result = await this.#client.api.circles.list({ search, offset: 0, limit })
    if (generation !== this.#generation) return
    this.loading = false
    this.moreError = null
    if (!result.ok) {
      this.error = result.error
      this.loaded = false
      return
    }
    this.error = null
    this.loaded = true
    this.shownSearch = search
    this.rows = result.value.rows
    this.total = result.value.total
    this.grandTotal = result.value.grandTotal
    this.syncedAt = result.value.syncedAt
  }
}
