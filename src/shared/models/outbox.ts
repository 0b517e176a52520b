import { z } from 'zod'

/**
 * Where one of the user's own writes stands while it is not yet on Plannr: on its way ("Sending…"), tried
 * and waiting to be tried again ("Waiting for connection"), or refused and waiting for the user.
 */
export const OutboxMark = z.enum(['sending', 'waiting', 'needs-attention'])
export type OutboxMark = z.infer<typeof OutboxMark>

export const OUTBOX_KINDS = [
  'message.send',
  'message.edit',
  'conversation.pin',
  'conversation.create',
  'contact-detail.create',
  'contact-detail.update',
  'referral.request',
] as const

/** One unsent write, as the outbox list shows it. */
export const OutboxItem = z.object({
  id: z.string(),
  kind: z.enum(OUTBOX_KINDS),
  /** What it is, in a few words: "Message: Thanks, see you…". */
  summary: z.string(),
  mark: OutboxMark,
  /** Why the last attempt failed, in words for the user. */
  error: z.string().nullable(),
  /** Plannr's field errors, keyed by the form's field names. */
  fields: z.record(z.string(), z.array(z.string())).nullable(),
  /** Made by another user of this account: kept, not sent, until they sign in again. */
  held: z.boolean(),
  /** The text the user can change before sending it again (a message's, a title, a code), if any. */
  editable: z.object({ field: z.enum(['contents', 'name', 'adviserKey']), value: z.string() }).nullable(),
})
export type OutboxItem = z.infer<typeof OutboxItem>

export const OutboxSummary = z.object({
  count: z.number().int(),
  needsAttention: z.number().int(),
  items: z.array(OutboxItem),
})
export type OutboxSummary = z.infer<typeof OutboxSummary>

export const OutboxRetry = z.strictObject({
  id: z.string().min(1).max(100),
  /** The user's fix for the field Plannr refused. */
  fix: z.strictObject({ field: z.enum(['contents', 'name', 'adviserKey']), value: z.string().max(10_000) }).optional(),
})

/**
 * Asked before quitting or signing out with writes not yet on Plannr; null when there are none. Quitting
 * keeps them for the next start. Signing out deletes the account's Plannr data from this computer but
 * keeps these writes (encrypted) until the user who made them signs in to that account again.
 */
export function unsentWarning(count: number, leaving: 'quit' | 'sign-out'): string | null {
  if (count === 0) return null
  const what = count === 1 ? '1 change has' : `${count} changes have`
  const they = count === 1 ? 'It is' : 'They are'
  return leaving === 'quit'
    ? `${what} not reached Plannr yet. ${they} kept on this computer and sent when you next open Plannr Desktop. Quit anyway?`
    : `${what} not reached Plannr yet. Signing out removes your Plannr data from this computer, but ${count === 1 ? 'this change is' : 'these changes are'} kept (encrypted) and sent when you sign in to this account again. Sign out anyway?`
}

/** Told while writes another user made on this computer wait for them (they are never sent as you). */
export function heldWritesNotice(count: number): string | null {
  if (count === 0) return null
  const what = count === 1 ? '1 change' : `${count} changes`
  return `${what} made on this computer by another Plannr user ${count === 1 ? 'is' : 'are'} waiting for them: kept, not sent, until they sign in to this account again.`
}
