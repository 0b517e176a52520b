import type { ClientRow, ClientsPage } from '@shared/models/accounts'
import type { Client } from '../api'
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
    fetch: (offset, limit) => this.#client.api.clients.list({ search: this.#query, offset, limit }),
  })
  /** Every client of the firm, whatever the search. */
  grandTotal = $derived(this.rows.last?.grandTotal ?? 0)
  syncedAt = $derived(this.rows.last?.syncedAt ?? null)

  #query = ''

  constructor(client: Client) {
    super()
    this.#client = client
  }

  /** First load, and re-query what is on screen whenever main says the clients changed. */
  start(): () => void {
    return this.follow(this.#client, 'clients.changed', () => this.rows.stop())
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
