import type { Conversation, Message } from '@shared/plannr'
import { editMessage, listMessages, sendMessage } from '../../plannr'
import type { AccountStore } from '../../store'
import { storedRecordCodec } from '../../sync/codec'
import { conversationsSpec, messagesKind } from '../../features/conversations/resource'
import { DEFAULT_FILTER } from '../../features/conversations/requests'
import { createdSince, sameFields, type Mutation } from '../mutation'

export function messagesOf(store: AccountStore, conversationUuid: string) {
  return store.repository(messagesKind(conversationUuid), storedRecordCodec<Message>())
}

function at(time: string | null | undefined): number {
  const ms = time ? Date.parse(time) : NaN
  return Number.isNaN(ms) ? 0 : ms
}

/** The newest of some messages by creation time (the first of equals). */
export function newestOf(messages: readonly Message[]): Message | undefined {
  let newest: Message | undefined
  for (const message of messages) if (!newest || at(message.created_at) > at(newest.created_at)) newest = message
  return newest
}

export function conversationsOf(store: AccountStore) {
  const spec = conversationsSpec(DEFAULT_FILTER)
  return store.repository(spec.kind, spec.codec)
}

/** Every stored conversation list that has been opened, the default one always. */
function conversationLists(store: AccountStore) {
  const lists = store.repositoriesOf('conversations|') as Array<ReturnType<typeof conversationsOf>>
  const main = conversationsOf(store)
  return lists.includes(main) ? lists : [main, ...lists]
}

export function patchConversation(store: AccountStore, uuid: string, change: (conversation: Conversation) => Conversation): void {
  for (const list of conversationLists(store)) list.update(uuid, change)
}

export const sendMessageMutation: Mutation<'message.send'> = {
  kind: 'message.send',
  recordKey: (payload) => `conversation:${payload.conversationUuid}`,
  apply(store, payload, actor) {
    const optimistic: Message = {
      uuid: payload.tempUuid,
      created_at: payload.createdAt,
      updated_at: payload.createdAt,
      contents: payload.contents,
      edited: false,
      // Named, so the conversation list's preview says who wrote it before Plannr answers.
      author: { uuid: actor.accountUuid, ...(payload.authorName ? { name: payload.authorName } : {}) },
    }
    messagesOf(store, payload.conversationUuid).upsertPage([optimistic])
    patchConversation(store, payload.conversationUuid, (item) => ({ ...item, latest_message: optimistic, messages_count: (item.messages_count ?? 0) + 1 }))
  },
  async send(client, payload) {
    const message = await sendMessage(client, payload.conversationUuid, { contents: payload.contents })
    return { uuid: message.uuid, record: message }
  },
  async find(client, payload, since, claimed) {
    // The newest page is enough: the job is the oldest unsent one in its conversation.
    const page = await listMessages(client, payload.conversationUuid, { page: 1, perPage: 100, direction: 'desc' })
    const found = page.data.find(
      (message) =>
        !claimed.has(message.uuid) &&
        message.contents === payload.contents &&
        (message.author?.uuid === undefined || message.author.uuid === client.accountUuid) &&
        createdSince(message.created_at, since),
    )
    return found ? { uuid: found.uuid, record: found } : null
  },
  reconcile(store, payload, delivered) {
    const message = delivered.record as Message
    const messages = messagesOf(store, payload.conversationUuid)
    messages.remove([payload.tempUuid])
    messages.upsertPage([message])
    patchConversation(store, payload.conversationUuid, (item) => {
      const latest = item.latest_message
      if (!latest || latest.uuid === payload.tempUuid) return { ...item, latest_message: message }
      // A sync that ran while it was on its way put back what Plannr had before it: it is newer than that.
      if (latest.uuid !== message.uuid && at(latest.created_at) <= at(message.created_at)) {
        return { ...item, latest_message: message, messages_count: (item.messages_count ?? 0) + 1 }
      }
      return item
    })
    return { from: payload.tempUuid, to: message.uuid }
  },
  rollback(store, payload) {
    const messages = messagesOf(store, payload.conversationUuid)
    messages.remove([payload.tempUuid])
    // The preview goes back to what it was (or, for a job written without it, the newest message kept for the
    // thread), not to "No messages yet".
    const previous = payload.previousLatest ?? newestOf(messages.all())
    patchConversation(store, payload.conversationUuid, (item) =>
      item.latest_message?.uuid === payload.tempUuid
        ? { ...item, latest_message: previous, messages_count: Math.max(0, (item.messages_count ?? 1) - 1) }
        : item,
    )
  },
  fields: sameFields,
}

export const editMessageMutation: Mutation<'message.edit'> = {
  kind: 'message.edit',
  recordKey: (payload) => `conversation:${payload.conversationUuid}`,
  apply(store, payload) {
    const change = (message: Message): Message => ({ ...message, contents: payload.contents, edited: true })
    messagesOf(store, payload.conversationUuid).update(payload.messageUuid, change)
    patchConversation(store, payload.conversationUuid, (item) =>
      item.latest_message?.uuid === payload.messageUuid ? { ...item, latest_message: change(item.latest_message) } : item,
    )
  },
  async send(client, payload) {
    const message = await editMessage(client, payload.conversationUuid, payload.messageUuid, { contents: payload.contents })
    return { uuid: message.uuid, record: message }
  },
  reconcile(store, payload, delivered) {
    const message = delivered.record as Message
    messagesOf(store, payload.conversationUuid).upsertPage([message])
    patchConversation(store, payload.conversationUuid, (item) => (item.latest_message?.uuid === message.uuid ? { ...item, latest_message: message } : item))
    return null
  },
  rollback(store, payload) {
    const change = (message: Message): Message => ({ ...message, contents: payload.previous })
    messagesOf(store, payload.conversationUuid).update(payload.messageUuid, change)
    patchConversation(store, payload.conversationUuid, (item) =>
      item.latest_message?.uuid === payload.messageUuid ? { ...item, latest_message: change(item.latest_message) } : item,
    )
  },
  fields: sameFields,
}
