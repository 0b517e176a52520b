import type { ConversationDetail, MessageView } from '@shared/models/conversations'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'
import { FormState } from '../form-state.svelte'
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

/** The message box and the inline editor: Plannr's messages about the text come keyed `contents`. */
export type MessageField = 'contents'

function messageForm(): FormState<MessageField> {
  return new FormState<MessageField>({ fields: ['contents'] })
}

/**
 * One open conversation: its details, its messages (oldest first, newest at the bottom), the pages
 * loaded so far going back in time, and sending and editing. Opening another conversation drops every
 * answer still on its way for the previous one. Its loading / error / loaded follow every other list
 * (lib/list-status); sending and editing are forms like every other (lib/form-state).
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
  /** The open conversation's first page has arrived (since it was opened, or since it failed). */
  loaded = $state(false)
  loadingEarlier = $state(false)
  earlierError = $state<IpcError | null>(null)
  /**
   * The message box's submit cycle. A new one for each conversation opened: a send still on its way for the
   * previous one settles on that one's form, not on this one's.
   */
  sendForm = $state.raw(messageForm())
  /** The message being edited inline, if any. */
  editingUuid = $state<string | null>(null)
  /** The inline editor's submit cycle, new for each message edited. */
  editForm = $state.raw(messageForm())

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
    // "Try again" on the same conversation keeps its error up (busy) until the answer replaces it.
    const again = uuid !== null && uuid === this.conversationUuid && this.error !== null
    this.conversationUuid = uuid
    this.conversation = null
    this.messages = []
    this.page = 0
    this.hasEarlier = false
    if (!again) this.error = null
    this.loaded = false
    this.earlierError = null
    this.sendForm = messageForm()
    this.editingUuid = null
    this.editForm = messageForm()
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
    this.error = null
    this.loaded = true
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

  /**
   * Sends a message through the message box's form: Plannr's message (or the outbox's, offline), or null
   * with the problem in `sendForm` — at the text, or for the whole form — and the text left to the caller.
   */
  async send(contents: string): Promise<MessageView | null> {
    const conversationUuid = this.conversationUuid
    if (conversationUuid === null) return null
    const current = this.#latest.follow()
    const sent = await this.sendForm.submit(() => this.#client.api.messages.send({ conversationUuid, contents }))
    if (sent && current()) this.messages = mergeMessages(this.messages, [sent])
    return sent
  }

  startEditing(uuid: string): void {
    this.editingUuid = uuid
    this.editForm = messageForm()
  }

  cancelEditing(): void {
    this.editingUuid = null
    this.editForm = messageForm()
  }

  /** Saves the edit through the editor's form; null (the editor stays, with the problem in `editForm`) otherwise. */
  async saveEdit(contents: string): Promise<MessageView | null> {
    const conversationUuid = this.conversationUuid
    const messageUuid = this.editingUuid
    const form = this.editForm
    if (conversationUuid === null || messageUuid === null) return null
    const current = this.#latest.follow()
    const saved = await form.submit(() => this.#client.api.messages.edit({ conversationUuid, messageUuid, contents }))
    if (!saved || !current()) return saved
    this.messages = mergeMessages(this.messages, [saved])
    if (this.editingUuid === messageUuid) this.editingUuid = null
    return saved
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
