import { getContext, setContext } from 'svelte'
import type { ClientSearchRecord } from '@shared/models/accounts'
import type { CircleSearchRecord } from '@shared/models/circles'
import type { QuickRecord, QuickSearchResult } from '@shared/models/quick-search'
import { circleEntry, circleResult, compareCircleEntries, rankCircleNames, type CircleEntry } from '@shared/search/circles'
import { clientEntry, clientResult, compareClientEntries, type ClientEntry } from '@shared/search/clients'
import { compareQuickEntries, mergeRanked, QUICK_SEARCH_LIMIT, quickEntry, rankByName, type QuickEntry } from '@shared/search/quick'
import { fold } from '@shared/search/text'
import type { Client } from '../api'
import { SearchIndex } from './search-index'

/**
 * Records per answer when a whole list comes (20,000 clients are about 3 MB of JSON): each slice is parsed
 * and folded in a few milliseconds, well within a frame's budget, so scrolling meanwhile stays smooth.
 */
const SLICE = 2_000

/** The longest quick search main accepts; a longer one is left to main, which says so. */
const MAX_QUICK_QUERY = 200

/**
 * The window's search indexes of the signed-in account: clients and circles (for their lists and the quick
 * switcher) and the conversations' titles (for the quick switcher). Each is fetched the first time it is
 * wanted and from then on follows main's changes; they go when the signed-in shell goes.
 */
export class SearchIndexes {
  readonly clients: SearchIndex<ClientSearchRecord, ClientEntry>
  readonly circles: SearchIndex<CircleSearchRecord, CircleEntry>
  readonly conversations: SearchIndex<QuickRecord, QuickEntry>
  readonly #client: Client
  #account: string | null = null

  constructor(client: Client) {
    this.#client = client
    this.clients = new SearchIndex({
      fetch: (since) => client.api.clients.searchIndex(since),
      entry: (record) => clientEntry(record.row, record.e164),
      slice: SLICE,
      id: (entry) => entry.row.uuid,
      compare: compareClientEntries,
    })
    this.circles = new SearchIndex({
      fetch: (since) => client.api.circles.searchIndex(since),
      entry: circleEntry,
      slice: SLICE,
      id: (entry) => entry.row.uuid,
      compare: compareCircleEntries,
      reordered: rankCircleNames,
    })
    this.conversations = new SearchIndex({
      fetch: (since) => client.api.conversations.searchIndex(since),
      entry: quickEntry,
      slice: SLICE,
      id: (entry) => entry.record.uuid,
      compare: compareQuickEntries,
    })
  }

  /** Keeps every index in use in step with main's changes. Returns the stop function. */
  start(): () => void {
    const follow = (index: Pick<SearchIndex<unknown, unknown>, 'used' | 'update'>) => () => {
      if (index.used) void index.update()
    }
    const stops = [
      this.#client.onEvent('clients.changed', follow(this.clients)),
      this.#client.onEvent('circles.changed', follow(this.circles)),
      this.#client.onEvent('conversations.changed', follow(this.conversations)),
    ]
    return () => stops.forEach((stop) => stop())
  }

  /** The signed-in account: when it changes, nothing held for the previous one answers a search. */
  forAccount(accountUuid: string): void {
    if (this.#account !== null && this.#account !== accountUuid) for (const index of [this.clients, this.circles, this.conversations]) index.forget()
    this.#account = accountUuid
  }

  /** The quick switcher is open: fetches what it searches, so that its keystrokes are answered here. */
  wantQuick(): void {
    for (const index of [this.circles, this.conversations, this.clients]) if (!index.used) void index.update()
  }

  /**
   * The quick switcher's results for `text` (trimmed), ranked as main ranks them; null while an index is
   * not here yet (main is asked then).
   */
  quick(text: string, limit = QUICK_SEARCH_LIMIT): QuickSearchResult[] | null {
    this.wantQuick()
    if (!this.circles.ready || !this.conversations.ready || !this.clients.ready || text.length > MAX_QUICK_QUERY) return null
    const needle = fold(text)
    if (needle === '') return []
    // The same order as main's features: circles, conversations, clients (the merge keeps it among equals).
    return mergeRanked(
      [
        rankByName(this.circles.entries, (entry) => entry.name, needle, limit).map(({ rank, entry }) => ({ rank, result: circleResult(entry) })),
        rankByName(this.conversations.entries, (entry) => entry.folded, needle, limit).map(({ rank, entry }) => ({
          rank,
          result: { kind: 'conversation' as const, ...entry.record },
        })),
        rankByName(this.clients.entries, (entry) => entry.name, needle, limit).map(({ rank, entry }) => ({ rank, result: clientResult(entry) })),
      ],
      limit,
    )
  }
}

const KEY = Symbol('search-indexes')

/** Makes the signed-in shell's indexes available to the views and dialogs inside it. */
export function provideSearchIndexes(client: Client): SearchIndexes {
  return setContext(KEY, new SearchIndexes(client))
}

/** The signed-in shell's indexes, if any (a component used on its own has none: it asks main). */
export function searchIndexes(): SearchIndexes | undefined {
  return getContext<SearchIndexes | undefined>(KEY)
}
