/**
 * New-message notifications, batched: whatever arrives within one batch window becomes a single OS
 * notification ("3 new messages from Max Yates") that opens the right place when clicked. The sync
 * engine feeds it plain new-message events; the shell shows what it emits through the notify port.
 */
import type { MessageNotification, OpenTarget } from '@shared/models/desktop'

export interface NewMessageEvent {
  messageUuid: string
  conversationUuid: string
  conversationTitle: string
  authorName: string
  /** The message written by the signed-in user (on another device, say): never notified. */
  fromSelf: boolean
  text: string
  /** ISO 8601. */
  sentAt: string
}

/** Where clicking a notification goes: its conversation, or the list when it covers several. */
export type NotificationTarget = Extract<OpenTarget, { kind: 'conversation' | 'conversations' }>
export type { MessageNotification }

export interface BatchTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface NotificationBatcherOptions {
  notify: (notification: MessageNotification) => void
  /** Asked when a batch is due: false while the window has focus or notifications are turned off. */
  shouldNotify: () => boolean
  /** Show the latest message's text; off, the body names only the conversation (lock screens are public). */
  preview: boolean
  windowMs?: number
  timers?: BatchTimers
}

export const BATCH_WINDOW_MS = 4_000
const PREVIEW_CHARS = 140
/** Message ids remembered to drop repeats (a page synced twice). */
const SEEN_LIMIT = 2_000

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function names(authors: readonly string[]): string {
  if (authors.length <= 2) return authors.join(' and ')
  return `${authors[0]}, ${authors[1]} and ${plural(authors.length - 2, 'other', 'others')}`
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS - 1)}…` : flat
}

/** One notification for a batch of messages (none when the batch is empty). */
export function composeNotification(batch: readonly NewMessageEvent[], preview: boolean): MessageNotification | undefined {
  if (batch.length === 0) return undefined
  const latest = [...batch].sort((a, b) => a.sentAt.localeCompare(b.sentAt)).at(-1) ?? batch[batch.length - 1]!
  const authors = [...new Set(batch.map((m) => m.authorName))]
  const conversations = [...new Set(batch.map((m) => m.conversationUuid))]
  const count = batch.length
  const single = conversations.length === 1
  const target: NotificationTarget = single ? { kind: 'conversation', uuid: latest.conversationUuid } : { kind: 'conversations' }
  const where = single ? latest.conversationTitle : `${conversations.length} conversations`

  if (count === 1) {
    return { title: latest.authorName, body: preview ? shorten(latest.text) : `New message in ${where}`, target, count }
  }
  const title = authors.length === 1 ? `${count} new messages from ${authors[0]}` : `${count} new messages in ${where}`
  const context = authors.length === 1 ? `In ${where}` : `From ${names(authors)}`
  return { title, body: preview ? `${context}: ${shorten(latest.text)}` : context, target, count }
}

export class NotificationBatcher {
  private pending: NewMessageEvent[] = []
  private timer: unknown
  private readonly seen = new Set<string>()
  private readonly timers: BatchTimers

  constructor(private readonly options: NotificationBatcherOptions) {
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) }
  }

  /** New messages from sync. The first of a batch starts its window; the rest join it. */
  add(events: readonly NewMessageEvent[]): void {
    for (const event of events) {
      if (event.fromSelf || this.seen.has(event.messageUuid)) continue
      this.remember(event.messageUuid)
      this.pending.push(event)
    }
    if (this.pending.length > 0 && this.timer === undefined) {
      this.timer = this.timers.setTimeout(() => this.flush(), this.options.windowMs ?? BATCH_WINDOW_MS)
    }
  }

  /** Ends the current window now: emits its notification unless notifications are not wanted. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer)
    this.timer = undefined
    const batch = this.pending
    this.pending = []
    if (batch.length === 0 || !this.options.shouldNotify()) return
    const notification = composeNotification(batch, this.options.preview)
    if (notification) this.options.notify(notification)
  }

  /** Drops what is waiting (the user opened the window, or signed out). */
  clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer)
    this.timer = undefined
    this.pending = []
  }

  private remember(id: string): void {
    this.seen.add(id)
    if (this.seen.size > SEEN_LIMIT) {
      const oldest = this.seen.values().next().value
      if (oldest !== undefined) this.seen.delete(oldest)
    }
  }
}
