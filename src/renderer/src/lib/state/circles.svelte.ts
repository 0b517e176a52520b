import type { CircleFilterOptions, CircleRow, CircleSearchRecord, CirclesPage } from '@shared/models/circles'
import type { IpcError, Result } from '@shared/result'
import { queryCircles, type CircleEntry, type CircleQuery } from '@shared/search/circles'
import type { SearchIndex } from './search-index'
import { VirtualRows } from './virtual-rows.svelte'
import type { Client } from '../api'
import { SearchableList } from './live-list.svelte'

/** Rows per window request: a screenful or two, so a scroll asks main for a little at a time. */
export const CIRCLES_WINDOW = 50

export type CircleSort = 'name' | 'created_at' | 'updated_at'
export type SortDirection = 'asc' | 'desc'

/**
 * The circles list: a search, member and group filters, a sort, and the rows main sends one
 * window at a time as the list scrolls (see VirtualRows). A change of search, filter or sort starts a
 * new generation; answers to an older one are dropped, so a slow answer to "pa" never overwrites "pat".
 */
export class CirclesState extends SearchableList {
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
    fetch: (offset, limit) => this.#window(offset, limit),
  })
  /** Every circle, searched, filtered and sorted here as the user types; main is asked only until it has arrived. */
  readonly index: SearchIndex<CircleSearchRecord, CircleEntry> | null

  total = $derived(this.rows.total)
  grandTotal = $derived(this.rows.last?.grandTotal ?? 0)
  syncedAt = $derived(this.rows.last?.syncedAt ?? null)
  loading = $derived(this.rows.loading)
  loaded = $derived(this.rows.loaded)
  error = $derived(this.rows.error)
  /** Any filter beyond the search is on. */
  filtered = $derived(this.accountUuid !== null || this.groupUuid !== null)

  readonly #client: Client
  /** The query the current generation of rows was asked for (the search box may be ahead of it). */
  #asked: CircleQuery = { search: '', accountUuid: null, groupUuid: null, sort: 'name', direction: 'asc' }

  /** The matches of the last query answered here, while the index is unchanged. */
  #found: { version: number; asked: CircleQuery; entries: readonly CircleEntry[] } | null = null

  /** `index`: the circles' search index kept in the window, to answer queries from (what the view does). */
  constructor(client: Client, options: { index?: SearchIndex<CircleSearchRecord, CircleEntry> | undefined } = {}) {
    super()
    this.#client = client
    this.index = options.index ?? null
  }

  /** Rows [offset, offset + limit) of the current query: from the index when it is here, else from main. */
  #window(offset: number, limit: number): Promise<Result<CirclesPage>> {
    const index = this.index
    const asked = this.#asked
    if (!index?.ready) return this.#client.api.circles.list({ ...asked, offset, limit })
    let found = this.#found
    if (found?.version !== index.version || found.asked !== asked) {
      found = this.#found = { version: index.version, asked, entries: queryCircles(index.entries, asked) }
    }
    const rows = found.entries.slice(offset, offset + limit).map((entry) => entry.row)
    return Promise.resolve({ ok: true, value: { rows, total: found.entries.length, grandTotal: index.entries.length, syncedAt: index.syncedAt } })
  }

  /** First load, and re-query whenever main says the cached circles changed. Returns the stop function. */
  start(): () => void {
    void this.index?.update()
    const stop = this.follow(this.#client, 'circles.changed', () => this.rows.stop())
    void this.loadOptions()
    return stop
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
  async refresh(): Promise<void> {
    void this.loadOptions()
    // The index first, so that the rows asked for again come from what main holds now.
    await this.index?.update()
    await this.rows.reset(this.rows.error !== null)
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
