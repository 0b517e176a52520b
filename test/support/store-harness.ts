import type { EventBus } from '../../src/main/core/events'
import type { FeatureDeps } from '../../src/main/core/features/feature'
import type { SessionService } from '../../src/main/core/features/session'
import type { CoreLog } from '../../src/main/core/log'
import { keychainKeyStore, LocalStore, type StoreKeyStore } from '../../src/main/core/store'
import { RateBudget, SyncHub, type SyncHubOptions } from '../../src/main/core/sync'
import { tempDataDir } from './core-harness'

/**
 * What a feature service needs when a test builds one by hand: the real store (a temp folder, keys in
 * the given keychain service) and the real sync hub over the test's session.
 */
export function featureDeps(options: {
  session: SessionService
  events: EventBus
  log: CoreLog
  keychainService: string
  dataDir?: string
  keys?: StoreKeyStore
  sync?: Pick<SyncHubOptions, 'now' | 'maxAgeMs' | 'fullPassMs'>
}): FeatureDeps & { close(): Promise<void> } {
  const local = new LocalStore({
    dataDir: options.dataDir ?? tempDataDir(),
    keys: options.keys ?? keychainKeyStore(options.keychainService),
    log: options.log,
  })
  const sync = new SyncHub({
    session: options.session,
    local,
    budget: new RateBudget(),
    events: options.events,
    log: options.log,
    ...options.sync,
  })
  return { session: options.session, events: options.events, log: options.log, sync, close: () => sync.close() }
}
