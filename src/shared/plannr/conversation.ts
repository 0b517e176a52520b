import { z } from 'zod'
import { Money, PlannrId, Tag, Timestamp, optionalText, relation, relationList } from './common'
import { Account } from './account'

export const Case = z.looseObject({
  uuid: PlannrId,
  name: optionalText,
  slug: optionalText,
  review_at: Timestamp.nullish(),
  completed_at: Timestamp.nullish(),
  value: relation(Money),
})
export type Case = z.infer<typeof Case>

export const MessageUser = z.looseObject({
  uuid: PlannrId,
  name: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  photo_url: optionalText,
})

export const Message = z.looseObject({
  uuid: PlannrId,
  created_at: Timestamp,
  updated_at: Timestamp.nullish(),
  deleted_at: Timestamp.nullish(),
  contents: z.string().nullish(),
  edited: z.boolean().nullish(),
  author: relation(Account),
  user: relation(MessageUser),
})
export type Message = z.infer<typeof Message>

/** A conversation (secure messaging thread). Optional relations appear only when included. */
export const Conversation = z.looseObject({
  uuid: PlannrId,
  name: z.string(),
  slug: optionalText,
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  belongs_to_case: z.boolean().nullish(),
  case: relation(Case),
  participants_count: z.number().int().nullish(),
  participants: relationList(Account),
  latest_message: relation(Message),
  messages_count: z.number().int().nullish(),
  files_count: z.number().int().nullish(),
  tags: relationList(Tag),
  pinned: z.boolean().nullish(),
  is_admin: z.boolean().nullish(),
})
export type Conversation = z.infer<typeof Conversation>

export const CONVERSATION_INCLUDES = [
  'participants',
  'participants_count',
  'latest_message',
  'messages_count',
  'files_count',
  'case',
  'tags',
] as const
export const CONVERSATION_SORTS = ['created_at', 'updated_at', 'latest_message', 'pinned_conversations'] as const
export const ARCHIVED_FILTERS = ['with', 'only', 'false'] as const
