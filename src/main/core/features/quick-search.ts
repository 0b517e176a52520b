import type { QuickSearchResult } from '@shared/models/quick-search'
import { mergeRanked } from '@shared/search/quick'
import { fold } from './common/text-search'
import type { Feature, RankedResult } from './feature'

/**
 * The quick switcher (Ctrl/Cmd+K): asks every feature that offers search, then ranks the hits together —
 * best match first, then by title — so a circle, a client and a conversation compete on equal terms.
 * One domain failing (its list could not be fetched) does not hide the others' hits; only when every
 * domain fails does the search fail, with the first domain's error.
 */
export async function quickSearch(
  features: readonly Pick<Feature<never>, 'quickSearch'>[],
  query: string,
  limit: number,
): Promise<QuickSearchResult[]> {
  const needle = fold(query.trim())
  if (needle === '') return []
  const searching = features.filter((feature) => feature.quickSearch !== undefined)
  const settled = await Promise.allSettled(searching.map((feature) => feature.quickSearch?.(needle, limit) ?? []))
  const ranked: RankedResult[][] = []
  const failures: unknown[] = []
  for (const outcome of settled) {
    if (outcome.status === 'fulfilled') ranked.push(outcome.value)
    else failures.push(outcome.reason)
  }
  if (searching.length > 0 && failures.length === searching.length) throw failures[0]
  return mergeRanked(ranked, limit)
}
