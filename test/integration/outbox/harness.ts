import { EventBus } from '../../../src/main/core/events'
import { createSessionService } from '../../../src/main/core'
import type { SessionService } from '../../../src/main/core/features/session'
import { memoryLog, type CoreLog } from '../../../src/main/core/log'
import type { Outbox } from '../../../src/main/core/outbox'
import { keychainKeyStore, LocalStore, type StoreKeyStore } from '../../../src/main/core/store'
import { RateBudget, SyncHub } from '../../../src/main/core/sync'
import { SANDBOX_TOKENS, type Sandbox, type RecordedRequest } from '../../../src/main/sandbox'
import { recordingPorts, tempDataDir } from '../../support/core-harness'

/**
 * The outbox as the core builds it — one rate budget wrapping every request, the session, the account's
 * store on disk with its key in the real keychain, the sync hub — signed in to a real sandbox. `reopen`
 * closes everything and builds it again on the same folder and keychain service: a restart.
 */
export interface OutboxApp {
  session: SessionService
  hub: SyncHub
  budget: RateBudget
  outbox: Outbox
  accountUuid: string
  log: CoreLog
  close(): Promise<void>
}

export async function openOutboxApp(
  sandbox: Pick<Sandbox, 'url'>,
  keychainService: string,
  dataDir: string,
  token: string = SANDBOX_TOKENS.adviser,
  keys: StoreKeyStore = keychainKeyStore(keychainService),
  /** How long one request may take before the client gives it up (the app's default unless set). */
  requestTimeoutMs?: number,
): Promise<OutboxApp> {
  const log = memoryLog()
  const events = new EventBus()
  const budget = new RateBudget()
  const session = createSessionService(
    {
      apiUrl: sandbox.url,
      keychainService,
      dataDir,
      ports: recordingPorts(),
      demo: () => Promise.reject(new Error('not used')),
      log,
      fetch: budget.wrap(globalThis.fetch.bind(globalThis)),
      requestTimeoutMs,
    },
    events,
  )
  const local = new LocalStore({ dataDir, keys, log })
  const hub = new SyncHub({ session, local, budget, events, log, outbox: { backoff: { baseMs: 20, maxMs: 300 } } })
  const status = await session.signInWithToken(token)
  if (status.state !== 'signed-in') throw new Error(`not signed in: ${status.state}`)
  const outbox = await hub.outbox()
  return {
    session,
    hub,
    budget,
    outbox,
    accountUuid: status.account.uuid,
    log,
    async close() {
      await hub.close()
      await session.close()
    },
  }
}

export { tempDataDir }

/** Waits (on the condition, not a clock) until the outbox has nothing left to send. */
export async function drained(outbox: Outbox, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  // Jobs behind one that needs the user (same record) wait for the user too.
  const waiting = () => {
    const blocked = new Set<string>()
    return outbox.list().some((job) => {
      if (job.state === 'needs-attention') blocked.add(job.recordKey)
      return !blocked.has(job.recordKey)
    })
  }
  while (waiting()) {
    if (Date.now() > until) throw new Error(`outbox not drained: ${JSON.stringify(outbox.list().map((job) => [job.payload.kind, job.state, job.lastError]))}`)
    outbox.wake()
    // Until the sender has nothing it could send now (a backoff or a pause may be waiting), or a while.
    await Promise.race([outbox.idle(), new Promise((resolve) => setTimeout(resolve, 250))])
  }
}

/** What the sandbox carried out: writes that got a 2xx (the journal records the real status even when the answer was lost). */
export function doneWrites(sandbox: Sandbox, method: string, path: string | RegExp): RecordedRequest[] {
  return sandbox.requests.filter(
    (entry) => entry.method === method && (typeof path === 'string' ? entry.path === path : path.test(entry.path)) && entry.status >= 200 && entry.status < 300,
  )
}
