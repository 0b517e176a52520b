import type { CircleFilterOptions, CircleRow, CirclesPage } from '@shared/models/circles'
import type { IpcError } from '@shared/result'
import { VirtualRows } from '../../components/virtual-rows.svelte'
import type { Client } from '../api'

/** Rows per window request: a screenful or two, so a scroll asks main for a little at a time. */
export const CIRCLES_WINDOW = 50
export const SEARCH_DEBOUNCE_MS = 150

export type CircleSort = 'name' | 'created_at' | 'updated_at'
export type SortDirection = 'asc' | 'desc'

/**
 * The circles list: a debounced search, member and group filters, a sort, and the rows main sends one
 * window at a time as the list scrolls (see VirtualRows). A change of search, filter or sort starts a
 * new generation; answers to an older one are dropped, so a slow answer to "pa" never overwrites "pat".
 */
export class CirclesState {
  /** What is in the search box (updates at once). */
  search = $state('')
  /** The search the rows belong to (updates when they arrive). */
  shownSearch = $state('')
  accountUuid = $state<string | null>(null)
  groupUuid = $state<string | null>(null)
  sort = $state<CircleSort>('name')
  direction = $state<SortDirection>('asc')
  /** What the member and group filters offer; null until loaded. */
  options = $state.raw<CircleFilterOptions | null>(null)
  optionsError = $state<IpcError | null>(null)
  /** Increases whenever the query changes, so the list can go back to its top. */
  queryKey = $state(0)

  readonly rows = new VirtualRows<CircleRow, CirclesPage>({
    chunk: CIRCLES_WINDOW,
    fetch: (offset, limit) => this.#client.api.circles.list({ ...this.#asked, offset, limit }),
  })

  total = $derived(this.rows.total)
  grandTotal = $derived(this.rows.last?.grandTotal ?? 0)
  syncedAt = $derived(this.rows.last?.syncedAt ?? null)
  loading = $derived(this.rows.loading)
  loaded = $derived(this.rows.loaded)
  error = $derived(this.rows.error)
  /** Any filter beyond the search is on. */
  filtered = $derived(this.accountUuid !== null || this.groupUuid !== null)

  readonly #client: Client
  #debounce: ReturnType<typeof setTimeout> | undefined
  /** The query the current generation of rows was asked for (the search box may be ahead of it). */
  #asked = { search: '', accountUuid: null as string | null, groupUuid: null as string | null, sort: 'name' as CircleSort, direction: 'asc' as SortDirection }

  constructor(client: Client) {
    this.#client = client
  }

  /** First load, and re-query whenever main says the cached circles changed. Returns the stop function. */
  start(): () => void {
    const unsubscribe = this.#client.onEvent('circles.changed', () => void this.refresh())
    void this.load()
    void this.loadOptions()
    return () => {
      unsubscribe()
      clearTimeout(this.#debounce)
      this.rows.stop()
    }
  }

  setSearch(text: string): void {
    this.search = text
    clearTimeout(this.#debounce)
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS)
  }

  clearSearch(): void {
    this.search = ''
    void this.load()
  }

  setMember(accountUuid: string | null): void {
    this.accountUuid = accountUuid
    void this.load()
  }

  setGroup(groupUuid: string | null): void {
    this.groupUuid = groupUuid
    void this.load()
  }

  setSort(sort: CircleSort, direction: SortDirection = this.direction): void {
    this.sort = sort
    this.direction = direction
    void this.load()
  }

  clearFilters(): void {
    this.search = ''
    this.accountUuid = null
    this.groupUuid = null
    void this.load()
  }

  /** Loads the first window for the current query, from the top. Also the "Try again" action. */
  async load(): Promise<void> {
    clearTimeout(this.#debounce)
    const search = this.search
    this.#asked = { search, accountUuid: this.accountUuid, groupUuid: this.groupUuid, sort: this.sort, direction: this.direction }
    this.queryKey++
    await this.rows.reset(true, true)
    if (this.rows.loaded && this.#asked.search === search) this.shownSearch = search
  }

  retry(): Promise<void> {
    return this.load()
  }

  /** Re-queries what is on screen, keeping the place and without a loading state. */
  refresh(): Promise<void> {
    void this.loadOptions()
    return this.rows.reset(this.rows.error !== null)
  }

  /** The visible range from the list (end exclusive). */
  show(start: number, end: number): void {
    this.rows.show(start, end)
  }

  async loadOptions(): Promise<void> {
    const result = await this.#client.api.circles.filterOptions()
    if (!result.ok) {
      this.optionsError = result.error
      return
    }
    this.optionsError = null
    this.options = result.value
  }
}
