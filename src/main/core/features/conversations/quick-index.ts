import type { QuickRecord } from '@shared/models/quick-search'
import type { IndexChanges, IndexPosition } from '@shared/models/search-index'
import type { Conversation } from '@shared/plannr'
import { compareQuickEntries, quickEntry, rankByName, type QuickEntry, type RankedResult } from '@shared/search/quick'
import { IndexFeed } from '../common/index-feed'
import { previewOf } from './rows'

/** A conversation as the quick switcher shows it: its case, else its latest message, and when it was last active. */
function quickRecord(conversation: Conversation): QuickRecord {
  const latest = conversation.latest_message
  return {
    uuid: conversation.uuid,
    title: conversation.name,
    subtitle: conversation.case?.name ?? (latest ? previewOf(latest.contents) || null : null),
    at: latest?.created_at ?? conversation.created_at ?? null,
  }
}

/**
 * The conversations' quick-switcher index: titles folded once per change of a conversation and kept in
 * name order, and the feed the window's own copy follows.
 */
export class ConversationQuickIndex {
  private entries = new WeakMap<Conversation, QuickEntry>()
  private built: { items: readonly Conversation[]; index: QuickEntry[] } | null = null
  private readonly feed = new IndexFeed<QuickEntry, QuickRecord>(
    (entry) => entry.record.uuid,
    (entry) => entry.record,
  )

  private of(items: readonly Conversation[]): QuickEntry[] {
    if (this.built?.items !== items) this.built = { items, index: items.map((item) => this.entryOf(item)).sort(compareQuickEntries) }
    return this.built.index
  }

  private entryOf(conversation: Conversation): QuickEntry {
    let entry = this.entries.get(conversation)
    if (!entry) this.entries.set(conversation, (entry = quickEntry(quickRecord(conversation))))
    return entry
  }

  /** Best match first, then by title; `needle` is folded already. */
  rank(items: readonly Conversation[], needle: string, limit: number): RankedResult[] {
    return rankByName(this.of(items), (entry) => entry.folded, needle, limit).map(({ rank, entry }) => ({
      rank,
      result: { kind: 'conversation', ...entry.record },
    }))
  }

  /** What the window's index needs to catch up from `since`. */
  changes(repo: { version: number; all(): readonly Conversation[] }, since: IndexPosition, syncedAt: string | null): IndexChanges<QuickRecord> {
    this.feed.follow(repo, repo.version, this.of(repo.all()))
    return this.feed.since(since, syncedAt)
  }
}
