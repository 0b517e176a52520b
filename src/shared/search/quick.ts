import type { QuickRecord, QuickSearchResult } from '../models/quick-search'
import { collator, compareIds, fold, foldedMatchRank } from './text'

/*
 * The quick switcher's ranking (Ctrl/Cmd+K), one definition for main and the window: each kind ranks its
 * names (0 starts with the search, 1 a word does, 2 contains it), best first and then by name; the kinds'
 * hits are merged the same way, and the best few kept.
 */

/** Results shown when the caller does not say. */
export const QUICK_SEARCH_LIMIT = 12

/** How many member names a circle's result lists before "and N more". */
const SUBTITLE_NAMES = 3

export interface RankedResult {
  rank: number
  result: QuickSearchResult
}

/** A result candidate with its title folded once. */
export interface QuickEntry {
  record: QuickRecord
  folded: string
}

export function quickEntry(record: QuickRecord): QuickEntry {
  return { record, folded: fold(record.title) }
}

/** By title, then id: the order each kind's candidates are kept in. */
export function compareQuickEntries(a: QuickEntry, b: QuickEntry): number {
  return collator.compare(a.record.title, b.record.title) || compareIds(a.record.uuid, b.record.uuid)
}

/**
 * The best `limit` of `entries` (in name order) for a folded `needle`, best match first and then in that
 * order (the sort is stable).
 */
export function rankByName<E>(entries: readonly E[], folded: (entry: E) => string, needle: string, limit: number): Array<{ rank: number; entry: E }> {
  const hits: Array<{ rank: number; entry: E }> = []
  for (const entry of entries) {
    const rank = foldedMatchRank(folded(entry), needle)
    if (rank !== null) hits.push({ rank, entry })
  }
  return hits.sort((a, b) => a.rank - b.rank).slice(0, limit)
}

/** Every kind's hits together, best match first, then by title; the first `limit`. */
export function mergeRanked(lists: ReadonlyArray<readonly RankedResult[]>, limit: number): QuickSearchResult[] {
  return lists
    .flat()
    .sort((a, b) => a.rank - b.rank || collator.compare(a.result.title, b.result.title))
    .slice(0, limit)
    .map((entry) => entry.result)
}

/** "Jane Smith, Tom Smith and 2 more", or null for a circle without members. */
export function memberLine(names: readonly string[]): string | null {
  if (names.length === 0) return null
  const shown = names.slice(0, SUBTITLE_NAMES).join(', ')
  return names.length > SUBTITLE_NAMES ? `${shown} and ${names.length - SUBTITLE_NAMES} more` : shown
}
