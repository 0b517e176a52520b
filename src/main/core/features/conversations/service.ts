import type { CaseOption, ConversationDetail, ConversationRow, ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import type { ParsedInput } from '@shared/contract'
import type { Conversation, Message } from '@shared/plannr'
import { AppError } from '@shared/result'
import type { EventBus } from '../../events'
import type { CoreLog } from '../../log'
import {
  createConversation,
  editMessage,
  getConversation,
  listMessages,
  pinConversation,
  sendMessage,
  PlannrError,
} from '../../plannr'
import { collator, compareIds, matchRank } from '../common/text-search'
import type { RankedResult } from '../feature'
import type { SessionService } from '../session'
import { ConversationCollections } from './collections'
import { pageOfConversations } from './query'
import { createConversationBody, LIST_INCLUDES, mapValidationFields, MESSAGES_PER_PAGE } from './requests'
import { previewOf, toConversationDetail, toConversationRow, toMessageView } from './rows'

export interface ConversationsServiceOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  maxAgeMs?: number
  now?: () => number
}

/**
 * Conversations and their messages. Lists are fetched whole per filter and searched, ordered and paged
 * here; our own writes (pin, create, send, edit) are applied to the cached lists at once, so the window
 * never waits for a refetch to see what the user just did.
 */
export class ConversationsService {
  private readonly collections: ConversationCollections

  constructor(private readonly options: ConversationsServiceOptions) {
    this.collections = new ConversationCollections(options)
  }

  async list(query: ParsedInput<'conversations.list'>): Promise<ConversationsPage> {
    const { items, syncedAt } = await this.collections.for({ archived: query.archived, circleUuid: query.circleUuid }).get()
    return pageOfConversations(items, query, syncedAt)
  }

  /** Fetches the unfiltered list again now; the windows hear of it as of any refresh. */
  async refresh(): Promise<ConversationRow[]> {
    const { items } = await this.collections.default().reload()
    return items.map(toConversationRow)
  }

  async get(uuid: string): Promise<ConversationDetail> {
    const conversation = await getConversation(this.options.session.requireClient(), uuid, LIST_INCLUDES)
    return toConversationDetail(conversation)
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
    this.collections.addCreated(created)
    return toConversationRow(created)
  }

  async pin(uuid: string, pin: boolean): Promise<ConversationRow> {
    const client = this.options.session.requireClient()
    await pinConversation(client, uuid, pin)
    let pinned: Conversation | undefined
    this.collections.patchAll((items) =>
      items.map((item) => (item.uuid === uuid ? (pinned = { ...item, pinned: pin }) : item)),
    )
    // Not in any cached list (e.g. opened from a link): ask Plannr for it.
    return toConversationRow(pinned ?? (await getConversation(client, uuid, LIST_INCLUDES)))
  }

  async messages(conversationUuid: string, page: number): Promise<MessagesPage> {
    const client = this.options.session.requireClient()
    const result = await listMessages(client, conversationUuid, { page, perPage: MESSAGES_PER_PAGE, direction: 'desc' })
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
    this.collections.patchAll((items) =>
      items.map((item) =>
        item.uuid === conversationUuid
          ? { ...item, latest_message: message, messages_count: (item.messages_count ?? 0) + 1 }
          : item,
      ),
    )
    this.options.events.emit('messages.changed', { conversationUuid })
    return toMessageView(message, client.accountUuid)
  }

  async edit(conversationUuid: string, messageUuid: string, contents: string): Promise<MessageView> {
    const client = this.options.session.requireClient()
    const message: Message = await editMessage(client, conversationUuid, messageUuid, { contents })
    this.collections.patchAll((items) =>
      items.map((item) =>
        item.uuid === conversationUuid && item.latest_message?.uuid === messageUuid ? { ...item, latest_message: message } : item,
      ),
    )
    this.options.events.emit('messages.changed', { conversationUuid })
    return toMessageView(message, client.accountUuid)
  }

  /**
   * The cases the app has seen on the firm's conversations, for the new-conversation form: those of
   * conversations with any of `people` when given, else all; each once, by name.
   */
  async knownCases(people: ReadonlySet<string> | null): Promise<CaseOption[]> {
    const { items } = await this.collections.default().get()
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
    let items: Conversation[]
    try {
      items = (await this.collections.default().get()).items
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

  close(): Promise<void> {
    return this.collections.close()
  }
}
