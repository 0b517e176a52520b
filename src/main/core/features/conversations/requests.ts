import type { ParsedInput } from '@shared/contract'
import type { CreateConversationBody } from '@shared/plannr'
import type { ConversationListParams, ConversationInclude } from '../../plannr'

/** Everything the list shows; `pinned` and `is_admin` only come with `participants`. */
export const LIST_INCLUDES: readonly ConversationInclude[] = [
  'participants',
  'participants_count',
  'latest_message',
  'messages_count',
  'case',
  'tags',
]

/** Messages per page, Plannr's own default: a screenful and a bit. */
export const MESSAGES_PER_PAGE = 30

export interface ListFilter {
  archived: ParsedInput<'conversations.list'>['archived']
  circleUuid: string | null
}

export const DEFAULT_FILTER: ListFilter = { archived: 'false', circleUuid: null }

/** One cache entry per server-side filter combination. */
export function filterKey(filter: ListFilter): string {
  return `${filter.archived}|${filter.circleUuid ?? ''}`
}

export function isDefaultFilter(filter: ListFilter): boolean {
  return filterKey(filter) === filterKey(DEFAULT_FILTER)
}

/** GET /api/v1/conversation params for a filter: the default archived state is left to Plannr. */
export function listParams(filter: ListFilter): ConversationListParams {
  return {
    include: LIST_INCLUDES,
    ...(filter.archived !== 'false' ? { archived: filter.archived } : {}),
    ...(filter.circleUuid ? { circleUuids: [filter.circleUuid] } : {}),
  }
}

/** POST /api/v1/conversation body exactly as seed 001 shows it: absent optional keys are left out. */
export function createConversationBody(input: ParsedInput<'conversations.create'>): CreateConversationBody {
  return {
    name: input.name,
    ...(input.caseUuid ? { case: input.caseUuid } : {}),
    ...(input.participantUuids.length > 0 ? { participants: [...new Set(input.participantUuids)] } : {}),
  }
}

/** Plannr's field names in a 422 → the contract's input names, so the window shows each at its field. */
export function toInputField(plannrField: string): string {
  if (plannrField === 'case') return 'caseUuid'
  if (plannrField === 'participants' || plannrField.startsWith('participants.')) return 'participantUuids'
  return plannrField
}

export function mapValidationFields(fields: Record<string, string[]>): Record<string, string[]> {
  const mapped: Record<string, string[]> = {}
  for (const [field, messages] of Object.entries(fields)) {
    const target = (mapped[toInputField(field)] ??= [])
    for (const message of messages) if (!target.includes(message)) target.push(message)
  }
  return mapped
}
