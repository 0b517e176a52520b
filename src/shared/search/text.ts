/** Sorting and searching text the way a UK reader expects: accents ignored, numbers in order. */
export const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** Lower case without accents, so "zoe" finds "Zoë". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB')
}

/** Milliseconds since the epoch, or -Infinity for a missing or unreadable time (sorts first ascending). */
export function timeOf(value: string | null | undefined): number {
  const parsed = value ? Date.parse(value) : Number.NaN
  return Number.isNaN(parsed) ? Number.NEGATIVE_INFINITY : parsed
}

/** A stable tie-break so that paging through a sorted list never shows a row twice. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * How well `text` matches a folded search `needle`, for ranking quick-switcher results:
 * 0 = starts with it, 1 = a word starts with it, 2 = contains it, null = no match.
 */
export function matchRank(text: string, needle: string): 0 | 1 | 2 | null {
  return foldedMatchRank(fold(text), needle)
}

/** matchRank for text folded already (an index folds each name once, not once per keystroke). */
export function foldedMatchRank(haystack: string, needle: string): 0 | 1 | 2 | null {
  if (needle === '') return null
  let best: 1 | 2 | null = null
  // Every occurrence counts: "al" in "Patel & Alan" starts the word "Alan" even though "Patel" holds it first.
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (at === 0) return 0
    if (/[\s\-'&(]/.test(haystack.charAt(at - 1))) return 1
    best = 2
  }
  return best
}
