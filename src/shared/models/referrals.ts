import { z } from 'zod'
import { OutboxMark } from './outbox'
import { REFERRAL_DIRECTIONS, REFERRAL_STATUSES } from '../plannr/referral-connection'

export const ReferralsQuery = z.strictObject({
  status: z.enum([...REFERRAL_STATUSES, 'all']).default('all'),
  direction: z.enum([...REFERRAL_DIRECTIONS, 'all']).default('all'),
})
export type ReferralsQuery = z.input<typeof ReferralsQuery>

export const ReferralRow = z.object({
  uuid: z.string(),
  /** 'sent' or 'received' (relative to the signed-in firm); kept open for values Plannr may add. */
  direction: z.string(),
  /** 'pending', 'accepted', 'denied' or 'expired'; a pending one past its expiry reads as 'expired'. */
  status: z.string(),
  /** The firm on the other side of the connection. */
  otherFirm: z.string().nullable(),
  /** Their adviser. */
  otherAdviser: z.string().nullable(),
  createdAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** Present while this row holds a write not yet on Plannr. */
  outbox: OutboxMark.optional(),
})
export type ReferralRow = z.infer<typeof ReferralRow>

export const ReferralCounts = z.object({
  all: z.number().int(),
  sent: z.number().int(),
  received: z.number().int(),
  pending: z.number().int(),
  accepted: z.number().int(),
  denied: z.number().int(),
  expired: z.number().int(),
})
export type ReferralCounts = z.infer<typeof ReferralCounts>

export const ReferralsPage = z.object({
  rows: z.array(ReferralRow),
  /** Counts across every connection, for the filter labels. */
  counts: ReferralCounts,
  syncedAt: z.string().nullable(),
})
export type ReferralsPage = z.infer<typeof ReferralsPage>
