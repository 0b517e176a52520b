import { z } from 'zod'
import { OutboxMark } from './outbox'
import { userText } from './text'
import { ARCHIVED_FILTERS } from '../plannr/conversation'
import { Id, MoneyView, Paging, PersonRef, SearchText, TagView } from './common'

export const ConversationsQuery = z.strictObject({
  search: SearchText,
  /** Only conversations linked to this circle. */
  circleUuid: Id.nullable().default(null),
  /** Plannr's filter[archived]: 'false' hides archived (the default), 'only' shows just them, 'with' both. */
  archived: z.enum(ARCHIVED_FILTERS).default('false'),
  ...Paging,
})
export type ConversationsQuery = z.input<typeof ConversationsQuery>

/** A case a conversation can be filed under, as the app has seen it on conversations. */
export const CaseOption = z.object({ uuid: z.string(), name: z.string().nullable(), value: MoneyView.nullable() })
export type CaseOption = z.infer<typeof CaseOption>

/** The cases to offer when starting a conversation with these people (none chosen: every case known). */
export const KnownCasesQuery = z.strictObject({
  participantUuids: z.array(Id).max(100).default([]),
})

export const ConversationRow = z.object({
  uuid: z.string(),
  name: z.string(),
  pinned: z.boolean(),
  latestMessage: z
    .object({ preview: z.string(), at: z.string(), authorName: z.string().nullable() })
    .nullable(),
  messagesCount: z.number().int().nullable(),
  participantsCount: z.number().int().nullable(),
  tags: z.array(TagView),
  /** The linked case, with its value when Plannr gives one. */
  case: CaseOption.nullable(),
  updatedAt: z.string().nullable(),
  /** Present while this row holds a write not yet on Plannr. */
  outbox: OutboxMark.optional(),
})
export type ConversationRow = z.infer<typeof ConversationRow>

/** Pinned first, then by latest message, newest first. */
export const ConversationsPage = z.object({
  rows: z.array(ConversationRow),
  total: z.number().int(),
  grandTotal: z.number().int(),
  syncedAt: z.string().nullable(),
})
export type ConversationsPage = z.infer<typeof ConversationsPage>

export const ConversationDetail = ConversationRow.extend({
  participants: z.array(PersonRef),
  isAdmin: z.boolean(),
})
export type ConversationDetail = z.infer<typeof ConversationDetail>

export const ConversationTitle = userText({ required: 'Give the conversation a title', max: 255, tooLong: 'Keep the title under 255 characters' })

export const NewConversation = z.strictObject({
  name: ConversationTitle,
  caseUuid: Id.nullable().default(null),
  participantUuids: z.array(Id).max(100).default([]),
})
export type NewConversation = z.input<typeof NewConversation>

export const MessageView = z.object({
  uuid: z.string(),
  contents: z.string(),
  authorUuid: z.string().nullable(),
  authorName: z.string(),
  /** Written by the signed-in account: may be edited. */
  mine: z.boolean(),
  at: z.string(),
  edited: z.boolean(),
  /** Present while this row holds a write not yet on Plannr. */
  outbox: OutboxMark.optional(),
})
export type MessageView = z.infer<typeof MessageView>

export const MessagesQuery = z.strictObject({
  conversationUuid: Id,
  /** 1 is the newest page; higher pages go back in time. */
  page: z.number().int().min(1).max(10_000).default(1),
})

/** One page of a conversation's messages, oldest first within the page (newest at the bottom). */
export const MessagesPage = z.object({
  messages: z.array(MessageView),
  page: z.number().int(),
  /** There are earlier messages on page + 1. */
  hasEarlier: z.boolean(),
  total: z.number().int().nullable(),
})
export type MessagesPage = z.infer<typeof MessagesPage>

export const MessageContents = userText({
  required: 'Write a message first',
  max: 10_000,
  tooLong: 'Messages are limited to 10,000 characters',
  multiline: true,
})
