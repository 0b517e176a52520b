/** /api/v1/conversation/{uuid}/messages: newest first by default, 30 a page; send; edit your own. */
import type { MessageRecord } from '../data/world'
import { FORBIDDEN, modelNotFound } from '../http-error'
import { messageResource } from '../present'
import { checkFilters, paginate, parseSort, sortItems } from '../query'
import { ok, type Route, type RouteContext } from '../router'
import { Validator, messages, objectBody } from '../validation'
import { visibleConversation } from './conversation-access'

const MAX_CONTENTS = 10_000

function findMessage(context: RouteContext): MessageRecord {
  const conversation = visibleConversation(context, context.params.conversation)
  const message = conversation.messages.find((m) => m.uuid === context.params.uuid)
  if (!message) throw modelNotFound('Message', context.params.uuid ?? '')
  return message
}

function contents(v: Validator, body: Record<string, unknown>, required: boolean): string {
  const value = body.contents
  if (value === undefined || value === null || value === '') {
    if (required) v.add('contents', messages.required('contents'))
    return ''
  }
  if (typeof value !== 'string') {
    v.add('contents', messages.string('contents'))
    return ''
  }
  if (value.length > MAX_CONTENTS) v.add('contents', messages.maxString('contents', MAX_CONTENTS))
  return value
}

function sendMessage(context: RouteContext) {
  const conversation = visibleConversation(context, context.params.conversation)
  const body = objectBody(context.body)
  const v = new Validator()
  const files = v.stringArray(body, 'files', false) ?? []
  const text = contents(v, body, files.length === 0)
  v.check()
  const { now } = context
  const message: MessageRecord = {
    uuid: context.newUuid(), conversationUuid: conversation.uuid, authorUuid: context.actor.uuid, contents: text, edited: false,
    files: files.map((uuid) => ({ uuid, name: 'Attachment', filename: 'Attachment', extension: '', mime: 'application/octet-stream', size: 0, createdAt: now })),
    createdAt: now, updatedAt: now,
  }
  conversation.messages.push(message)
  conversation.updatedAt = now
  return ok(messageResource(context.world, message))
}

function editMessage(context: RouteContext) {
  const message = findMessage(context)
  if (message.authorUuid !== context.actor.uuid) throw FORBIDDEN()
  const v = new Validator()
  const text = contents(v, objectBody(context.body), true)
  v.check()
  message.contents = text
  message.edited = true
  message.updatedAt = context.now
  return ok(messageResource(context.world, message))
}

export const messageRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/conversation/:conversation/messages',
    scope: 'account',
    handle: (context) => {
      const conversation = visibleConversation(context, context.params.conversation)
      checkFilters(context.query, [])
      const sort = parseSort(context.query, ['created_at'], '-created_at')
      const sorted = sortItems(conversation.messages, sort, { created_at: (m) => m.createdAt })
      return ok(paginate(sorted, { path: context.url, query: context.query }, 30, (m) => messageResource(context.world, m)))
    },
  },
  { method: 'POST', pattern: '/api/v1/conversation/:conversation/messages', scope: 'account', handle: sendMessage },
  {
    method: 'GET',
    pattern: '/api/v1/conversation/:conversation/messages/:uuid',
    scope: 'account',
    handle: (context) => ok(messageResource(context.world, findMessage(context))),
  },
  { method: 'PUT', pattern: '/api/v1/conversation/:conversation/messages/:uuid', scope: 'account', handle: editMessage },
]
