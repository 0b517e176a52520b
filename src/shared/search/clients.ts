import type { ClientRow } from '../models/accounts'
import type { QuickSearchResult } from '../models/quick-search'
import { collator, compareIds, fold } from './text'

/*
 * How the clients list is searched and ordered: by name, email or phone, sorted by name. One definition
 * for main (which answers list windows) and the window (which answers keystrokes from its own index).
 */

/** A search that reads as (part of) a phone number: digits and the usual separators only. */
const PHONE_LIKE = /^[+\d\s().-]+$/
/** Fewer digits than this match too many numbers to be a useful search. */
const MIN_PHONE_DIGITS = 3

export function digits(text: string | null): string {
  return text ? text.replace(/\D/g, '') : ''
}

/** A client row with what its search needs, folded once per change of the client, not per keystroke. */
export interface ClientEntry {
  row: ClientRow
  /** The primary phone in E.164, as Plannr stores it. */
  e164: string | null
  name: string
  email: string
  /** Folded name and email in one string, so that most searches look once per client. */
  text: string
  /** The phone's digits as Plannr formats it and in E.164, space-separated (a search's digits hold no space). */
  phoneDigits: string
}

/** Between name and email in `text`: a search holding it could match across the two, so it looks at each. */
const SEPARATOR = '\n'

export function clientEntry(row: ClientRow, e164: string | null): ClientEntry {
  const name = fold(row.name)
  const email = fold(row.email ?? '')
  return {
    row,
    e164,
    name,
    email,
    text: `${name}${SEPARATOR}${email}`,
    phoneDigits: [digits(row.phone), digits(e164)].filter((d) => d !== '').join(' '),
  }
}

/** A search made ready to run: what it looks for in names and emails, and in phone numbers (null: none). */
interface ClientQuery {
  needle: string
  phone: string | null
}

function clientQuery(search: string): ClientQuery | null {
  const query = search.trim()
  if (query === '') return null
  const wanted = PHONE_LIKE.test(query) ? digits(query) : ''
  return { needle: fold(query), phone: wanted.length < MIN_PHONE_DIGITS ? null : wanted }
}

function testOf({ needle, phone }: ClientQuery): (client: ClientEntry) => boolean {
  if (needle.includes(SEPARATOR)) {
    return (client) => client.name.includes(needle) || client.email.includes(needle) || (phone !== null && client.phoneDigits.includes(phone))
  }
  if (phone === null) return (client) => client.text.includes(needle)
  return (client) => client.text.includes(needle) || client.phoneDigits.includes(phone)
}

/**
 * The test a client passes for `search`, or null when every client does (an empty search). Phone numbers
 * match by their digits, so "07700 900" finds +447700900123 whatever the spacing: the query's digits are
 * looked for in the number as Plannr formats it (national, with its 0) and in E.164 (without the +).
 */
export function clientFilter(search: string): ((client: ClientEntry) => boolean) | null {
  const query = clientQuery(search)
  return query === null ? null : testOf(query)
}

/** Every client `next` finds is found by `previous` too (typing on: "smi" after "sm"). */
function narrows(previous: ClientQuery, next: ClientQuery): boolean {
  if (!next.needle.includes(previous.needle)) return false
  return next.phone === null || (previous.phone !== null && next.phone.includes(previous.phone))
}

/** By name, then id so that paging is stable. */
export function compareClientEntries(a: ClientEntry, b: ClientEntry): number {
  return collator.compare(a.row.name, b.row.name) || compareIds(a.row.uuid, b.row.uuid)
}

/** What a search found, to narrow down as the user types on. */
export interface ClientMatches {
  sorted: readonly ClientEntry[]
  search: string
  found: readonly ClientEntry[]
}

/**
 * The clients matching `search`, in the order of `sorted` (already sorted by compareClientEntries). When
 * `previous` searched the same list for less (the user typed on), only what it found is looked at again.
 */
export function searchClients(sorted: readonly ClientEntry[], search: string, previous?: ClientMatches | null): ClientMatches {
  const query = clientQuery(search)
  if (query === null) return { sorted, search, found: sorted }
  const before = previous?.sorted === sorted ? clientQuery(previous.search) : null
  const pool = previous && before !== null && narrows(before, query) ? previous.found : sorted
  return { sorted, search, found: pool.filter(testOf(query)) }
}

/** A client as the quick switcher shows it. */
export function clientResult({ row }: ClientEntry): QuickSearchResult {
  return { kind: 'client', uuid: row.uuid, title: row.name, subtitle: row.email ?? row.phone, at: null }
}
