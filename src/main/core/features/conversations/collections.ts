import type { Conversation } from '@shared/plannr'
import type { EventBus } from '../../events'
import type { CoreLog } from '../../log'
import { listConversations } from '../../plannr'
import { SyncedCollection } from '../common/synced-collection'
import type { SessionService } from '../session'
import { DEFAULT_FILTER, filterKey, listParams, type ListFilter } from './requests'

/** Besides the default list, how many other filter combinations stay cached (least recently used go). */
export const MAX_FILTERED_LISTS = 8

export interface ConversationCollectionsOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  maxAgeMs?: number
  now?: () => number
}

interface Entry {
  filter: ListFilter
  list: SyncedCollection<Conversation>
}

/**
 * The firm's conversations, one SyncedCollection per server-side filter (archived state × circle).
 * Plannr's conversation resource says neither whether the viewer archived it nor which circles it
 * touches, so those filters cannot be applied to a cached copy: each combination is its own fetch.
 * The default list (not archived, any circle) is what the window opens on and always stays; the others
 * are kept while recently used.
 */
export class ConversationCollections {
  private readonly entries = new Map<string, Entry>()
  private pendingAnnouncement: string | null = null

  constructor(private readonly options: ConversationCollectionsOptions) {}

  /** The collection for a filter, created on first use. */
  for(filter: ListFilter): SyncedCollection<Conversation> {
    const key = filterKey(filter)
    const existing = this.entries.get(key)
    if (existing) {
      // Map order is insertion order: re-inserting marks it most recently used.
      this.entries.delete(key)
      this.entries.set(key, existing)
      return existing.list
    }
    const list = new SyncedCollection<Conversation>({
      name: `conversations (${key})`,
      session: this.options.session,
      log: this.options.log,
      maxAgeMs: this.options.maxAgeMs,
      now: this.options.now,
      fetchAll: (client) => listConversations(client, listParams(filter)),
      changed: (syncedAt) => this.announce(syncedAt),
    })
    this.entries.set(key, { filter: { ...filter }, list })
    this.evictBeyondLimit()
    return list
  }

  default(): SyncedCollection<Conversation> {
    return this.for(DEFAULT_FILTER)
  }

  /** Applies one of our own changes to every cached list at once (lists never fetched are skipped). */
  patchAll(change: (items: Conversation[]) => Conversation[]): void {
    for (const { list } of this.entries.values()) list.patch(change)
  }

  /**
   * A conversation we just created: it is not archived, so it joins the unfiltered lists at once.
   * Whether it touches a circle depends on its participants, which only Plannr works out, so
   * circle-filtered lists are forgotten and fetched again when next shown.
   */
  addCreated(conversation: Conversation): void {
    for (const [key, { filter, list }] of [...this.entries]) {
      if (filter.circleUuid !== null) {
        this.entries.delete(key)
        void list.close()
      } else if (filter.archived !== 'only') {
        list.patch((items) => [conversation, ...items.filter((item) => item.uuid !== conversation.uuid)])
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.entries.values()].map(({ list }) => list.close()))
    this.entries.clear()
  }

  /** One patch touches every cached list: the windows need to hear about it once, not once per list. */
  private announce(syncedAt: string): void {
    const first = this.pendingAnnouncement === null
    this.pendingAnnouncement = syncedAt
    if (!first) return
    queueMicrotask(() => {
      const latest = this.pendingAnnouncement
      this.pendingAnnouncement = null
      this.options.events.emit('conversations.changed', { syncedAt: latest })
    })
  }

  private evictBeyondLimit(): void {
    const defaultKey = filterKey(DEFAULT_FILTER)
    const filtered = [...this.entries.keys()].filter((key) => key !== defaultKey)
    for (const key of filtered.slice(0, Math.max(filtered.length - MAX_FILTERED_LISTS, 0))) {
      const entry = this.entries.get(key)
      this.entries.delete(key)
      void entry?.list.close()
    }
  }
}
