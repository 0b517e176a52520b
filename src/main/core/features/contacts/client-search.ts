import type { ParsedInput } from '@shared/contract'
import type { ClientsPage } from '@shared/models/accounts'
import { clientEntry, clientFilter, compareClientEntries, searchClients, type ClientEntry } from '@shared/search/clients'
import { rankByName } from '@shared/search/quick'

export type ClientsListQuery = ParsedInput<'clients.list'>

/** A client row with what its search needs, computed once per change of the client rather than per keystroke. */
export type IndexedClient = ClientEntry
export const indexClient = clientEntry
export const compareClients = compareClientEntries

export function matchesClient(client: IndexedClient, search: string): boolean {
  return clientFilter(search)?.(client) ?? true
}

/**
 * The clients matching the search, by name, the window asked for. `clients` must be sorted already;
 * `found` may hand over the matches already worked out for this search (paging through one search).
 */
export function pageOfClients(
  clients: readonly IndexedClient[],
  query: ClientsListQuery,
  syncedAt: string | null,
  found: readonly IndexedClient[] = searchClients(clients, query.search).found,
): ClientsPage {
  const { uuid } = query
  const wanted = uuid === undefined ? found : found.filter((client) => client.row.uuid === uuid)
  return {
    rows: wanted.slice(query.offset, query.offset + query.limit).map((client) => client.row),
    total: wanted.length,
    grandTotal: clients.length,
    syncedAt,
  }
}

/** Quick-switcher hits by client name; `needle` is already folded, `clients` in name order. */
export function rankClients(clients: readonly IndexedClient[], needle: string, limit: number) {
  return rankByName(clients, (client) => client.name, needle, limit).map(({ rank, entry }) => ({ rank, client: entry }))
}
