import type { CallInput } from '@shared/contract'
import type { ConversationRow } from '@shared/models/conversations'
import type { IpcError, Result } from '@shared/result'
import { SvelteSet } from 'svelte/reactivity'
import type { Client } from '../api'
import { Latest } from './latest'
import { SearchableList } from './live-list.svelte'

export type ArchivedFilter = 'false' | 'only' | 'with'
export type NewConversationInput = CallInput<'conversations.create'>

/** Rows fetched per request; more come as the list scrolls towards them. */
export const CONVERSATIONS_PAGE_SIZE = 200
const MAX_LIMIT = 500

/**
 * The conversations list: search, circle and archived filters, the rows, which one is open,
 * and pin toggles. Only the answer to the newest question is used (see Latest).
 */
export class ConversationsState extends SearchableList {
  archived = $state<ArchivedFilter>('false')
  /** The archived filter the rows on screen belong to (the count must not name the new one before they arrive). */
  shownArchived = $state<ArchivedFilter>('false')
  circleUuid = $state<string | null>(null)
  rows = $state.raw<ConversationRow[]>([])
  total = $state(0)
  grandTotal = $state(0)
  syncedAt = $state<string | null>(null)
  loading = $state(true)
  loaded = $state(false)
  error = $state<IpcError | null>(null)
  loadingMore = $state(false)
  moreError = $state<IpcError | null>(null)
  /** The conversation open in the thread pane. */
  selectedUuid = $state<string | null>(null)
  /** Pins being saved, by conversation. */
  readonly pinning = new SvelteSet<string>()
  /** The last pin that failed, with why. */
  pinError = $state<{ uuid: string; message: string } | null>(null)

  hasMore = $derived(this.rows.length < this.total)
  filtered = $derived(this.archived !== 'false' || this.circleUuid !== null)
  selected = $derived(this.rows.find((row) => row.uuid === this.selectedUuid) ?? null)

  readonly #client: Client
  readonly #latest = new Latest()

  constructor(client: Client) {
    super()
    this.#client = client
  }

  start(): () => void {
    // A conversation started offline reached Plannr: open under its temporary id, it stays open under Plannr's.
    const unsubscribe = this.#client.onEvent('conversations.changed', ({ replaced }) => {
      if (replaced && this.selectedUuid === replaced.from) this.selectedUuid = replaced.to
    })
    return this.follow(this.#client, 'conversations.changed', () => {
      unsubscribe()
      this.#latest.cancel()
    })
  }

  setArchived(value: ArchivedFilter): void {
    this.archived = value
    void this.load()
  }

  setCircle(uuid: string | null): void {
    this.circleUuid = uuid
    void this.load()
  }

  select(uuid: string | null): void {
    this.selectedUuid = uuid
  }

  /** First page for the current search and filters; also "Try again". */
  load(): Promise<void> {
    return this.#fetchFirst(CONVERSATIONS_PAGE_SIZE, true)
  }

  /** Re-asks for what is on screen without a loading state (after main says the list changed). */
  refresh(): Promise<void> {
    const limit = Math.min(Math.max(this.rows.length, CONVERSATIONS_PAGE_SIZE), MAX_LIMIT)
    return this.#fetchFirst(limit, this.error !== null)
  }

  async loadMore(): Promise<void> {
    if (this.loadingMore || !this.hasMore) return
    const current = this.#latest.follow()
    this.loadingMore = true
    this.moreError = null
    const result = await this.#client.api.conversations.list({ ...this.#query(this.shownSearch), offset: this.rows.length, limit: CONVERSATIONS_PAGE_SIZE })
    if (!current()) return
    this.loadingMore = false
    if (!result.ok) {
      this.moreError = result.error
      return
    }
    this.rows = [...this.rows, ...result.value.rows]
    this.total = result.value.total
    this.grandTotal = result.value.grandTotal
  }

  async togglePin(uuid: string): Promise<void> {
    const row = this.rows.find((candidate) => candidate.uuid === uuid)
    if (!row || this.pinning.has(uuid)) return
    this.pinning.add(uuid)
    this.pinError = null
    const result = await this.#client.api.conversations.pin({ uuid, pin: !row.pinned })
    this.pinning.delete(uuid)
    if (!result.ok) {
      this.pinError = { uuid, message: result.error.message }
      return
    }
    // Main re-sorts and tells us (conversations.changed); until then show the new state in place.
    this.rows = this.rows.map((candidate) => (candidate.uuid === uuid ? result.value : candidate))
  }

  /** Creates a conversation and opens it; the caller shows any error at its field. */
  async create(input: NewConversationInput): Promise<Result<ConversationRow>> {
    const result = await this.#client.api.conversations.create(input)
    if (result.ok) {
      this.selectedUuid = result.value.uuid
      await this.refresh()
    }
    return result
  }

  #query(search: string) {
    return { search, archived: this.archived, circleUuid: this.circleUuid }
  }

  async #fetchFirst(limit: number, showLoading: boolean): Promise<void> {
    const current = this.#latest.begin()
    const search = this.search
    const archived = this.archived
    if (showLoading) this.loading = true
    this.loadingMore = false
    const result = await this.#client.api.conversations.list({ ...this.#query(search), offset: 0, limit })
    if (!current()) return
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
    this.shownArchived = archived
    this.rows = result.value.rows
    this.total = result.value.total
    this.grandTotal = result.value.grandTotal
    this.syncedAt = result.value.syncedAt
  }
}
