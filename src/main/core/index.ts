import { SIGN_IN_TIMEOUT_MS } from './auth/browser-sign-in'
import { CredentialStore } from './auth/credential-store'
import { createSessionFileStore } from './auth/session-file'
import { createKeychainVault, type SecretVault } from './auth/vault'
import { Desktop } from './desktop/desktop'
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
import type { ShellPorts } from './ports'
import { withFix } from './outbox/summary'
import { keychainKeyStore, LocalStore, type StoreKeyStore } from './store'
import { AppError } from '@shared/result'
import { RateBudget, SyncHub } from './sync'

export { consoleLog, type CoreLog } from './log'
export { EventBus } from './events'
export type { Dispatch } from './ipc/dispatch'
export { isOpenableExternal, type ShellPorts, type UpdaterShell } from './ports'
export type { Desktop } from './desktop/desktop'
export type { SecretVault } from './auth/vault'

/** Plannr's public API, used for token sign-in unless the shell says otherwise. */
export const DEFAULT_API_URL = 'https://api.plannrcrm.com'

/** The OAuth client "Sign in with Plannr" uses unless the shell says otherwise (Plannr registers clients on request). */
export const DEFAULT_OAUTH_CLIENT_ID = 'plannr-desktop'

export interface CoreConfig {
  shell: 'electron' | 'web-preview'
  version: string
  platform: string
  /** Plannr API used for token sign-in (default https://api.plannrcrm.com). */
  apiUrl: string
  /** Electron passes net.fetch; Node uses the global fetch. */
  fetch?: typeof fetch
  /** How long one request to Plannr may take before it is given up; the client's default (30 s) unless set. */
  requestTimeoutMs?: number
  /** keytar service name, e.g. 'Plannr Desktop'. */
  keychainService: string
  /** The app's own data folder (Electron: app.getPath('userData'); the web preview's --data-dir): the session
   * file and the account stores live here. */
  dataDir: string
  /** What the core asks of the shell: opening the browser, and more to come. */
  ports: ShellPorts
  /** "Sign in with Plannr": the registered client id, the scope (default `*`), and how long to wait (default 5 min). */
  oauth?: { clientId?: string; scope?: string; timeoutMs?: number }
  /** Where secrets are kept; the OS keychain (service `keychainService`) unless a caller supplies another. */
  vault?: SecretVault
  /** Milliseconds since the epoch; Date.now unless a caller supplies another. */
  clock?: () => number
  /** Starts (once) the local demo sandbox and returns its URL and the adviser token. */
  demo: () => Promise<{ apiUrl: string; token: string }>
  log: CoreLog
  /** Where store keys are kept; the OS keychain (same service as the sign-in) unless a test says otherwise. */
  storeKeys?: StoreKeyStore
  /** Passed to the sync engines; tests shorten them. */
  sync?: { maxAgeMs?: number; fullPassMs?: number; now?: () => number }
  /** Timings of the desktop habits (defaults suit the app; tests and the web preview may shorten them). */
  desktop?: { messagePollMs?: number; notificationWindowMs?: number; firstUpdateCheckMs?: number }
}

type SessionConfig = Pick<CoreConfig, 'apiUrl' | 'fetch' | 'requestTimeoutMs' | 'keychainService' | 'dataDir' | 'ports' | 'oauth' | 'vault' | 'clock' | 'demo' | 'log'>

/** The session with its keychain, session file and clock, as the core builds it (features' tests use it too). */
export function createSessionService(config: SessionConfig, events: EventBus): SessionService {
  const now = config.clock ?? Date.now
  const vault = config.vault ?? createKeychainVault({ service: config.keychainService, log: config.log })
  const sessionFile = createSessionFileStore({ dataDir: config.dataDir, log: config.log, now })
  return new SessionService({
    store: new CredentialStore(vault, sessionFile, config.log),
    events,
    log: config.log,
    apiUrl: config.apiUrl,
    fetch: config.fetch,
    requestTimeoutMs: config.requestTimeoutMs,
    demo: config.demo,
    ports: config.ports,
    oauth: {
      clientId: config.oauth?.clientId ?? DEFAULT_OAUTH_CLIENT_ID,
      scope: config.oauth?.scope ?? '*',
      timeoutMs: config.oauth?.timeoutMs ?? SIGN_IN_TIMEOUT_MS,
    },
    now,
  })
}

export interface Core {
  dispatch: Dispatch
  events: EventBus
  /** Deep links, notifications, the updater and settings: what the shell feeds in from the OS. */
  desktop: Desktop
  close(): Promise<void>
}

/** Everything the app does, free of Electron: the shells only carry calls in and events out. */
export function createCore(config: CoreConfig): Core {
  const events = new EventBus()
  // One rate budget for every request the app sends, whichever client, account or feature sends it.
  const budget = new RateBudget()
  const local = new LocalStore({
    dataDir: config.dataDir,
    keys: config.storeKeys ?? keychainKeyStore(config.keychainService),
    log: config.log,
  })
  const session = createSessionService({ ...config, fetch: budget.wrap(config.fetch ?? globalThis.fetch.bind(globalThis)) }, events)
  const sync: SyncHub = new SyncHub({ session, local, budget, events, log: config.log, ...config.sync })
  // A user's own sign-out deletes the account's saved data (unsent writes kept, sealed, for their maker's
  // next sign-in); a refused token keeps everything for the same user's next sign-in.
  session.onEnded((ended) => (ended.reason === 'signed-out' ? sync.signedOut(ended.apiUrl, ended.accountUuids) : undefined))
  const deps = { session, events, log: config.log, sync }
  const circles = createCirclesFeature(deps)
  const conversations = createConversationsFeature(deps)
  const contacts = createContactsFeature(deps)
  const referrals = createReferralsFeature(deps)
  const features = [circles, conversations, contacts, referrals]
  const info = appInfo(config)
  const desktop = new Desktop({
    dataDir: config.dataDir,
    ports: config.ports,
    events,
    log: config.log,
    conversations: {
      accountKey: () => session.accountKey(),
      refresh: () => conversations.service.refresh(),
      latestMessages: async (uuid) => (await conversations.service.messages(uuid, 1)).messages,
    },
    // "Restart to update" asks first while the outbox holds writes Plannr has not got yet.
    // Signed out, nothing of this user's can be sent anyway.
    hasUnsentWork: async () => (session.accountKey() === null ? false : (await sync.outboxSummary()).count > 0),
    ...config.desktop,
  })

  const handlers: Handlers = {
    'app.info': async () => info,
    'session.status': () => session.status(),
    'session.signInWithToken': ({ token }) => session.signInWithToken(token),
    'session.signInWithPlannr': () => session.signInWithPlannr(),
    'session.cancelSignIn': () => session.cancelSignIn(),
    'session.chooseAccount': ({ accountUuid }) => session.chooseAccount(accountUuid),
    'session.signOut': () => session.signOut(),
    'session.startDemo': () => session.startDemo(),
    ...circles.handlers,
    ...conversations.handlers,
    ...contacts.handlers,
    ...referrals.handlers,
    'search.quick': ({ query, limit }) => quickSearch(features, query, limit),
    // Cases for the chosen people's circles: the conversations of anyone in a circle with them.
    'conversations.cases': async ({ participantUuids }) =>
      conversations.service.knownCases(participantUuids.length === 0 ? null : await circles.service.peopleSharingACircleWith(participantUuids)),
    'sync.status': async () => sync.status(),
    'sync.now': () => sync.syncNow(),
    'app.takeOpen': async () => desktop.takeOpen(),
    'updates.status': async () => desktop.updateState(),
    'updates.check': async () => (desktop.updates ? desktop.updates.checkNow() : desktop.updateState()),
    'updates.restart': async () => (desktop.updates ? desktop.updates.restartToUpdate() : { restarted: false, reason: 'not-ready' }),
    'settings.get': async () => desktop.settings.get(),
    'settings.update': (patch) => desktop.settings.update(patch),
    'outbox.list': () => sync.outboxSummary(),
    'outbox.retry': async ({ id, fix }) => {
      const outbox = await sync.outbox()
      const job = outbox.list().find((candidate) => candidate.id === id)
      if (!job) throw new AppError('not_found', 'That write is no longer in the outbox.')
      outbox.retry(id, fix ? withFix(job.payload, fix) : undefined)
      return sync.outboxSummary()
    },
    'outbox.discard': async ({ id }) => {
      ;(await sync.outbox()).discard(id)
      return sync.outboxSummary()
    },
  }

  return {
    dispatch: createDispatcher(handlers, config.log),
    events,
    desktop,
    async close() {
      desktop.close()
      await Promise.all(features.map((feature) => feature.close()))
      await sync.close()
      await session.close()
    },
  }
}
