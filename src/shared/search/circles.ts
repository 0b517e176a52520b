import type { CircleRow, CircleSearchRecord } from '../models/circles'
import type { QuickSearchResult } from '../models/quick-search'
import { memberLine } from './quick'
import { collator, compareIds, fold, timeOf } from './text'

/*
 * How the circles list is filtered and ordered: search over the circle's and its members' names, member
 * and group filters, sorted by name, creation or last change. One definition for main (which answers
 * list windows) and the window (which answers keystrokes from its own index).
 */

export type CircleSort = 'name' | 'created_at' | 'updated_at'

export interface CircleQuery {
  search: string
  accountUuid: string | null
  groupUuid: string | null
  sort: CircleSort
  direction: 'asc' | 'desc'
}

/** A circle with what filtering and sorting need, folded and parsed once per change of the circle. */
export interface CircleEntry {
  row: CircleRow
  record: CircleSearchRecord
  name: string
  /** Every member's name, folded (a joint account's too: it is searched, though not listed). */
  members: string[]
  createdAt: number
  updatedAt: number
  /** Position by name among every circle (equal names share one): set by `sortCircleIndex`. */
  nameRank: number
}

export function circleEntry(record: CircleSearchRecord): CircleEntry {
  return {
    row: record.row,
    record,
    name: fold(record.row.name),
    members: record.memberNames.map(fold),
    createdAt: timeOf(record.createdAt),
    updatedAt: timeOf(record.row.updatedAt),
    nameRank: 0,
  }
}

/** By name, then id so that paging is stable. */
export function compareCircleEntries(a: CircleEntry, b: CircleEntry): number {
  return collator.compare(a.row.name, b.row.name) || compareIds(a.row.uuid, b.row.uuid)
}

/**
 * Gives each entry of `sorted` (in compareCircleEntries order) its name rank, so that any later order
 * breaks ties by name with a number comparison rather than a collation.
 */
export function rankCircleNames(sorted: readonly CircleEntry[]): void {
  let rank = 0
  sorted.forEach((entry, i) => {
    const previous = sorted[i - 1]
    if (previous !== undefined && collator.compare(previous.row.name, entry.row.name) !== 0) rank = i
    entry.nameRank = rank
  })
}

/** Sorts by name and ranks the names: the index every query starts from. */
export function sortCircleIndex(entries: CircleEntry[]): CircleEntry[] {
  entries.sort(compareCircleEntries)
  rankCircleNames(entries)
  return entries
}

function matches(entry: CircleEntry, needle: string): boolean {
  return entry.name.includes(needle) || entry.members.some((member) => member.includes(needle))
}

/**
 * The circles passing the filters and the search, in the query's order; `index` comes from
 * sortCircleIndex. Ties fall back to name then id, so paging is stable.
 */
export function queryCircles(index: readonly CircleEntry[], query: CircleQuery): CircleEntry[] {
  const needle = fold(query.search.trim())
  const { accountUuid, groupUuid } = query
  const found = index.filter(
    (entry) =>
      (accountUuid === null || entry.record.accountUuids.includes(accountUuid)) &&
      (groupUuid === null || entry.record.groupUuids.includes(groupUuid)) &&
      (needle === '' || matches(entry, needle)),
  )
  const sign = query.direction === 'desc' ? -1 : 1
  // The index is in name order already; a descending name order keeps ids ascending among equal names.
  if (query.sort === 'name') return sign === 1 ? found : found.sort((a, b) => b.nameRank - a.nameRank || compareIds(a.row.uuid, b.row.uuid))
  const field = query.sort === 'created_at' ? 'createdAt' : 'updatedAt'
  return found.sort((a, b) => sign * (a[field] - b[field] || 0) || a.nameRank - b.nameRank || compareIds(a.row.uuid, b.row.uuid))
}

/** A circle as the quick switcher shows it: the subtitle names the members. */
export function circleResult({ row, record }: CircleEntry): QuickSearchResult {
  return { kind: 'circle', uuid: row.uuid, title: row.name, subtitle: memberLine(record.memberNames), at: row.updatedAt ?? record.createdAt }
}
