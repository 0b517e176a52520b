import type { ContactDetail, Conversation, Message } from '@shared/plannr'
import { messagesKind } from '../features/conversations/resource'
import type { AccountStore } from '../store'
import type { JobKind, JobPayload, PayloadOf } from './jobs'
import { valueText } from './mutations/contact-details'
import { messagesOf } from './mutations/messages'

/**
 * A write not yet on Plannr, laid over Plannr's copy of a record: when a sync (or a fresh read) brings a
 * record that an unsent write changes — a message edited offline, a pin, a contact detail changed — what
 * is stored and shown is Plannr's record with that change on top, as `apply` made it, until the write is
 * delivered. Creates need none: their records are the optimistic ones themselves, kept until delivered.
 */
interface Overlay<K extends JobKind> {
  /** The stored kinds (by prefix) whose records this kind of write changes. */
  prefixes: readonly string[]
  /** The record with the write's change, or the record itself when the write does not touch it. */
  lay(record: unknown, kind: string, payload: PayloadOf<K>, store: AccountStore): unknown
}

const CONVERSATIONS = 'conversations|'
const MESSAGES = 'messages|'
const CONTACT_DETAILS = 'contact-details|'

const sendOverlay: Overlay<'message.send'> = {
  prefixes: [CONVERSATIONS],
  lay(record, _kind, payload, store) {
    const conversation = record as Conversation
    if (conversation.uuid !== payload.conversationUuid) return record
    // The thread's optimistic message, as `apply` wrote it, becomes the conversation's preview again.
    const optimistic = messagesOf(store, payload.conversationUuid).get(payload.tempUuid)
    if (!optimistic) return record
    return { ...conversation, latest_message: optimistic, messages_count: (conversation.messages_count ?? 0) + 1 }
  },
}

const editOverlay: Overlay<'message.edit'> = {
  prefixes: [CONVERSATIONS, MESSAGES],
  lay(record, kind, payload) {
    const change = (message: Message): Message => ({ ...message, contents: payload.contents, edited: true })
    if (kind.startsWith(MESSAGES)) {
      const message = record as Message
      return kind === messagesKind(payload.conversationUuid) && message.uuid === payload.messageUuid ? change(message) : record
    }
    const conversation = record as Conversation
    if (conversation.uuid !== payload.conversationUuid || conversation.latest_message?.uuid !== payload.messageUuid) return record
    return { ...conversation, latest_message: change(conversation.latest_message) }
  },
}

const pinOverlay: Overlay<'conversation.pin'> = {
  prefixes: [CONVERSATIONS],
  lay(record, _kind, payload) {
    const conversation = record as Conversation
    return conversation.uuid === payload.conversationUuid ? { ...conversation, pinned: payload.pin } : record
  },
}

const detailOverlay: Overlay<'contact-detail.update'> = {
  prefixes: [CONTACT_DETAILS],
  lay(record, kind, payload) {
    const detail = record as ContactDetail
    if (detail.uuid !== payload.uuid || !payload.body.account_uuids.some((owner) => kind === `${CONTACT_DETAILS}${owner}`)) return record
    return { ...detail, name: payload.body.name, value: valueText(payload.body.value) }
  },
}

const OVERLAYS: { [K in JobKind]?: Overlay<K> } = {
  'message.send': sendOverlay,
  'message.edit': editOverlay,
  'conversation.pin': pinOverlay,
  'contact-detail.update': detailOverlay,
}

/** The kinds of write whose changes may show on records of this stored kind (none for most kinds). */
export function jobKindsOver(kind: string): JobKind[] {
  return (Object.keys(OVERLAYS) as JobKind[]).filter((jobKind) => OVERLAYS[jobKind]?.prefixes.some((prefix) => kind.startsWith(prefix)))
}

/** Lays the writes, oldest first, over each record. */
export function overlay<T>(store: AccountStore, kind: string, records: readonly T[], payloads: readonly JobPayload[]): T[] {
  return records.map((record) =>
    payloads.reduce<T>((current, payload) => {
      const entry = OVERLAYS[payload.kind] as Overlay<JobKind> | undefined
      return entry ? (entry.lay(current, kind, payload, store) as T) : current
    }, record),
  )
}
