import { z } from 'zod'
import { CreateContactDetailBody, CreateConversationBody, Message, UpdateContactDetailBody } from '@shared/plannr'

/*
 * What an outbox job holds, sealed in its row and parsed again with these schemas whenever it is read:
 * a job written by an older or damaged file is set aside, never sent half-understood.
 */

const Uuid = z.string().min(1)

export const SendMessageJob = z.object({
  kind: z.literal('message.send'),
  conversationUuid: Uuid,
  /** The optimistic message's id until Plannr gives the real one. */
  tempUuid: Uuid,
  contents: z.string(),
  authorUuid: Uuid,
  /** The author's name, so that what is shown before Plannr answers says who wrote it. */
  authorName: z.string().optional(),
  createdAt: z.string(),
  /** The conversation's latest message before this one: what its preview goes back to if this is discarded. */
  previousLatest: Message.nullable().optional(),
})

export const EditMessageJob = z.object({
  kind: z.literal('message.edit'),
  conversationUuid: Uuid,
  messageUuid: Uuid,
  contents: z.string(),
  /** What the message said before, to roll the optimistic change back. */
  previous: z.string().nullable(),
})

export const PinJob = z.object({
  kind: z.literal('conversation.pin'),
  conversationUuid: Uuid,
  pin: z.boolean(),
  previous: z.boolean().nullable(),
})

export const CreateConversationJob = z.object({
  kind: z.literal('conversation.create'),
  tempUuid: Uuid,
  body: CreateConversationBody,
  creatorUuid: Uuid,
  creatorName: z.string().optional(),
  createdAt: z.string(),
})

export const CreateContactDetailJob = z.object({
  kind: z.literal('contact-detail.create'),
  tempUuid: Uuid,
  body: CreateContactDetailBody,
  createdAt: z.string(),
})

export const UpdateContactDetailJob = z.object({
  kind: z.literal('contact-detail.update'),
  uuid: Uuid,
  body: UpdateContactDetailBody,
  /** The stored detail before the change (per owner list), for rolling back. */
  previous: z.unknown().nullable(),
})

export const RequestReferralJob = z.object({
  kind: z.literal('referral.request'),
  tempUuid: Uuid,
  adviserKey: z.string(),
  createdAt: z.string(),
})

export const JobPayload = z.discriminatedUnion('kind', [
  SendMessageJob,
  EditMessageJob,
  PinJob,
  CreateConversationJob,
  CreateContactDetailJob,
  UpdateContactDetailJob,
  RequestReferralJob,
])
export type JobPayload = z.infer<typeof JobPayload>
export type JobKind = JobPayload['kind']
export type PayloadOf<K extends JobKind> = Extract<JobPayload, { kind: K }>

export const JOB_STATES = ['pending', 'sending', 'needs-attention', 'done', 'set-aside'] as const
export type JobState = (typeof JOB_STATES)[number]

/** The last failure, kept (sealed) with the job: a message for the user and Plannr's field errors. */
export const JobError = z.object({
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
})
export type JobError = z.infer<typeof JobError>

export interface Job {
  seq: number
  id: string
  recordKey: string
  state: JobState
  attempts: number
  nextAttemptAt: number
  /** When it was first handed to Plannr (ms): a lookup after a lost answer searches from here. */
  firstSentAt: number | null
  userUuid: string
  payload: JobPayload
  lastError: JobError | null
  /** The server record's id once delivered. */
  resultUuid: string | null
}
