import type { OutboxMark } from '@shared/models/outbox'
import type { QuickRecord } from '@shared/models/quick-search'
import type { IndexChanges, IndexPosition } from '@shared/models/search-index'
import type { CaseOption, ConversationDetail, ConversationRow, ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import type { ParsedInput } from '@shared/contract'
import type { Conversation, Message } from '@shared/plannr'
import { AppError } from '@shared/result'
import { getConversation, listMessages, PlannrError } from '../../plannr'
import { createdSince } from '../../outbox'
import { writer } from '../common/outbox-writes'
import { storedRecordCodec } from '../../sync/codec'
import { collator, compareIds } from '../common/text-search'
import type { ResourceSync } from '../../sync'
import type { FeatureDeps, RankedResult } from '../feature'
import { conversationsSpec, filterOfKind, messagesKind } from './resource'
import { pageOfConversations } from './query'
import { createConversationBody, DEFAULT_FILTER, filterKey, LIST_INCLUDES, mapValidationFields, MESSAGES_PER_PAGE, type ListFilter } from './requests'
import { toConversationDetail, toConversationRow, toMessageView } from './rows'
import { ConversationQuickIndex } from './quick-index'

/**
 * Conversations and their messages. Lists are answered from the store (one stored list per server-side
 * filter) and searched, ordered and paged here; our own writes (pin, create, send, edit) are applied to
 * the stored lists at once, so the window never waits for a sync to see what the user just did.
 */
export class ConversationsService {
  private pendingAnnouncement: string | null | undefined = undefined
  private readonly quick = new ConversationQuickIndex()

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

  async list(query: ParsedInput<'conversations.list'>): Promise<ConversationsPage> {
    const sync = await this.resource({ archived: query.archived, circleUuid: query.circleUuid })
    await sync.ready()
    const page = pageOfConversations(sync.repo.all(), query, sync.syncedAt())
    const marks = (await this.options.sync.outbox()).marks()
    return marks.size === 0 ? page : { ...page, rows: page.rows.map((row) => withMark(row, marks)) }
  }

  /** What changed since the last sync, fetched now; the windows hear of it as of any refresh. */
  async refresh(): Promise<ConversationRow[]> {
    const sync = await this.resource(DEFAULT_FILTER)
    await sync.refreshNow()
    return sync.repo.all().map(toConversationRow)
  }

  /** Fresh from Plannr; when Plannr cannot be reached, the stored copy. */
  async get(uuid: string): Promise<ConversationDetail> {
    const stored = async () => {
      for (const list of await this.storedLists()) {
        const found = list.repo.get(uuid)
        if (found) return toConversationDetail(found)
      }
      return null
    }
    // Started here and not yet on Plannr, which would not know it.
    if (await this.unsentCreate(uuid)) {
      const here = await stored()
      if (here) return here
    }
    try {
      return toConversationDetail(await getConversation(this.options.session.requireClient(), uuid, LIST_INCLUDES))
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'network')) throw error
      const here = await stored()
      if (here) return here
      throw error
    }
  }

  /** Whether this is a conversation started here whose creation has not reached Plannr yet. */
  private async unsentCreate(uuid: string): Promise<boolean> {
    const outbox = await this.options.sync.outbox()
    return outbox.list().some((job) => job.payload.kind === 'conversation.create' && job.payload.tempUuid === uuid)
  }

  /** Enqueued: shown in the list at once (marked until Plannr has it), Plannr's record once it answers. */
  async create(input: ParsedInput<'conversations.create'>): Promise<ConversationRow> {
    await this.storedLists()
    const w = await writer(this.options)
    let result: Awaited<ReturnType<typeof w.outbox.submit>>
    try {
      result = await w.outbox.submit(
        {
          kind: 'conversation.create',
          tempUuid: w.tempUuid,
          body: createConversationBody(input),
          creatorUuid: w.actor.accountUuid,
          ...(w.name ? { creatorName: w.name } : {}),
          createdAt: w.now,
        },
        w.actor,
      )
    } catch (error) {
      if (error instanceof PlannrError && error.code === 'validation' && error.fields) {
        throw new AppError('validation', error.message, { fields: mapValidationFields(error.fields) })
      }
      throw error
    }
    this.announce(new Date().toISOString())
    if (result.delivered) return toConversationRow(result.delivered.record as Conversation)
    return this.marked(w.tempUuid, w.outbox.marks())
  }

  /** Enqueued; the stored lists show the change at once. */
  async pin(uuid: string, pin: boolean): Promise<ConversationRow> {
    const lists = await this.storedLists()
    const previous = lists.map((list) => list.repo.get(uuid)).find((item) => item !== undefined)
    const w = await writer(this.options)
    if (!previous) {
      // Not in any stored list (e.g. opened from a link): ask Plannr for it, so it can be shown pinned.
      const fetched = await getConversation(w.client, uuid, LIST_INCLUDES)
      const result = await w.outbox.submit({ kind: 'conversation.pin', conversationUuid: uuid, pin, previous: fetched.pinned ?? null }, w.actor)
      return { ...toConversationRow({ ...fetched, pinned: pin }), ...(result.delivered ? {} : { outbox: 'sending' as const }) }
    }
    const result = await w.outbox.submit({ kind: 'conversation.pin', conversationUuid: uuid, pin, previous: previous.pinned ?? null }, w.actor)
    this.announce(new Date().toISOString())
    if (result.delivered) return toConversationRow(lists.map((list) => list.repo.get(uuid)).find((item) => item !== undefined) ?? { ...previous, pinned: pin })
    return this.marked(uuid, w.outbox.marks())
  }

  /** A stored conversation as a row, marked when a write on it is not yet on Plannr. */
  private async marked(uuid: string, marks: Map<string, OutboxMark>): Promise<ConversationRow> {
    for (const list of await this.storedLists()) {
      const stored = list.repo.get(uuid)
      if (!stored) continue
      const mark = marks.get(uuid)
      return { ...toConversationRow(stored), ...(mark ? { outbox: mark } : {}) }
    }
    throw new AppError('not_found', 'That conversation is no longer here.')
  }

  /** A thread's messages read before are kept, so it can be read again when Plannr is out of reach. */
  private async storedMessages(conversationUuid: string) {
    const store = await this.options.sync.store()
    return store.repository(messagesKind(conversationUuid), storedRecordCodec<Message>())
  }

  async messages(conversationUuid: string, page: number): Promise<MessagesPage> {
    const client = this.options.session.requireClient()
    const outbox = await this.options.sync.outbox()
    // A conversation started here and not yet on Plannr: its thread is what was written to it here.
    if (await this.unsentCreate(conversationUuid)) return this.storedPage(conversationUuid, page, client.accountUuid, outbox.marks())
    let result: Awaited<ReturnType<typeof listMessages>>
    try {
      result = await listMessages(client, conversationUuid, { page, perPage: MESSAGES_PER_PAGE, direction: 'desc' })
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'network')) throw error
      const stored = await this.storedMessages(conversationUuid)
      if (stored.size === 0) throw error
      return this.storedPage(conversationUuid, page, client.accountUuid, outbox.marks())
    }
    // Plannr's page with our unsent edits on top: a fresh read never undoes a change still on its way.
    const data = outbox.overlay(messagesKind(conversationUuid), result.data)
    await this.storedMessages(conversationUuid)
      .then((stored) => stored.upsertPage(data))
      .catch((error: unknown) => this.options.log.warn('Could not keep a thread’s messages', error))
    const meta = result.meta
    const marks = outbox.marks()
    // Messages not yet on Plannr follow its newest ones, from the store — but not one this page already
    // shows: Plannr may have it while its answer is still on the way (same author and words, since sent).
    const unsent: Message[] = []
    if (page === 1 && marks.size > 0) {
      const stored = await this.storedMessages(conversationUuid)
      const shown = [...result.data]
      for (const job of outbox.list()) {
        if (job.payload.kind !== 'message.send' || job.payload.conversationUuid !== conversationUuid) continue
        const { contents } = job.payload
        const since = job.firstSentAt
        const arrived =
          since === null
            ? -1
            : shown.findIndex((message) => message.contents === contents && message.author?.uuid === client.accountUuid && createdSince(message.created_at, since))
        if (arrived >= 0) {
          shown.splice(arrived, 1)
          continue
        }
        const message = stored.get(job.payload.tempUuid)
        if (message) unsent.push(message)
      }
    }
    return {
      // Plannr pages newest first; a thread reads oldest first, newest at the bottom.
      messages: [...[...data].reverse(), ...unsent].map((message) => withMark(toMessageView(message, client.accountUuid), marks)),
      page,
      hasEarlier: meta ? meta.current_page < meta.last_page : result.data.length >= MESSAGES_PER_PAGE,
      total: meta?.total ?? null,
    }
  }

  /** A page of a thread from what was read (or written) here before, newest first as Plannr pages them. */
  private async storedPage(conversationUuid: string, page: number, accountUuid: string | undefined, marks: Map<string, OutboxMark>): Promise<MessagesPage> {
    const stored = await this.storedMessages(conversationUuid)
    const { rows, total } = stored.query({
      key: 'newest',
      sort: (a, b) => compareIds(b.created_at, a.created_at) || compareIds(a.uuid, b.uuid),
      offset: (page - 1) * MESSAGES_PER_PAGE,
      limit: MESSAGES_PER_PAGE,
    })
    return {
      messages: [...rows].reverse().map((message) => withMark(toMessageView(message, accountUuid), marks)),
      page,
      hasEarlier: page * MESSAGES_PER_PAGE < total,
      total,
    }
  }

  /** Enqueued: in the thread at once (marked until Plannr has it), Plannr's message once it answers. */
  async send(conversationUuid: string, contents: string): Promise<MessageView> {
    const lists = await this.storedLists()
    const w = await writer(this.options)
    const previousLatest = lists.map((list) => list.repo.get(conversationUuid)).find((stored) => stored !== undefined)?.latest_message ?? null
    const result = await w.outbox.submit(
      {
        kind: 'message.send',
        conversationUuid,
        tempUuid: w.tempUuid,
        contents,
        authorUuid: w.actor.accountUuid,
        ...(w.name ? { authorName: w.name } : {}),
        createdAt: w.now,
        previousLatest,
      },
      w.actor,
    )
    this.announce(new Date().toISOString())
    this.options.events.emit('messages.changed', { conversationUuid })
    if (result.delivered) return toMessageView(result.delivered.record as Message, w.client.accountUuid)
    return this.markedMessage(conversationUuid, w.tempUuid, w.client.accountUuid, w.outbox.marks())
  }

  async edit(conversationUuid: string, messageUuid: string, contents: string): Promise<MessageView> {
    await this.storedLists()
    const w = await writer(this.options)
    const previous = (await this.storedMessages(conversationUuid)).get(messageUuid)?.contents ?? null
    const result = await w.outbox.submit({ kind: 'message.edit', conversationUuid, messageUuid, contents, previous }, w.actor)
    this.announce(new Date().toISOString())
    this.options.events.emit('messages.changed', { conversationUuid })
    if (result.delivered) return toMessageView(result.delivered.record as Message, w.client.accountUuid)
    return this.markedMessage(conversationUuid, messageUuid, w.client.accountUuid, w.outbox.marks())
  }

  private async markedMessage(conversationUuid: string, uuid: string, accountUuid: string | undefined, marks: Map<string, OutboxMark>): Promise<MessageView> {
    const stored = (await this.storedMessages(conversationUuid)).get(uuid)
    if (!stored) throw new AppError('not_found', 'That message is no longer here.')
    const mark = marks.get(uuid)
    return { ...toMessageView(stored, accountUuid), ...(mark ? { outbox: mark } : {}) }
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
    return this.quick.rank(items, needle, limit)
  }

  /** The quick switcher's index of the conversations, for the window's own copy: what changed since `since`. */
  async searchIndex(since: IndexPosition): Promise<IndexChanges<QuickRecord>> {
    const sync = await this.resource(DEFAULT_FILTER)
    await sync.ready()
    return this.quick.changes(sync.repo, since, sync.syncedAt())
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

/** A row with the standing of the user's unsent write on it, if any. */
function withMark<R extends { uuid: string }>(row: R, marks: Map<string, OutboxMark>): R {
  const mark = marks.get(row.uuid)
  return mark ? { ...row, outbox: mark } : row
}
