import type { ClientRow, ClientSearchRecord, ClientsPage } from '@shared/models/accounts'
import type { Result } from '@shared/result'
import { searchClients, type ClientEntry, type ClientMatches } from '@shared/search/clients'
import type { Client } from '../api'
import type { SearchIndex } from './search-index'
import { VirtualRows } from './virtual-rows.svelte'
import { SearchableList } from './live-list.svelte'

/** Rows per request: a screenful or two, so scrolling through thousands asks main for little at a time. */
const CHUNK = 100

/**
 * The clients list: a search over name, email and phone, the rows main sends for the part of
 * the list in view, and which client is open. Main holds the whole list; the window holds a few rows.
 */
export class ClientsState extends SearchableList {
  /** The client whose card is open. */
  selected = $state<ClientRow | null>(null)

  readonly #client: Client
  /** The rows main has sent for the part of the list in view. */
  readonly rows = new VirtualRows<ClientRow, ClientsPage>({
    chunk: CHUNK,
    fetch: (offset, limit) => this.#window(offset, limit),
  })
  /** Every client, searched here as the user types; main is asked only until it has arrived. */
  readonly index: SearchIndex<ClientSearchRecord, ClientEntry> | null
  /** Every client of the firm, whatever the search. */
  grandTotal = $derived(this.rows.last?.grandTotal ?? 0)
  syncedAt = $derived(this.rows.last?.syncedAt ?? null)

  #query = ''
  /** The matches of the last search answered here: paging reuses them, typing on narrows them. */
  #found: ClientMatches | null = null

  /** `index`: the clients' search index kept in the window, to answer searches from (what the view does). */
  constructor(client: Client, options: { index?: SearchIndex<ClientSearchRecord, ClientEntry> | undefined } = {}) {
    super()
    this.#client = client
    this.index = options.index ?? null
  }

  /** First load, and re-query what is on screen whenever main says the clients changed. */
  start(): () => void {
    void this.index?.update()
    return this.follow(this.#client, 'clients.changed', () => this.rows.stop())
  }

  /** Rows [offset, offset + limit) of the current search: from the index when it is here, else from main. */
  #window(offset: number, limit: number): Promise<Result<ClientsPage>> {
    const index = this.index
    if (!index?.ready) return this.#client.api.clients.list({ search: this.#query, offset, limit })
    const search = this.#query
    const last = this.#found
    // The index's entries are a new array whenever they change, so matches of an older version never narrow.
    const found = last?.sorted === index.entries && last.search === search ? last : searchClients(index.entries, search, last)
    this.#found = found
    const rows = found.found.slice(offset, offset + limit).map((entry) => entry.row)
    return Promise.resolve({ ok: true, value: { rows, total: found.found.length, grandTotal: index.entries.length, syncedAt: index.syncedAt } })
  }

  /** Loads the list from the top for the current search. Also the "Try again" action. */
  async load(): Promise<void> {
    const search = this.search
    this.#query = search
    await this.rows.reset(true, true)
    // A newer search may have started meanwhile: its own load says when its rows are shown.
    if (this.rows.loaded && this.#query === search) this.shownSearch = search
  }

  retry(): Promise<void> {
    return this.load()
  }

  /** Fresh data for the same search: the rows in view are asked for again, keeping the user's place. */
  async refresh(): Promise<void> {
    // The index first, so that the rows asked for again come from what main holds now.
    await this.index?.update()
    await this.rows.reset(this.rows.error !== null)
    const shown = this.selected
    if (!shown) return
    // The open card's header (primary email and phone) follows the list.
    const result = await this.#client.api.clients.list({ uuid: shown.uuid, limit: 1 })
    const row = result.ok ? result.value.rows[0] : undefined
    if (row && this.selected?.uuid === row.uuid) this.selected = row
  }

  /** Closes the client's card. */
  deselect(): void {
    this.selected = null
  }

  select(row: ClientRow): void {
    this.selected = row
  }

  /** Opens a client known only by its id (from the quick switcher). Returns false when there is none. */
  async open(uuid: string): Promise<boolean> {
    const result = await this.#client.api.clients.list({ uuid, limit: 1 })
    const row = result.ok ? result.value.rows[0] : undefined
    if (!row) return false
    this.selected = row
    return true
  }
}
