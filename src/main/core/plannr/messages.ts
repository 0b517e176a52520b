import { Message, MessageBody } from '@shared/plannr'
import type { PlannrClient } from './client'
import { checkedBody, pageOf, resource, type Page } from './envelope'
import { segment, type SortDirection } from './query'

/** PUT …/messages/{uuid} takes only the new contents. */
const EditMessageBody = MessageBody.pick({ contents: true })
export type EditMessageBody = { contents: string }

export interface MessageListParams {
  page?: number
  /** Plannr's default is 30; max 500. */
  perPage?: number
  /** By creation time; Plannr's default is newest first. */
  direction?: SortDirection
}

function messagesPath(conversationUuid: string): string {
  return `/api/v1/conversation/${segment(conversationUuid)}/messages`
}

/** GET /api/v1/conversation/{uuid}/messages — one page (threads can be long; callers page as they scroll). */
export function listMessages(client: PlannrClient, conversationUuid: string, params: MessageListParams = {}): Promise<Page<Message>> {
  return client.get(messagesPath(conversationUuid), pageOf(Message), {
    page: params.page,
    per_page: params.perPage,
    sort: params.direction === undefined ? undefined : params.direction === 'desc' ? '-created_at' : 'created_at',
  })
}

/** POST /api/v1/conversation/{uuid}/messages — body `{ contents, files? }`. */
export async function sendMessage(client: PlannrClient, conversationUuid: string, body: MessageBody): Promise<Message> {
  return client.send('POST', messagesPath(conversationUuid), resource(Message), checkedBody(MessageBody, body, 'a message'))
}

/** PUT /api/v1/conversation/{uuid}/messages/{messageUuid} — body `{ contents }`. */
export async function editMessage(client: PlannrClient, conversationUuid: string, messageUuid: string, body: EditMessageBody): Promise<Message> {
  return client.send(
    'PUT',
    `${messagesPath(conversationUuid)}/${segment(messageUuid)}`,
    resource(Message),
    checkedBody(EditMessageBody, body, 'a message edit'),
  )
}
