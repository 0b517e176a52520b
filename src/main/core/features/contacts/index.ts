import type { Feature, FeatureDeps } from '../feature'
import { AccountDirectory } from './account-directory'
import { ClientDirectory } from './clients'
import { ContactsService } from './service'

export type ContactCalls = 'accounts.search' | 'clients.list' | 'clients.searchIndex' | 'contacts.forClient' | 'contacts.add' | 'contacts.update'

/** Clients, their contact details (seed 002) and the account search behind every picker. */
export function createContactsFeature(deps: FeatureDeps): Feature<ContactCalls> {
  const clients = new ClientDirectory(deps)
  const contacts = new ContactsService(deps, clients)
  const accounts = new AccountDirectory(deps, clients)
  return {
    handlers: {
      'accounts.search': ({ query, types, limit }) => accounts.search(query, types, limit),
      'clients.list': (query) => clients.list(query),
      'clients.searchIndex': (since) => clients.searchIndex(since),
      'contacts.forClient': ({ clientUuid }) => contacts.forClient(clientUuid),
      'contacts.add': (input) => contacts.add(input),
      'contacts.update': (input) => contacts.update(input),
    },
    quickSearch: (needle, limit) => clients.quickSearch(needle, limit),
    close: async () => {
      await Promise.all([clients.close(), accounts.close()])
    },
  }
}
