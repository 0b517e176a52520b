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
