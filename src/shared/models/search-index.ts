import { z } from 'zod'

/*
 * A list's search index as the window keeps it: the whole list once, then only what changed. Each answer
 * carries the feed's epoch (a new one when main starts over, e.g. another account's store) and revision;
 * the window asks with the pair it has, and gets the records changed and the ids removed since, or the
 * whole list (`full`) when main cannot tell what changed since then.
 */

export const IndexSince = z.strictObject({
  epoch: z.string().min(1).max(100).nullable().default(null),
  rev: z.number().int().min(0).default(0),
})
export type IndexSince = z.input<typeof IndexSince>
/** Where a window's index is: the feed's epoch and revision it last applied (null: it has nothing yet). */
export type IndexPosition = z.output<typeof IndexSince>

export function indexChanges<T extends z.ZodType>(record: T) {
  return z.object({
    epoch: z.string(),
    rev: z.number().int(),
    /** The records are the whole list, in its order; otherwise they changed since the revision asked for. */
    full: z.boolean(),
    records: z.array(record),
    removed: z.array(z.string()),
    /** When the list was last fetched from Plannr (ISO time); null before the first fetch completes. */
    syncedAt: z.string().nullable(),
  })
}

export interface IndexChanges<R> {
  epoch: string
  rev: number
  full: boolean
  records: R[]
  removed: string[]
  syncedAt: string | null
}
