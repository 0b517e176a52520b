import {
  Conversation,
  CreateConversationBody,
  PinBody,
  type ARCHIVED_FILTERS,
  type CONVERSATION_INCLUDES,
  type CONVERSATION_SORTS,
} from '@shared/plannr'
import type { PlannrClient } from './client'
import { Ignored, checkedBody, resource } from './envelope'
import { segment, sortParam, type SortDirection } from './query'

export type ConversationInclude = (typeof CONVERSATION_INCLUDES)[number]
export type ConversationSort = (typeof CONVERSATION_SORTS)[number]
export type ArchivedFilter = (typeof ARCHIVED_FILTERS)[number]

/** PUT /api/v1/conversation/{uuid} takes only the title. */
const UpdateConversationBody = CreateConversationBody.pick({ name: true })
export type UpdateConversationBody = { name: string }

export interface ConversationListParams {
  uuids?: readonly string[]
  /** Plannr's default is 'false' (not archived). */
  archived?: ArchivedFilter
  circleUuids?: readonly string[]
  include?: readonly ConversationInclude[]
  sort?: ConversationSort
  direction?: SortDirection
}

/** GET /api/v1/conversation — every matching conversation, all pages. */
export function listConversations(client: PlannrClient, params: ConversationListParams = {}): Promise<Conversation[]> {
  return client.getAll('/api/v1/conversation', Conversation, {
    'filter[uuid]': params.uuids,
    'filter[archived]': params.archived,
    'filter[circle_uuids]': params.circleUuids,
    include: params.include,
    sort: sortParam(params.sort, params.direction),
  })
}

/** GET /api/v1/conversation/{uuid} */
export function getConversation(client: PlannrClient, uuid: string, include?: readonly ConversationInclude[]): Promise<Conversation> {
  return client.get(`/api/v1/conversation/${segment(uuid)}`, resource(Conversation), { include })
}

/** POST /api/v1/conversation — body `{ name, case?, participants? }`. */
export async function createConversation(client: PlannrClient, body: CreateConversationBody): Promise<Conversation> {
  return client.send('POST', '/api/v1/conversation', resource(Conversation), checkedBody(CreateConversationBody, body, 'a new conversation'))
}

/** PUT /api/v1/conversation/{uuid} — renames it. */
export async function updateConversation(client: PlannrClient, uuid: string, body: UpdateConversationBody): Promise<Conversation> {
  return client.send(
    'PUT',
    `/api/v1/conversation/${segment(uuid)}`,
    resource(Conversation),
    checkedBody(UpdateConversationBody, body, 'a conversation title'),
  )
}

/** POST /api/v1/conversation/{uuid}/pin — pins or unpins it for the current account. */
export async function pinConversation(client: PlannrClient, uuid: string, pin: boolean): Promise<void> {
  await client.send('POST', `/api/v1/conversation/${segment(uuid)}/pin`, Ignored, checkedBody(PinBody, { pin }, 'a pin change'))
}
