import { z } from 'zod'
import { CIRCLE_SORTS } from '../plannr/circle'

/** A page of the circles list: filtered, sorted and sliced in main; the renderer shows exactly these rows. */
export const CirclesQuery = z.strictObject({
  search: z.string().max(200).default(''),
  sort: z.enum(CIRCLE_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
})
export type CirclesQuery = z.input<typeof CirclesQuery>

export const CircleRow = z.object({
  uuid: z.string(),
  name: z.string(),
  memberCount: z.number().int(),
  groupCount: z.number().int(),
  /** First names of members, for a one-line summary. */
  memberNames: z.array(z.string()),
  bgColour: z.string().nullable(),
  updatedAt: z.string().nullable(),
})
export type CircleRow = z.infer<typeof CircleRow>

export const CirclesPage = z.object({
  rows: z.array(CircleRow),
  /** Rows matching the search, across all pages. */
  total: z.number().int(),
  /** Every circle the firm has, ignoring the search. */
  grandTotal: z.number().int(),
  /** When the list was last fetched from Plannr (ISO time); null before the first fetch completes. */
  syncedAt: z.string().nullable(),
})
export type CirclesPage = z.infer<typeof CirclesPage>
