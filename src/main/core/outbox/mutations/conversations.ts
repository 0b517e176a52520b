import type { Conversation } from '@shared/plannr'
import { createConversation, listConversations, pinConversation } from '../../plannr'
import { LIST_INCLUDES, mapValidationFields } from '../../features/conversations/requests'
import { createdSince, sameFields, type Mutation } from '../mutation'
import { conversationsOf, messagesOf, newestOf, patchConversation } from './messages'

export const pinMutation: Mutation<'conversation.pin'> = {
  kind: 'conversation.pin',
  recordKey: (payload) => `conversation:${payload.conversationUuid}`,
  apply(store, payload) {
    patchConversation(store, payload.conversationUuid, (item) => ({ ...item, pinned: payload.pin }))
  },
  async send(client, payload) {
    await pinConversation(client, payload.conversationUuid, payload.pin)
    return { uuid: null, record: null }
  },
  reconcile(store, payload) {
    // Plannr answers a pin with nothing: the change is the truth now, also where a sync that ran while it was
    // on its way put back what Plannr had before.
    patchConversation(store, payload.conversationUuid, (item) => ({ ...item, pinned: payload.pin }))
    return null
  },
  rollback(store, payload) {
    patchConversation(store, payload.conversationUuid, (item) => ({ ...item, pinned: payload.previous ?? !payload.pin }))
  },
  fields: sameFields,
}

export const createConversationMutation: Mutation<'conversation.create'> = {
  kind: 'conversation.create',
  recordKey: (payload) => `conversation:${payload.tempUuid}`,
  apply(store, payload, actor) {
    const optimistic: Conversation = {
      uuid: payload.tempUuid,
      name: payload.body.name,
      created_at: payload.createdAt,
      updated_at: payload.createdAt,
      participants_count: (payload.body.participants?.length ?? 0) + 1,
      messages_count: 0,
      pinned: false,
      is_admin: true,
      participants: [{ uuid: actor.accountUuid, ...(payload.creatorName ? { name: payload.creatorName } : {}) }],
    }
    conversationsOf(store).upsertPage([optimistic])
  },
  async send(client, payload) {
    const conversation = await createConversation(client, payload.body)
    return { uuid: conversation.uuid, record: conversation }
  },
  async find(client, payload, since, claimed) {
    const all = await listConversations(client, { include: LIST_INCLUDES })
    const found = all.find(
      (conversation) =>
        !claimed.has(conversation.uuid) &&
        conversation.name === payload.body.name &&
        createdSince(conversation.created_at, since) &&
        (conversation.participants === undefined || conversation.participants.some((participant) => participant.uuid === client.accountUuid)),
    )
    return found ? { uuid: found.uuid, record: found } : null
  },
  reconcile(store, payload, delivered) {
    const conversation = delivered.record as Conversation
    const list = conversationsOf(store)
    list.remove([payload.tempUuid])
    list.upsertPage([conversation])
    // Messages written to it before it existed move to its real thread.
    const early = messagesOf(store, payload.tempUuid)
    const moved = [...early.all()]
    if (moved.length > 0) {
      messagesOf(store, conversation.uuid).upsertPage(moved)
      early.remove(moved.map((message) => message.uuid))
      // Plannr's new conversation has none of them yet; the list row keeps showing them until they are sent.
      const newest = newestOf(moved)
      list.update(conversation.uuid, (item) => ({
        ...item,
        latest_message: item.latest_message ?? newest,
        messages_count: Math.max(item.messages_count ?? 0, moved.length),
      }))
    }
    return { from: payload.tempUuid, to: conversation.uuid }
  },
  rollback(store, payload) {
    conversationsOf(store).remove([payload.tempUuid])
  },
  fields: mapValidationFields,
}
