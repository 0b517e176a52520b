import { createTokenVault } from './auth/vault'
import { EventBus } from './events'
import { appInfo } from './features/app-info'
import { createCirclesFeature } from './features/circles'
import { createContactsFeature } from './features/contacts'
import { createConversationsFeature } from './features/conversations'
import { quickSearch } from './features/quick-search'
import { createReferralsFeature } from './features/referrals'
import { SessionService } from './features/session'
import { createDispatcher, type Dispatch, type Handlers } from './ipc/dispatch'
import type { CoreLog } from './log'
import { keychainKeyStore, LocalStore, type StoreKeyStore } from './store'
import { RateBudget, SyncHub } from './sync'

export { consoleLog, type CoreLog } from './log'
export { EventBus } from './events'
export type { Dispatch } from './ipc/dispatch'

/** Plannr's public API, used for token sign-in unless the shell says otherwise. */
export const DEFAULT_API_URL = 'https://api.plannrcrm.com'

export interface CoreConfig {
  shell: 'electron' | 'web-preview'
  version: string
  platform: string
  /** Plannr API used for token sign-in (default https://api.plannrcrm.com). */
  apiUrl: string
  /** Electron passes net.fetch; Node uses the global fetch. */
  fetch?: typeof fetch
  /** keytar service name, e.g. 'Plannr Desktop'. */
  keychainService: string
  /** Starts (once) the local demo sandbox and returns its URL and the adviser token. */
  demo: () => Promise<{ apiUrl: string; token: string }>
  log: CoreLog
  /** The app's data folder (Electron's userData; the web preview's --data-dir): the store lives in it. */
  dataDir: string
  /** Where store keys are kept; the OS keychain (same service as the sign-in) unless a test says otherwise. */
  storeKeys?: StoreKeyStore
  /** Passed to the sync engines; tests shorten them. */
  sync?: { maxAgeMs?: number; fullPassMs?: number; now?: () => number }
}

export interface Core {
  dispatch: Dispatch
  events: EventBus
  close(): Promise<void>
}

/** Everything the app does, free of Electron: the shells only carry calls in and events out. */
export function createCore(config: CoreConfig): Core {
  const events = new EventBus()
  const vault = createTokenVault({ service: config.keychainService, log: config.log })
  // One rate budget for every request the app sends, whichever client, account or feature sends it.
  const budget = new RateBudget()
  const local = new LocalStore({
    dataDir: config.dataDir,
    keys: config.storeKeys ?? keychainKeyStore(config.keychainService),
    log: config.log,
  })
  const session = new SessionService({
    vault,
    events,
    log: config.log,
    apiUrl: config.apiUrl,
    fetch: budget.wrap(config.fetch ?? globalThis.fetch.bind(globalThis)),
    demo: config.demo,
    // Called on sign-out only, long after `sync` below exists.
    eraseAccountData: (apiUrl, accountUuids): Promise<void> => sync.erase(apiUrl, accountUuids),
  })
  const sync: SyncHub = new SyncHub({ session, local, budget, events, log: config.log, ...config.sync })
  const deps = { session, events, log: config.log, sync }
  const circles = createCirclesFeature(deps)
  const conversations = createConversationsFeature(deps)
  const contacts = createContactsFeature(deps)
  const referrals = createReferralsFeature(deps)
  const features = [circles, conversations, contacts, referrals]
  const info = appInfo(config)

  const handlers: Handlers = {
    'app.info': async () => info,
    'session.status': () => session.status(),
    'session.signInWithToken': ({ token }) => session.signInWithToken(token),
    'session.chooseAccount': ({ accountUuid }) => session.chooseAccount(accountUuid),
    'session.signOut': () => session.signOut(),
    'session.startDemo': () => session.startDemo(),
    ...circles.handlers,
    ...conversations.handlers,
    ...contacts.handlers,
    ...referrals.handlers,
    'search.quick': ({ query, limit }) => quickSearch(features, query, limit),
    'sync.status': async () => sync.status(),
    'sync.now': () => sync.syncNow(),
  }

  return {
    dispatch: createDispatcher(handlers, config.log),
    events,
    async close() {
      await Promise.all(features.map((feature) => feature.close()))
      await sync.close()
      await session.close()
    },
  }
}
