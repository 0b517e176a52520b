import type { Feature, FeatureDeps } from '../feature'
import { ConversationsService } from './service'

export type ConversationCalls =
  | 'conversations.list'
  | 'conversations.get'
  | 'conversations.create'
  | 'conversations.pin'
  | 'conversations.searchIndex'
  | 'messages.list'
  | 'messages.send'
  | 'messages.edit'

export function createConversationsFeature(deps: FeatureDeps): Feature<ConversationCalls> & { service: ConversationsService } {
  const service = new ConversationsService(deps)
  return {
    service,
    handlers: {
      'conversations.list': (query) => service.list(query),
      'conversations.get': ({ uuid }) => service.get(uuid),
      'conversations.create': (input) => service.create(input),
      'conversations.pin': ({ uuid, pin }) => service.pin(uuid, pin),
      'conversations.searchIndex': (since) => service.searchIndex(since),
      'messages.list': ({ conversationUuid, page }) => service.messages(conversationUuid, page),
      'messages.send': ({ conversationUuid, contents }) => service.send(conversationUuid, contents),
      'messages.edit': ({ conversationUuid, messageUuid, contents }) => service.edit(conversationUuid, messageUuid, contents),
    },
    quickSearch: (needle, limit) => service.quickSearch(needle, limit),
    close: () => service.close(),
  }
}
