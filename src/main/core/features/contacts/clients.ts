import type { ClientsPage } from '@shared/models/accounts'
import type { RankedResult } from '../feature'
import type { Account, ContactDetail } from '@shared/plannr'
import { listAccounts } from '../../plannr'
import { SyncedCollection } from '../common/synced-collection'
import type { FeatureDeps } from '../feature'
import { compareClients, indexClient, pageOfClients, rankClients, type ClientsListQuery, type IndexedClient } from './client-search'
import { asPrimaryContact, clientRow } from './views'

/** The firm's clients, as the list, the search and the quick switcher see them. */
interface ClientEntry {
  account: Account
  indexed: IndexedClient
}

function entry(account: Account): ClientEntry {
  const phone = account.primary_phone_number?.value
  return { account, indexed: indexClient(clientRow(account), typeof phone === 'string' ? phone : null) }
}

function sorted(entries: ClientEntry[]): ClientEntry[] {
  return entries.sort((a, b) => compareClients(a.indexed, b.indexed))
}

/**
 * Every client account of the firm with its primary email and phone (20,000 clients is 40 pages of 500),
 * fetched whole, then searched, sorted and paged here so the window receives only the rows it shows.
 */
export class ClientDirectory {
  private readonly clients: SyncedCollection<ClientEntry>

  constructor(deps: FeatureDeps & { maxAgeMs?: number }) {
    this.clients = new SyncedCollection<ClientEntry>({
      name: 'clients',
      session: deps.session,
      log: deps.log,
      maxAgeMs: deps.maxAgeMs,
      fetchAll: async (client) => {
        const accounts = await listAccounts(client, { types: ['client'], include: ['primary_email', 'primary_phone_number'] })
        return sorted(accounts.map(entry))
      },
      changed: (syncedAt) => deps.events.emit('clients.changed', { syncedAt }),
    })
  }

  async list(query: ClientsListQuery): Promise<ClientsPage> {
    const { items, syncedAt } = await this.clients.get()
    return pageOfClients(
      items.map((item) => item.indexed),
      query,
      syncedAt,
    )
  }

  async quickSearch(needle: string, limit: number): Promise<RankedResult[]> {
    const { items } = await this.clients.get()
    return rankClients(
      items.map((item) => item.indexed),
      needle,
      limit,
    ).map(({ rank, client }) => ({
      rank,
      result: { kind: 'client', uuid: client.row.uuid, title: client.row.name, subtitle: client.row.email ?? client.row.phone, at: null },
    }))
  }

  /**
   * After a contact detail was saved: the accounts Plannr now lists as its primaries show it as their
   * primary email or phone, and accounts that had it as primary and no longer do show none. The
   * windows are told (clients.changed) so the list updates without a fetch.
   */
  applyPrimaries(detail: ContactDetail, primaryUuids: readonly string[]): void {
    const field = detail.type === 'email' ? 'primary_email' : 'primary_phone_number'
    const primaries = new Set(primaryUuids)
    this.clients.patch((items) =>
      items.map((item) => {
        const current = item.account[field]
        const isPrimary = primaries.has(item.account.uuid)
        const wasPrimary = current?.uuid === detail.uuid
        if (!isPrimary && !wasPrimary) return item
        return entry({ ...item.account, [field]: isPrimary ? asPrimaryContact(detail) : null })
      }),
    )
  }

  /** Every client account, as last fetched (fetching first if nothing is): for the account pickers. */
  async accounts(): Promise<Account[]> {
    return (await this.clients.get()).items.map((item) => item.account)
  }

  close(): Promise<void> {
    return this.clients.close()
  }
}
