/**
 * /api/v1/conversation (singular, as Plannr names it): list, show, create (seed 001), rename, pin.
 * Pinning and archiving are per account; `pinned` and `is_admin` appear when participants are included.
 */
import { CONVERSATION_INCLUDES, CONVERSATION_SORTS } from '../spec'
import type { ConversationRecord } from '../data/world'
import { slugify } from '../data/text'
import { conversationResource } from '../present'
import { checkFilters, filterList, filterText, paginate, parseIncludes, parseSort, sortItems, type SortKey } from '../query'
import { ok, type Route, type RouteContext } from '../router'
import { Validator, messages, objectBody } from '../validation'
import { visibleConversation } from './conversation-access'

const FILTERS = ['uuid', 'archived', 'circle_uuids', 'name'] as const
const ALL_INCLUDES = new Set<string>(CONVERSATION_INCLUDES)

function latestAt(conversation: ConversationRecord): number {
  return conversation.messages[conversation.messages.length - 1]?.createdAt ?? conversation.createdAt
}

function listConversations(context: RouteContext) {
  const { world, actor, query, now } = context
  checkFilters(query, FILTERS)
  const includes = parseIncludes(query, CONVERSATION_INCLUDES)
  const sort: SortKey[] = parseSort(query, CONVERSATION_SORTS, 'latest_message')
  if (!sort.some((k) => k.field === 'latest_message')) sort.push({ field: 'latest_message', descending: false })

  let conversations = (world.conversationsByFirm.get(actor.firmUuid) ?? []).filter((c) => c.participantUuids.includes(actor.uuid))
  // with | only | false (the default); 'true' reads as only.
  const archived = filterText(query, 'archived')
  if (archived === 'only' || archived === 'true') conversations = conversations.filter((c) => c.archivedBy.has(actor.uuid))
  else if (archived !== 'with') conversations = conversations.filter((c) => !c.archivedBy.has(actor.uuid))
  const uuids = filterList(query, 'uuid')
  if (uuids) conversations = conversations.filter((c) => uuids.includes(c.uuid))
  const circleUuids = filterList(query, 'circle_uuids')
  if (circleUuids) {
    const members = new Set(circleUuids.flatMap((uuid) => world.circles.get(uuid)?.accountUuids ?? []))
    conversations = conversations.filter((c) => c.participantUuids.some((p) => members.has(p)))
  }
  const name = filterText(query, 'name')?.toLowerCase()
  if (name) conversations = conversations.filter((c) => c.name.toLowerCase().includes(name))

  const sorted = sortItems(conversations, sort, {
    created_at: (c) => c.createdAt,
    updated_at: (c) => c.updatedAt,
    // Plannr's `latest_message` sort means newest activity first.
    latest_message: (c) => -latestAt(c),
    pinned_conversations: (c) => (c.pinnedBy.has(actor.uuid) ? 0 : 1),
  })
  const viewer = { world, actor, now }
  return ok(paginate(sorted, { path: context.url, query }, 15, (c) => conversationResource(viewer, c, includes)))
}

function createConversation(context: RouteContext) {
  const { world, actor, now } = context
  const body = objectBody(context.body)
  const v = new Validator()
  const name = v.requiredString(body, 'name', 255)
  let caseUuid: string | null = null
  if (body.case !== undefined && body.case !== null) {
    const record = typeof body.case === 'string' ? world.cases.get(body.case) : undefined
    if (typeof body.case !== 'string') v.add('case', messages.string('case'))
    else if (!record || record.firmUuid !== actor.firmUuid) v.add('case', messages.invalid('case'))
    else caseUuid = record.uuid
  }
  const participants = v.stringArray(body, 'participants', false) ?? []
  participants.forEach((uuid, index) => {
    const account = world.accounts.get(uuid)
    if (!account || account.firmUuid !== actor.firmUuid) v.add(`participants.${index}`, messages.invalid(`participants.${index}`))
  })
  v.check()

  const conversation: ConversationRecord = {
    uuid: context.newUuid(), firmUuid: actor.firmUuid, name: name as string, slug: slugify(name as string), caseUuid, tagUuids: [],
    participantUuids: [...new Set([actor.uuid, ...participants])], adminUuids: new Set([actor.uuid]),
    pinnedBy: new Set(), archivedBy: new Set(), messages: [], createdAt: now, updatedAt: now,
  }
  world.addConversation(conversation)
  return ok(conversationResource({ world, actor, now }, conversation, ALL_INCLUDES))
}

function renameConversation(context: RouteContext) {
  const conversation = visibleConversation(context, context.params.uuid)
  const v = new Validator()
  const name = v.requiredString(objectBody(context.body), 'name', 255)
  v.check()
  conversation.name = name as string
  conversation.slug = slugify(name as string)
  conversation.updatedAt = context.now
  return ok(conversationResource(context, conversation, ALL_INCLUDES))
}

/** Laravel's `boolean` rule accepts these. */
function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === '1' || value === 'true') return true
  if (value === false || value === 0 || value === '0' || value === 'false') return false
  return undefined
}

function pinConversation(context: RouteContext) {
  const conversation = visibleConversation(context, context.params.uuid)
  const body = objectBody(context.body)
  const v = new Validator()
  const pin = asBoolean(body.pin)
  if (body.pin === undefined || body.pin === null) v.add('pin', messages.required('pin'))
  else if (pin === undefined) v.add('pin', messages.boolean('pin'))
  v.check()
  if (pin) conversation.pinnedBy.add(context.actor.uuid)
  else conversation.pinnedBy.delete(context.actor.uuid)
  return ok(conversationResource(context, conversation, ALL_INCLUDES))
}

export const conversationRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/conversation', scope: 'account', handle: listConversations },
  { method: 'POST', pattern: '/api/v1/conversation', scope: 'account', handle: createConversation },
  {
    method: 'GET',
    pattern: '/api/v1/conversation/:uuid',
    scope: 'account',
    handle: (context) => {
      const includes = parseIncludes(context.query, CONVERSATION_INCLUDES)
      return ok(conversationResource(context, visibleConversation(context, context.params.uuid), includes))
    },
  },
  { method: 'PUT', pattern: '/api/v1/conversation/:uuid', scope: 'account', handle: renameConversation },
  { method: 'POST', pattern: '/api/v1/conversation/:uuid/pin', scope: 'account', handle: pinConversation },
]
