import { ARCHIVED_FILTERS, Conversation } from '@shared/plannr'
import { storedRecordCodec } from '../../sync/codec'
import type { ResourceSpec } from '../../sync'
import { filterKey, LIST_INCLUDES, listParams, type ListFilter } from './requests'

const PREFIX = 'conversations|'

/**
 * One stored list per server-side filter (archived state × circle): Plannr's conversation says neither
 * whether the viewer archived it nor which circles it touches, so a filter cannot be applied to a stored
 * copy. The kind names the filter with ids only.
 */
export function conversationsSpec(filter: ListFilter): ResourceSpec<Conversation> {
  const params = listParams(filter)
  return {
    kind: `${PREFIX}${filterKey(filter)}`,
    label: 'conversations',
    path: '/api/v1/conversation',
    item: Conversation,
    query: {
      include: LIST_INCLUDES,
      'filter[archived]': params.archived,
      'filter[circle_uuids]': params.circleUuids,
    },
    codec: storedRecordCodec<Conversation>(),
  }
}

/** The filter a stored kind was made for, or null for a kind that is not a conversations list. */
export function filterOfKind(kind: string): ListFilter | null {
  if (!kind.startsWith(PREFIX)) return null
  const [archived, circle] = kind.slice(PREFIX.length).split('|')
  const state = ARCHIVED_FILTERS.find((candidate) => candidate === archived)
  if (state === undefined) return null
  return { archived: state, circleUuid: circle ? circle : null }
}

/** A thread's messages, as last read: kept so the thread can be read offline. */
export function messagesKind(conversationUuid: string): string {
  return `messages|${conversationUuid}`
}
