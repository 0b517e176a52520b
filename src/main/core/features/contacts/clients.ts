import type { ClientSearchRecord, ClientsPage } from '@shared/models/accounts'
import type { IndexChanges, IndexPosition } from '@shared/models/search-index'
import { clientResult, searchClients, type ClientMatches } from '@shared/search/clients'
import { rankByName } from '@shared/search/quick'
import type { Account, ContactDetail } from '@shared/plannr'
import type { ResourceSync } from '../../sync'
import { IndexFeed } from '../common/index-feed'
import type { FeatureDeps, RankedResult } from '../feature'
import { compareClients, indexClient, pageOfClients, type ClientsListQuery, type IndexedClient } from './client-search'
import { CLIENTS } from './resource'
import { asPrimaryContact, clientRow } from './views'

function indexed(account: Account): IndexedClient {
  const phone = account.primary_phone_number?.value
  return indexClient(clientRow(account), typeof phone === 'string' ? phone : null)
}

const recordOf = (client: IndexedClient): ClientSearchRecord => ({ row: client.row, e164: client.e164 })

/**
 * Every client account of the firm with its primary email and phone, answered from the store. What
 * search needs (folded names, emails, phone digits) is built in memory from the decrypted records, once
 * per change — never written to disk in clear.
 */
export class ClientDirectory {
  private index: { version: number; repo: object; clients: IndexedClient[] } | null = null
  /** Each stored account's entry, kept while the account is unchanged: a sync folds only what changed. */
  private entries = new WeakMap<Account, IndexedClient>()
  /** The matches of the last search: paging through it does not search again, typing on searches only them. */
  private lastSearch: ClientMatches | null = null
  private readonly feed = new IndexFeed<IndexedClient, ClientSearchRecord>((client) => client.row.uuid, recordOf)

  constructor(private readonly deps: FeatureDeps) {}

  private async clients(): Promise<ResourceSync<Account>> {
    const sync = await this.deps.sync.resource(CLIENTS, (syncedAt) => this.deps.events.emit('clients.changed', { syncedAt }))
    await sync.ready()
    return sync
  }

  private entryOf(account: Account): IndexedClient {
    let entry = this.entries.get(account)
    if (!entry) this.entries.set(account, (entry = indexed(account)))
    return entry
  }

  /** The search index, sorted by name, rebuilt when the repository has changed. */
  private indexOf(sync: ResourceSync<Account>): IndexedClient[] {
    const repo = sync.repo
    // Keyed by the repository itself: another account's store has its own, whatever its version.
    if (this.index?.version !== repo.version || this.index.repo !== repo) {
      this.index = { version: repo.version, repo, clients: repo.all().map((account) => this.entryOf(account)).sort(compareClients) }
    }
    return this.index.clients
  }

  async list(query: ClientsListQuery): Promise<ClientsPage> {
    const sync = await this.clients()
    const clients = this.indexOf(sync)
    const last = this.lastSearch
    const matches = last?.sorted === clients && last.search === query.search ? last : searchClients(clients, query.search, last)
    this.lastSearch = matches
    return pageOfClients(clients, query, sync.syncedAt(), matches.found)
  }

  /** What the window's own index needs to catch up from `since`. */
  async searchIndex(since: IndexPosition): Promise<IndexChanges<ClientSearchRecord>> {
    const sync = await this.clients()
    const clients = this.indexOf(sync)
    this.feed.follow(sync.repo, sync.repo.version, clients)
    return this.feed.since(since, sync.syncedAt())
  }

  async quickSearch(needle: string, limit: number): Promise<RankedResult[]> {
    const sync = await this.clients()
    return rankByName(this.indexOf(sync), (client) => client.name, needle, limit).map(({ rank, entry }) => ({ rank, result: clientResult(entry) }))
  }

  /**
   * After a contact detail was saved: the accounts Plannr now lists as its primaries show it as their
   * primary email or phone, and accounts that had it as primary and no longer do show none.
   */
  async applyPrimaries(detail: ContactDetail, primaryUuids: readonly string[]): Promise<void> {
    const field = detail.type === 'email' ? 'primary_email' : 'primary_phone_number'
    const primaries = new Set(primaryUuids)
    const sync = await this.deps.sync.resource(CLIENTS, (syncedAt) => this.deps.events.emit('clients.changed', { syncedAt }))
    const repo = sync.repo
    const changed: Account[] = []
    for (const account of repo.all()) {
      const isPrimary = primaries.has(account.uuid)
      const wasPrimary = account[field]?.uuid === detail.uuid
      if (isPrimary || wasPrimary) changed.push({ ...account, [field]: isPrimary ? asPrimaryContact(detail) : null })
    }
    if (changed.length === 0) return
    repo.upsertPage(changed)
    this.deps.events.emit('clients.changed', { syncedAt: sync.syncedAt() })
  }

  /** Every client account in the store (syncing first if nothing is yet): for the account pickers. */
  async accounts(): Promise<Account[]> {
    return [...(await this.clients()).repo.all()]
  }

  async close(): Promise<void> {}
}
