import { z } from 'zod'
import { QUICK_SEARCH_LIMIT } from '../search/quick'

export const QuickSearchQuery = z.strictObject({
  query: z.string().trim().min(1).max(200),
  limit: z.number().int().min(1).max(50).default(QUICK_SEARCH_LIMIT),
})

export const QuickSearchResult = z.object({
  kind: z.enum(['circle', 'client', 'conversation']),
  uuid: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** When it was last active (latest message, last change): tells apart results with the same name. */
  at: z.string().nullable(),
})
export type QuickSearchResult = z.infer<typeof QuickSearchResult>

/** A conversation as the window's quick-switcher index holds it: what its result shows. */
export const QuickRecord = QuickSearchResult.omit({ kind: true })
export type QuickRecord = z.infer<typeof QuickRecord>
