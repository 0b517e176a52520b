import type { CircleFilterOptions, CircleRow, CirclesPage } from '@shared/models/circles'
import type { IpcError } from '@shared/result'
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
  /** The query the current generation of rows was asked for (the search box may be ahead of it). */
  #asked = { search: '', accountUuid: null as string | null, groupUuid: null as string | null, sort: 'name' as CircleSort, direction: 'asc' as SortDirection }

  constructor(client: Client) {
    super()
    this.#client = client
  }

  /** First load, and re-query whenever main says the cached circles changed. Returns the stop function. */
  start(): () => void {
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
