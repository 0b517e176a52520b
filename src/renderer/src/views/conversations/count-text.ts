import type { ArchivedFilter } from '../../lib/state/conversations.svelte'

const number = new Intl.NumberFormat('en-GB')

const NOUNS: Record<ArchivedFilter, [string, string]> = {
  false: ['conversation', 'conversations'],
  only: ['archived conversation', 'archived conversations'],
  with: ['conversation', 'conversations'],
}

/** "13 conversations", "2 archived conversations", or with a search "3 of 13 conversations match “pension”". */
export function countText(total: number, grandTotal: number, search: string, archived: ArchivedFilter): string {
  const [one, many] = NOUNS[archived]
  const term = search.trim()
  if (term === '') return `${number.format(grandTotal)} ${grandTotal === 1 ? one : many}`
  return `${number.format(total)} of ${number.format(grandTotal)} ${grandTotal === 1 ? one : many} ${total === 1 ? 'matches' : 'match'} “${term}”`
}
