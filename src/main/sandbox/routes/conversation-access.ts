/** Conversations are visible to their participants only; anything else reads as not found. */
import type { ConversationRecord } from '../data/world'
import { modelNotFound } from '../http-error'
import type { RouteContext } from '../router'

export function visibleConversation(context: RouteContext, uuid: string | undefined): ConversationRecord {
  const conversation = context.world.conversations.get(uuid ?? '')
  if (!conversation || conversation.firmUuid !== context.actor.firmUuid || !conversation.participantUuids.includes(context.actor.uuid)) {
    throw modelNotFound('Conversation', uuid ?? '')
  }
  return conversation
}
