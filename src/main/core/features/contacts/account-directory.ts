import type { AccountOption } from '@shared/models/accounts'
import type { Account } from '@shared/plannr'
import { listAccounts } from '../../plannr'
import { SyncedCollection } from '../common/synced-collection'
import type { FeatureDeps } from '../feature'
import { indexAccount, searchAccounts, type IndexedAccount } from './account-match'
import type { ClientDirectory } from './clients'
import { accountOption } from './views'

type PickerType = 'client' | 'employee'

/**
 * The firm's accounts for the pickers (conversation participants, contact-detail owners), searched here
 * by first, last or full name in any order. Clients come from the client list the app keeps already;
 * the firm's staff are fetched once and kept the same way.
 */
export class AccountDirectory {
  private readonly employees: SyncedCollection<Account>
  private indexed = new WeakMap<Account, IndexedAccount>()

  constructor(
    deps: FeatureDeps & { maxAgeMs?: number },
    private readonly clients: ClientDirectory,
  ) {
    this.employees = new SyncedCollection<Account>({
      name: 'employees',
      session: deps.session,
      log: deps.log,
      maxAgeMs: deps.maxAgeMs,
      fetchAll: (client) => listAccounts(client, { types: ['employee'], include: ['primary_email'] }),
      // No window lists staff on its own: a picker asks again as the user types.
      changed: () => undefined,
    })
  }

  private index(account: Account): IndexedAccount {
    let entry = this.indexed.get(account)
    if (!entry) this.indexed.set(account, (entry = indexAccount(account)))
    return entry
  }

  async search(query: string, types: readonly PickerType[], limit: number): Promise<AccountOption[]> {
    const [clients, employees] = await Promise.all([
      types.includes('client') ? this.clients.accounts() : [],
      types.includes('employee') ? this.employees.get().then((synced) => synced.items) : [],
    ])
    const entries = [...employees, ...clients].map((account) => this.index(account))
    return searchAccounts(entries, query, limit).map((entry) => accountOption(entry.account))
  }

  close(): Promise<void> {
    this.indexed = new WeakMap()
    return this.employees.close()
  }
}
