import { z } from 'zod'
import { CIRCLE_SORTS } from '../plannr/circle'
import { Id, Paging, PersonRef, SearchText } from './common'

/** A page of the circles list: filtered, sorted and sliced in main; the renderer shows exactly these rows. */
export const CirclesQuery = z.strictObject({
  search: SearchText,
  /** Only circles this account is a member of. */
  accountUuid: Id.nullable().default(null),
  /** Only circles in this group. */
  groupUuid: Id.nullable().default(null),
  sort: z.enum(CIRCLE_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  ...Paging,
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

/** What the window's own circle index holds per circle: the row it shows and what filters and sorts it. */
export const CircleSearchRecord = z.object({
  row: CircleRow,
  /** Every member's full name (a joint account's too): the search looks at them all. */
  memberNames: z.array(z.string()),
  accountUuids: z.array(z.string()),
  groupUuids: z.array(z.string()),
  createdAt: z.string().nullable(),
})
export type CircleSearchRecord = z.infer<typeof CircleSearchRecord>

export const CirclesPage = z.object({
  rows: z.array(CircleRow),
  /** Rows matching the search and filters, across all pages. */
  total: z.number().int(),
  /** Every circle the firm has, ignoring the search. */
  grandTotal: z.number().int(),
  /** When the list was last fetched from Plannr (ISO time); null before the first fetch completes. */
  syncedAt: z.string().nullable(),
})
export type CirclesPage = z.infer<typeof CirclesPage>

/**
 * What the group filter offers: every group across the firm's circles, by name. Members are too many to
 * send whole (tens of thousands in a large firm): the member filter asks for them as it is typed in.
 */
export const CircleFilterOptions = z.object({
  groups: z.array(z.object({ uuid: z.string(), name: z.string(), circleCount: z.number().int() })),
})
export type CircleFilterOptions = z.infer<typeof CircleFilterOptions>

export const CircleDetail = z.object({
  uuid: z.string(),
  name: z.string(),
  bgColour: z.string().nullable(),
  photoUrl: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  members: z.array(PersonRef.extend({ email: z.string().nullable() })),
  groups: z.array(z.object({ uuid: z.string(), name: z.string(), participantsCount: z.number().nullable() })),
  externalReferences: z.array(z.object({ uuid: z.string(), reference: z.string(), thirdParty: z.string().nullable() })),
  /** The joint account the circle was made from, if any, with its name when known. */
  jointAccount: z.object({ uuid: z.string(), name: z.string().nullable() }).nullable(),
})
export type CircleDetail = z.infer<typeof CircleDetail>
