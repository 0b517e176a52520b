import { z } from 'zod'

/** An id from Plannr as it crosses IPC: bounded, printable, no surprises. */
export const Id = z.string().min(1).max(100).regex(/^[\w-]+$/, 'Not a valid id')

/** Free text typed into a search box. */
export const SearchText = z.string().max(200).default('')

/** A window onto a list sorted and filtered in main. */
export const Paging = {
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
}

/** A person as a list shows them. */
export const PersonRef = z.object({
  uuid: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  role: z.string().nullable(),
})
export type PersonRef = z.infer<typeof PersonRef>

export const TagView = z.object({ uuid: z.string(), name: z.string(), colour: z.string().nullable() })
export type TagView = z.infer<typeof TagView>

/** An amount of money in its currency's minor unit (pennies for GBP), as Plannr stores it; the UI formats it. */
export const MoneyView = z.object({ minor: z.number().int(), currency: z.string().length(3) })
export type MoneyView = z.infer<typeof MoneyView>
