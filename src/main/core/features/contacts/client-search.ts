import type { ParsedInput } from '@shared/contract'
import type { ClientRow, ClientsPage } from '@shared/models/accounts'
import { collator, compareIds, fold, matchRank } from '../common/text-search'

export type ClientsListQuery = ParsedInput<'clients.list'>

/** A search that reads as (part of) a phone number: digits and the usual separators only. */
const PHONE_LIKE = /^[+\d\s().-]+$/
/** Fewer digits than this match too many numbers to be a useful search. */
const MIN_PHONE_DIGITS = 3

function digits(text: string | null): string {
  return text ? text.replace(/\D/g, '') : ''
}

/**
 * Digits-only matching, so "07700 900" finds +447700900123 whatever the spacing: the query's digits are
 * looked for in the number as Plannr formats it (national, with its 0) and in E.164 (without the +).
 */
function phoneMatches(phoneDigits: readonly string[], query: string): boolean {
  if (!PHONE_LIKE.test(query)) return false
  const wanted = digits(query)
  if (wanted.length < MIN_PHONE_DIGITS) return false
  return phoneDigits.some((candidate) => candidate.includes(wanted))
}

/** A client row with what its search needs, computed once per fetch rather than per keystroke. */
export interface IndexedClient {
  row: ClientRow
  name: string
  email: string
  phoneDigits: string[]
}

export function indexClient(row: ClientRow, e164: string | null): IndexedClient {
  return {
    row,
    name: fold(row.name),
    email: fold(row.email ?? ''),
    phoneDigits: [digits(row.phone), digits(e164)].filter((d) => d !== ''),
  }
}

export function matchesClient(client: IndexedClient, search: string): boolean {
  const query = search.trim()
  if (query === '') return true
  const needle = fold(query)
  return client.name.includes(needle) || client.email.includes(needle) || phoneMatches(client.phoneDigits, query)
}

export function compareClients(a: IndexedClient, b: IndexedClient): number {
  return collator.compare(a.row.name, b.row.name) || compareIds(a.row.uuid, b.row.uuid)
}

/** The clients matching the search, by name, the window asked for. `clients` must be sorted already. */
export function pageOfClients(clients: readonly IndexedClient[], query: ClientsListQuery, syncedAt: string | null): ClientsPage {
  const { uuid } = query
  const wanted = uuid === undefined ? clients : clients.filter((client) => client.row.uuid === uuid)
  const found = query.search.trim() === '' ? wanted : wanted.filter((client) => matchesClient(client, query.search))
  return {
    rows: found.slice(query.offset, query.offset + query.limit).map((client) => client.row),
    total: found.length,
    grandTotal: clients.length,
    syncedAt,
  }
}

/** Quick-switcher hits by client name; `needle` is already folded. */
export function rankClients(clients: readonly IndexedClient[], needle: string, limit: number) {
  const hits: Array<{ rank: number; client: IndexedClient }> = []
  for (const client of clients) {
    const rank = matchRank(client.row.name, needle)
    if (rank !== null) hits.push({ rank, client })
  }
  hits.sort((a, b) => a.rank - b.rank || compareClients(a.client, b.client))
  return hits.slice(0, limit)
}
