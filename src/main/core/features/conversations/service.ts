import type { CaseOption, ConversationDetail, ConversationRow, ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import type { ParsedInput } from '@shared/contract'
import type { Conversation, Message } from '@shared/plannr'
import { AppError } from '@shared/result'
import {
  createConversation,
  editMessage,
  getConversation,
  listMessages,
  pinConversation,
  sendMessage,
  PlannrError,
} from '../../plannr'
import { storedRecordCodec } from '../../sync/codec'
import { collator, compareIds, matchRank } from '../common/text-search'
import type { ResourceSync } from '../../sync'
import type { FeatureDeps, RankedResult } from '../feature'
import { conversationsSpec, filterOfKind, messagesKind } from './resource'
import { pageOfConversations } from './query'
import { createConversationBody, DEFAULT_FILTER, filterKey, LIST_INCLUDES, mapValidationFields, MESSAGES_PER_PAGE, type ListFilter } from './requests'
import { previewOf, toConversationDetail, toConversationRow, toMessageView } from './rows'

/**
 * Conversations and their messages. Lists are answered from the store (one stored list per server-side
 * filter) and searched, ordered and paged here; our own writes (pin, create, send, edit) are applied to
 * the stored lists at once, so the window never waits for a sync to see what the user just did.
 */
export class ConversationsService {
  private pendingAnnouncement: string | null | undefined = undefined

  constructor(private readonly options: FeatureDeps) {}

  private resource(filter: ListFilter): Promise<ResourceSync<Conversation>> {
    return this.options.sync.resource(conversationsSpec(filter), (syncedAt) => this.announce(syncedAt))
  }

  /** Every stored list of this account (the default one always), for applying our own changes. */
  private async storedLists(): Promise<ResourceSync<Conversation>[]> {
    const store = await this.options.sync.store()
    const filters = new Map<string, ListFilter>([[filterKey(DEFAULT_FILTER), DEFAULT_FILTER]])
    for (const { kind } of store.syncStates()) {
      const filter = filterOfKind(kind)
      if (filter) filters.set(filterKey(filter), filter)
    }
    return Promise.all([...filters.values()].map((filter) => this.resource(filter)))
  }

  /** Applies one of our own changes to every stored list holding the conversation, then tells the windows once. */
  private async patch(uuid: string, change: (conversation: Conversation) => Conversation): Promise<Conversation | undefined> {
    let changed: Conversation | undefined
    for (const list of await this.storedLists()) changed = list.repo.update(uuid, change) ?? changed
    if (changed) this.announce(new Date().toISOString())
    return changed
  }

  async list(query: ParsedInput<'conversations.list'>): Promise<ConversationsPage> {
    const sync = await this.resource({ archived: query.archived, circleUuid: query.circleUuid })
    await sync.ready()
    return pageOfConversations(sync.repo.all(), query, sync.syncedAt())
  }

  /** What changed since the last sync, fetched now; the windows hear of it as of any refresh. */
  async refresh(): Promise<ConversationRow[]> {
    const sync = await this.resource(DEFAULT_FILTER)
    await sync.refreshNow()
    return sync.repo.all().map(toConversationRow)
  }

  /** Fresh from Plannr; when Plannr cannot be reached, the stored copy. */
  async get(uuid: string): Promise<ConversationDetail> {
    try {
      return toConversationDetail(await getConversation(this.options.session.requireClient(), uuid, LIST_INCLUDES))
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'network')) throw error
      for (const list of await this.storedLists()) {
        const stored = list.repo.get(uuid)
        if (stored) return toConversationDetail(stored)
      }
      throw error
    }
  }

  async create(input: ParsedInput<'conversations.create'>): Promise<ConversationRow> {
    const client = this.options.session.requireClient()
    let created: Conversation
    try {
      created = await createConversation(client, createConversationBody(input))
    } catch (error) {
      if (error instanceof PlannrError && error.code === 'validation' && error.fields) {
        throw new AppError('validation', error.message, { fields: mapValidationFields(error.fields) })
      }
      throw error
    }
    // Not archived, so it joins the unfiltered lists at once. Whether it touches a circle only Plannr
    // works out: circle-filtered lists pick it up at their next sync.
    for (const list of await this.storedLists()) {
      const filter = filterOfKind(list.spec.kind)
      if (filter && filter.circleUuid === null && filter.archived !== 'only') list.repo.upsertPage([created])
    }
    this.announce(new Date().toISOString())
    return toConversationRow(created)
  }

  async pin(uuid: string, pin: boolean): Promise<ConversationRow> {
    const client = this.options.session.requireClient()
    await pinConversation(client, uuid, pin)
    const pinned = await this.patch(uuid, (item) => ({ ...item, pinned: pin }))
    // Not in any stored list (e.g. opened from a link): ask Plannr for it.
    return toConversationRow(pinned ?? (await getConversation(client, uuid, LIST_INCLUDES)))
  }

  /** A thread's messages read before are kept, so it can be read again when Plannr is out of reach. */
  private async storedMessages(conversationUuid: string) {
    const store = await this.options.sync.store()
    return store.repository(messagesKind(conversationUuid), storedRecordCodec<Message>())
  }

  async messages(conversationUuid: string, page: number): Promise<MessagesPage> {
    const client = this.options.session.requireClient()
    let result: Awaited<ReturnType<typeof listMessages>>
    try {
      result = await listMessages(client, conversationUuid, { page, perPage: MESSAGES_PER_PAGE, direction: 'desc' })
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'network')) throw error
      const stored = await this.storedMessages(conversationUuid)
      if (stored.size === 0) throw error
      // Newest first, as Plannr pages them, from what was read before.
      const { rows, total } = stored.query({
        key: 'newest',
        sort: (a, b) => compareIds(b.created_at, a.created_at) || compareIds(a.uuid, b.uuid),
        offset: (page - 1) * MESSAGES_PER_PAGE,
        limit: MESSAGES_PER_PAGE,
      })
      return {
        messages: [...rows].reverse().map((message) => toMessageView(message, client.accountUuid)),
        page,
        hasEarlier: page * MESSAGES_PER_PAGE < total,
        total,
      }
    }
    await this.storedMessages(conversationUuid)
      .then((stored) => stored.upsertPage(result.data))
      .catch((error: unknown) => this.options.log.warn('Could not keep a thread’s messages', error))
    const meta = result.meta
    return {
      // Plannr pages newest first; a thread reads oldest first, newest at the bottom.
      messages: [...result.data].reverse().map((message) => toMessageView(message, client.accountUuid)),
      page,
      hasEarlier: meta ? meta.current_page < meta.last_page : result.data.length >= MESSAGES_PER_PAGE,
      total: meta?.total ?? null,
    }
  }

  async send(conversationUuid: string, contents: string): Promise<MessageView> {
    const client = this.options.session.requireClient()
    const message = await sendMessage(client, conversationUuid, { contents })
    await this.patch(conversationUuid, (item) => ({ ...item, latest_message: message, messages_count: (item.messages_count ?? 0) + 1 }))
    ;(await this.storedMessages(conversationUuid)).upsertPage([message])
    this.options.events.emit('messages.changed', { conversationUuid })
    return toMessageView(message, client.accountUuid)
  }

  async edit(conversationUuid: string, messageUuid: string, contents: string): Promise<MessageView> {
    const client = this.options.session.requireClient()
    const message: Message = await editMessage(client, conversationUuid, messageUuid, { contents })
    await this.patch(conversationUuid, (item) => (item.latest_message?.uuid === messageUuid ? { ...item, latest_message: message } : item))
    ;(await this.storedMessages(conversationUuid)).upsertPage([message])
    this.options.events.emit('messages.changed', { conversationUuid })
    return toMessageView(message, client.accountUuid)
  }

  /**
   * The cases the app has seen on the firm's conversations, for the new-conversation form: those of
   * conversations with any of `people` when given, else all; each once, by name.
   */
  async knownCases(people: ReadonlySet<string> | null): Promise<CaseOption[]> {
    const sync = await this.resource(DEFAULT_FILTER)
    await sync.ready()
    const items = sync.repo.all()
    const cases = new Map<string, CaseOption>()
    for (const conversation of items) {
      const row = toConversationRow(conversation)
      if (!row.case || cases.has(row.case.uuid)) continue
      if (people && !(conversation.participants ?? []).some((participant) => people.has(participant.uuid))) continue
      cases.set(row.case.uuid, row.case)
    }
    return [...cases.values()].sort((a, b) => collator.compare(a.name ?? '', b.name ?? '') || compareIds(a.uuid, b.uuid))
  }

  /** Conversations by name for the quick switcher; a failure to load them must not hide other hits. */
  async quickSearch(needle: string, limit: number): Promise<RankedResult[]> {
    let items: readonly Conversation[]
    try {
      const sync = await this.resource(DEFAULT_FILTER)
      await sync.ready()
      items = sync.repo.all()
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_signed_in')) this.options.log.warn('Conversations left out of quick search', error)
      return []
    }
    const hits: RankedResult[] = []
    for (const conversation of items) {
      const rank = matchRank(conversation.name, needle)
      if (rank === null) continue
      const latest = conversation.latest_message
      hits.push({
        rank,
        result: {
          kind: 'conversation',
          uuid: conversation.uuid,
          title: conversation.name,
          subtitle: conversation.case?.name ?? (latest ? previewOf(latest.contents) || null : null),
          at: latest?.created_at ?? conversation.created_at ?? null,
        },
      })
    }
    hits.sort((a, b) => a.rank - b.rank)
    return hits.slice(0, limit)
  }

  async close(): Promise<void> {}

  /** Several stored lists may change at once (a pin touches each): the windows hear about it once. */
  private announce(syncedAt: string | null): void {
    const first = this.pendingAnnouncement === undefined
    this.pendingAnnouncement = syncedAt
    if (!first) return
    queueMicrotask(() => {
      const latest = this.pendingAnnouncement ?? null
      this.pendingAnnouncement = undefined
      this.options.events.emit('conversations.changed', { syncedAt: latest })
    })
  }
}
