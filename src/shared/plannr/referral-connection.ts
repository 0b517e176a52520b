import { z } from 'zod'
import { PlannrId, Timestamp, relation } from './common'
import { Account } from './account'
import { Firm } from './firm'

export const REFERRAL_DIRECTIONS = ['sent', 'received'] as const
export const REFERRAL_STATUSES = ['pending', 'accepted', 'denied', 'expired'] as const

/** A firm-to-firm referral connection; `direction` is relative to the current firm. */
export const ReferralConnection = z.looseObject({
  uuid: PlannrId,
  // Kept as strings so that a status Plannr adds later does not hide the connection.
  direction: z.string(),
  status: z.string(),
  sender_firm: relation(Firm),
  recipient_firm: relation(Firm),
  sender_account: relation(Account),
  recipient_account: relation(Account),
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  expires_at: Timestamp.nullish(),
})
export type ReferralConnection = z.infer<typeof ReferralConnection>

/** An adviser's referral code: 8 letters or digits (spaces and hyphens, as codes are often written, dropped). */
export const AdviserKey = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{8}$/, 'A referral code is 8 letters or numbers, e.g. ABC12345'))

export const REFERRAL_CONNECTION_SORTS = ['created_at', 'updated_at', 'status', 'expires_at'] as const
