import type { ParsedInput } from '@shared/contract'
import type { ConversationsPage } from '@shared/models/conversations'
import type { Conversation } from '@shared/plannr'
import { collator, compareIds, fold, timeOf } from '../common/text-search'
import { toConversationRow } from './rows'

export type ConversationsListQuery = ParsedInput<'conversations.list'>

/** When the conversation last saw activity: its latest message, else when it was created. */
export function activityTime(conversation: Conversation): number {
  return timeOf(conversation.latest_message?.created_at ?? conversation.created_at)
}

/** Pinned first, then newest activity first; ties by name then uuid so paging never repeats a row. */
export function compareConversations(a: Conversation, b: Conversation): number {
  const pinned = Number(b.pinned ?? false) - Number(a.pinned ?? false)
  if (pinned !== 0) return pinned
  const at = activityTime(b) - activityTime(a)
  if (at !== 0 && !Number.isNaN(at)) return at
  return collator.compare(a.name, b.name) || compareIds(a.uuid, b.uuid)
}

export function matchesName(conversation: Conversation, needle: string): boolean {
  return needle === '' || fold(conversation.name).includes(needle)
}

/** Search by name, order, and slice the cached list for the window. */
export function pageOfConversations(
  conversations: readonly Conversation[],
  query: Pick<ConversationsListQuery, 'search' | 'offset' | 'limit'>,
  syncedAt: string | null,
): ConversationsPage {
  const needle = fold(query.search.trim())
  const found = conversations.filter((conversation) => matchesName(conversation, needle))
  found.sort(compareConversations)
  return {
    rows: found.slice(query.offset, query.offset + query.limit).map(toConversationRow),
    total: found.length,
    grandTotal: conversations.length,
    syncedAt,
  }
}
