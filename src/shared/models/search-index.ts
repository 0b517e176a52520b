import { z } from 'zod'

/*
 * A list's search index as the window keeps it: the whole list once, then only what changed. Each answer
 * carries the feed's epoch (a new one when main starts over, e.g. another account's store) and revision;
 * the window asks with the pair it has, and gets the records changed and the ids removed since, or the
 * whole list (`full`) when main cannot tell what changed since then.
 */

/** The most records one answer carries when a window asks for a whole list in slices. */
export const INDEX_SLICE_MAX = 10_000

export const IndexSince = z.strictObject({
  epoch: z.string().min(1).max(100).nullable().default(null),
  rev: z.number().int().min(0).default(0),
  /**
   * A later slice of a whole list: the record to go on from, in the list as it was at (epoch, rev). Main
   * starts the list again from its first record when it no longer holds that one.
   */
  offset: z.number().int().min(0).max(10_000_000).default(0),
  /** At most this many records of a whole list in one answer; without it, the whole list at once. */
  limit: z.number().int().min(1).max(INDEX_SLICE_MAX).optional(),
})
export type IndexSince = z.input<typeof IndexSince>
/**
 * What a window asks for: the feed's epoch and revision it last applied (null: it has nothing yet), or
 * the slice of a whole list it is still receiving.
 */
export type IndexPosition = z.output<typeof IndexSince>

export function indexChanges<T extends z.ZodType>(record: T) {
  return z.object({
    epoch: z.string(),
    rev: z.number().int(),
    /** The records are the whole list, in its order; otherwise they changed since the revision asked for. */
    full: z.boolean(),
    records: z.array(record),
    removed: z.array(z.string()),
    /** Where `records` start in the whole list (0 unless this is a later slice of it). */
    offset: z.number().int().min(0),
    /** The offset of the whole list's next slice, asked for at this epoch and revision; null: nothing follows. */
    next: z.number().int().min(1).nullable(),
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
  offset: number
  next: number | null
  syncedAt: string | null
}
