/**
 * Where the notifications' new-message events come from until a sync engine reports them: the
 * conversations list, fetched again every so often, compared with the last look. A conversation whose
 * latest message is newer than before has its newest page of messages read, and the messages after the
 * last one seen become events. The first look after signing in (or switching account) only sets the
 * baseline: nothing already there is "new".
 *
 * Kept apart from the batching and the ports, so that a sync engine can replace it by calling
 * `NotificationBatcher.add` itself.
 */
import type { ConversationRow, MessageView } from '@shared/models/conversations'
import type { CoreLog } from '../log'
import type { NewMessageEvent } from './notification-batch'

export interface ConversationSource {
  /** The signed-in account's identity (changes on sign-out or account switch); null when signed out. */
  accountKey(): string | null
  /** Fetches the conversations list again. */
  refresh(): Promise<ConversationRow[]>
  /** The newest page of a conversation's messages. */
  latestMessages(conversationUuid: string): Promise<MessageView[]>
}

export interface NewMessageWatcherOptions {
  source: ConversationSource
  onNewMessages: (events: NewMessageEvent[]) => void
  log: CoreLog
  /** How often to look. */
  intervalMs: number
}

export const DEFAULT_POLL_MS = 60_000
/** Message ids remembered so that none is reported twice. */
const SEEN_LIMIT = 5_000

/** What a conversation looked like at the last look. */
interface Signature {
  at: string | null
  count: number | null
}

export class NewMessageWatcher {
  private signatures = new Map<string, Signature>()
  private readonly seenMessages = new Set<string>()
  private baselineFor: string | null = null
  /** The newest message time at the baseline: a conversation new to the list counts only what is later. */
  private baselineAt = 0
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = false

  constructor(private readonly options: NewMessageWatcherOptions) {}

  start(): void {
    this.schedule()
  }

  /** Looks now (the computer woke up, or came back online); one look at a time. */
  pollNow(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    this.running ??= this.poll().finally(() => {
      this.running = undefined
      this.schedule()
    })
    return this.running
  }

  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
  }

  private schedule(): void {
    if (this.stopped) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.pollNow(), this.options.intervalMs).unref()
  }

  private async poll(): Promise<void> {
    const { source, log } = this.options
    const key = source.accountKey()
    if (key === null) {
      this.baselineFor = null
      this.signatures.clear()
      this.seenMessages.clear()
      return
    }
    let rows: ConversationRow[]
    try {
      rows = await source.refresh()
    } catch (error) {
      log.warn('Could not look for new messages', error)
      return
    }
    // Signed out or switched while the list came in: start again next time.
    if (source.accountKey() !== key) return
    const signatureOf = (row: ConversationRow): Signature => ({ at: row.latestMessage?.at ?? null, count: row.messagesCount })
    if (this.baselineFor !== key) {
      this.baselineFor = key
      this.seenMessages.clear()
      this.signatures = new Map(rows.map((row) => [row.uuid, signatureOf(row)]))
      this.baselineAt = Math.max(0, ...rows.map((row) => (row.latestMessage ? Date.parse(row.latestMessage.at) : 0)))
      return
    }
    const events: NewMessageEvent[] = []
    for (const row of rows) {
      const now = signatureOf(row)
      const before = this.signatures.get(row.uuid)
      this.signatures.set(row.uuid, now)
      if (now.at === null) continue
      if (before ? before.at === now.at && before.count === now.count : Date.parse(now.at) <= this.baselineAt) continue
      let messages: MessageView[]
      try {
        messages = await source.latestMessages(row.uuid)
      } catch (error) {
        log.warn('Could not read new messages', error)
        continue
      }
      for (const message of this.newOnPage(messages, before, now)) {
        events.push({
          messageUuid: message.uuid,
          conversationUuid: row.uuid,
          conversationTitle: row.name,
          authorName: message.authorName,
          fromSelf: message.mine,
          text: message.contents,
          sentAt: message.at,
        })
      }
    }
    if (events.length > 0 && source.accountKey() === key) this.options.onNewMessages(events)
  }

  /**
   * Which messages of the newest page (oldest first) arrived since the last look. Timestamps have whole
   * seconds, so the count decides where it is known: the last (count now − count before) messages — and,
   * since the page is read after the list, any later than the last look that came in between (the list
   * counted fewer than the page holds). A conversation new to the list counts what is later than the baseline.
   */
  private newOnPage(page: readonly MessageView[], before: Signature | undefined, now: Signature): MessageView[] {
    const since = before?.at ? Date.parse(before.at) : this.baselineAt
    const later = (message: MessageView) => Date.parse(message.at) > since
    let fresh: readonly MessageView[]
    if (before && before.count !== null && now.count !== null) {
      const counted = page.length - Math.max(0, now.count - before.count)
      fresh = page.filter((message, index) => index >= counted || later(message))
    } else {
      fresh = page.filter(later)
    }
    const result = fresh.filter((message) => !this.seenMessages.has(message.uuid))
    for (const message of page) this.remember(message.uuid)
    return result
  }

  private remember(uuid: string): void {
    this.seenMessages.add(uuid)
    if (this.seenMessages.size > SEEN_LIMIT) {
      const oldest = this.seenMessages.values().next().value
      if (oldest !== undefined) this.seenMessages.delete(oldest)
    }
  }
}
