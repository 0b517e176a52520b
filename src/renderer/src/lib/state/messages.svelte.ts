import type { ConversationDetail, MessageView } from '@shared/models/conversations'
import type { IpcError, Result } from '@shared/result'
import type { Client } from '../api'
import { Latest } from './latest'

/**
 * Messages in time order, one copy each (the incoming copy wins: it may be an edit). Plannr's times are
 * to the second, so messages can tie: new ones go before (`earlier`, an older page) or after (`later`,
 * newer ones) what is shown, and the stable sort keeps that order among ties.
 */
export function mergeMessages(
  current: readonly MessageView[],
  incoming: readonly MessageView[],
  side: 'earlier' | 'later' = 'later',
): MessageView[] {
  const updated = current.map((message) => incoming.find((candidate) => candidate.uuid === message.uuid) ?? message)
  const added = incoming.filter((candidate) => !current.some((message) => message.uuid === candidate.uuid))
  const combined = side === 'earlier' ? [...added, ...updated] : [...updated, ...added]
  return combined.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
}

/**
 * One open conversation: its details, its messages (oldest first, newest at the bottom), the pages
 * loaded so far going back in time, and sending and editing. Opening another conversation drops every
 * answer still on its way for the previous one.
 */
export class ThreadState {
  conversationUuid = $state<string | null>(null)
  conversation = $state.raw<ConversationDetail | null>(null)
  messages = $state.raw<MessageView[]>([])
  /** The oldest page loaded (1 is the newest). */
  page = $state(0)
  hasEarlier = $state(false)
  loading = $state(false)
  error = $state<IpcError | null>(null)
  loadingEarlier = $state(false)
  earlierError = $state<IpcError | null>(null)
  sending = $state(false)
  sendError = $state<IpcError | null>(null)
  /** The message being edited inline, if any. */
  editingUuid = $state<string | null>(null)
  saving = $state(false)
  editError = $state<IpcError | null>(null)

  readonly #client: Client
  readonly #latest = new Latest()
  #changedWhileOpening = false

  constructor(client: Client) {
    this.#client = client
  }

  /** Re-reads the newest page when main says this conversation's messages changed. */
  start(): () => void {
    const unsubscribe = this.#client.onEvent('messages.changed', ({ conversationUuid }) => {
      if (conversationUuid !== this.conversationUuid) return
      // While the thread opens, its first answer may predate the change: read again once it is in.
      if (this.loading) this.#changedWhileOpening = true
      else void this.#refreshNewest()
    })
    return () => {
      unsubscribe()
      this.#latest.cancel()
    }
  }

  async open(uuid: string | null): Promise<void> {
    const current = this.#latest.begin()
    this.conversationUuid = uuid
    this.conversation = null
    this.messages = []
    this.page = 0
    this.hasEarlier = false
    this.error = null
    this.earlierError = null
    this.sendError = null
    this.editingUuid = null
    this.editError = null
    this.loadingEarlier = false
    if (uuid === null) {
      this.loading = false
      return
    }
    this.loading = true
    this.#changedWhileOpening = false
    const [detail, first] = await Promise.all([
      this.#client.api.conversations.get({ uuid }),
      this.#client.api.messages.list({ conversationUuid: uuid, page: 1 }),
    ])
    if (!current()) return
    this.loading = false
    if (detail.ok) this.conversation = detail.value
    if (!first.ok) {
      this.error = first.error
      return
    }
    this.messages = first.value.messages
    this.page = 1
    this.hasEarlier = first.value.hasEarlier
    if (this.#changedWhileOpening) void this.#refreshNewest()
  }

  retry(): Promise<void> {
    return this.open(this.conversationUuid)
  }

  async loadEarlier(): Promise<void> {
    const uuid = this.conversationUuid
    if (uuid === null || this.loading || this.loadingEarlier || !this.hasEarlier) return
    const current = this.#latest.follow()
    this.loadingEarlier = true
    this.earlierError = null
    const result = await this.#client.api.messages.list({ conversationUuid: uuid, page: this.page + 1 })
    if (!current()) return
    this.loadingEarlier = false
    if (!result.ok) {
      this.earlierError = result.error
      return
    }
    this.messages = mergeMessages(this.messages, result.value.messages, 'earlier')
    this.page = result.value.page
    this.hasEarlier = result.value.hasEarlier
  }

  /** Sends a message; on failure the caller keeps the text and shows `sendError`. */
  async send(contents: string): Promise<Result<MessageView>> {
    const uuid = this.conversationUuid
    if (uuid === null) return { ok: false, error: { code: 'invalid_input', message: 'Open a conversation first.' } }
    const current = this.#latest.follow()
    this.sending = true
    this.sendError = null
    const result = await this.#client.api.messages.send({ conversationUuid: uuid, contents })
    if (!current()) return result
    this.sending = false
    if (result.ok) this.messages = mergeMessages(this.messages, [result.value])
    else this.sendError = result.error
    return result
  }

  startEditing(uuid: string): void {
    this.editingUuid = uuid
    this.editError = null
  }

  cancelEditing(): void {
    this.editingUuid = null
    this.editError = null
  }

  async saveEdit(contents: string): Promise<Result<MessageView> | null> {
    const conversationUuid = this.conversationUuid
    const messageUuid = this.editingUuid
    if (conversationUuid === null || messageUuid === null || this.saving) return null
    const current = this.#latest.follow()
    this.saving = true
    this.editError = null
    const result = await this.#client.api.messages.edit({ conversationUuid, messageUuid, contents })
    if (!current()) return result
    this.saving = false
    if (!result.ok) {
      this.editError = result.error
      return result
    }
    this.messages = mergeMessages(this.messages, [result.value])
    this.editingUuid = null
    return result
  }

  async #refreshNewest(): Promise<void> {
    const uuid = this.conversationUuid
    if (uuid === null) return
    const current = this.#latest.follow()
    const result = await this.#client.api.messages.list({ conversationUuid: uuid, page: 1 })
    if (!current() || !result.ok) return
    const incoming = result.value.messages
    // The newest page holds every message still unsent: one shown as unsent that is not in it has been sent
    // since, and is in it under Plannr's id. With only that page loaded it replaces what is shown; with older
    // pages too, the old copies go (among the page's times only: an older message marked for an edit is not
    // on this page).
    if (this.page <= 1) {
      this.messages = incoming
      return
    }
    const from = Math.min(...incoming.map((message) => Date.parse(message.at)))
    const gone = (message: MessageView) => message.outbox !== undefined && Date.parse(message.at) >= from && !incoming.some((candidate) => candidate.uuid === message.uuid)
    this.messages = mergeMessages(
      this.messages.filter((message) => !gone(message)),
      incoming,
    )
  }
}
