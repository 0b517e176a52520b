import { z } from 'zod'
import { Id, Paging, SearchText } from './common'

/** A person offered by a picker (conversation participants, contact-detail owners, circle filter). */
export const AccountOption = z.object({
  uuid: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
})
export type AccountOption = z.infer<typeof AccountOption>

export const AccountSearch = z.strictObject({
  query: z.string().trim().min(1).max(200),
  /** Which accounts may be picked: a firm's employees and clients, or clients only. */
  types: z.array(z.enum(['client', 'employee'])).min(1).max(2).default(['client', 'employee']),
  limit: z.number().int().min(1).max(50).default(20),
})

export const ClientsQuery = z.strictObject({
  /** Matches name, email or phone number. */
  search: SearchText,
  /** Only this client: its row, for a card opened from elsewhere (the quick switcher). */
  uuid: Id.optional(),
  ...Paging,
})
export type ClientsQuery = z.input<typeof ClientsQuery>

export const ClientRow = z.object({
  uuid: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  /** The primary phone number as Plannr formats it. */
  phone: z.string().nullable(),
})
export type ClientRow = z.infer<typeof ClientRow>

/** What the window's own client index holds per client: the row it shows and the phone in E.164. */
export const ClientSearchRecord = z.object({ row: ClientRow, e164: z.string().nullable() })
export type ClientSearchRecord = z.infer<typeof ClientSearchRecord>

export const ClientsPage = z.object({
  rows: z.array(ClientRow),
  total: z.number().int(),
  grandTotal: z.number().int(),
  syncedAt: z.string().nullable(),
})
export type ClientsPage = z.infer<typeof ClientsPage>
