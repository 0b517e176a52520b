import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PlannrBridge } from '@shared/bridge'
import type { SessionStatus } from '@shared/models/session'
import type { SyncStatus } from '@shared/models/sync'
import type { Result } from '@shared/result'
import { rm } from 'node:fs/promises'
import { createCore, createSessionService, type Core, type CoreConfig, type CoreLog, type EventBus, type ShellPorts } from '../../src/main/core'
import type { SessionService } from '../../src/main/core/features/session'
import { memoryLog } from '../../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox, type SandboxOptions } from '../../src/main/sandbox'

/**
 * The real core, in this process, against a real sandbox over HTTP: what every feature and renderer-state
 * test drives. Calls go through `dispatch`, so the contract parses every input and output on the way.
 */
export interface TestCore {
  core: Core
  log: ReturnType<typeof memoryLog>
  /** Every session.changed payload, in order. */
  events: SessionStatus[]
  /** Every circles.changed payload, in order. */
  circleEvents: Array<{ syncedAt: string | null }>
  /** Everything that crossed to the "renderer": call results and events, as JSON. */
  transcript: string[]
  call(name: string, input?: unknown): Promise<Result<unknown>>
  /** A call that must succeed, its value returned. */
  value<T = unknown>(name: string, input?: unknown): Promise<T>
  /** Waits until no list is syncing (after a call that started one): every page has landed. */
  synced(timeoutMs?: number): Promise<SyncStatus>
}

/** The data folder a test core uses: one per keychain service, so a "restart" finds what the last run saved. */
export function dataDirFor(keychainService: string): string {
  return join(tmpdir(), 'plannr-desktop-test-data', keychainService.replace(/[^A-Za-z0-9._-]+/g, '_'))
}

/** Addresses the core asked to open in a browser, in order; a test plays the browser with them. */
export interface RecordingPorts {
  opened: string[]
  openExternal(url: string): Promise<void>
}

export function recordingPorts(onOpen?: (url: string) => void | Promise<void>): RecordingPorts {
  const opened: string[] = []
  return {
    opened,
    async openExternal(url) {
      opened.push(url)
      await onOpen?.(url)
    },
  }
}

/** A fresh data folder for one core: its session file and store files live here. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'plannr-store-'))
}

export function startCore(
  sandbox: Sandbox,
  keychainService: string,
  apiUrl = sandbox.url,
  overrides: Partial<Omit<CoreConfig, 'ports'>> & { ports?: RecordingPorts & Omit<ShellPorts, 'openExternal'> } = {},
): TestCore & { ports: RecordingPorts } {
  const log = memoryLog()
  const ports = overrides.ports ?? recordingPorts()
  const core = createCore({
    shell: 'web-preview',
    version: '0.1.0-test',
    platform: process.platform,
    apiUrl,
    keychainService,
    dataDir: dataDirFor(keychainService),
    demo: async () => ({ apiUrl: sandbox.url, token: SANDBOX_TOKENS.adviser }),
    log,
    ...overrides,
    ports,
  })
  const events: SessionStatus[] = []
  const circleEvents: Array<{ syncedAt: string | null }> = []
  const transcript: string[] = []
  core.events.subscribe((name, payload) => {
    transcript.push(JSON.stringify({ name, payload }))
    if (name === 'session.changed') events.push(payload as SessionStatus)
    if (name === 'circles.changed') circleEvents.push(payload as { syncedAt: string | null })
  })
  async function call(name: string, input?: unknown): Promise<Result<unknown>> {
    const result = await core.dispatch(name, input ?? {})
    transcript.push(JSON.stringify(result))
    return result
  }
  async function value<T>(name: string, input?: unknown): Promise<T> {
    const result = await call(name, input)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`)
    return result.value as T
  }
  async function synced(timeoutMs = 20_000): Promise<SyncStatus> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const status = await value<SyncStatus>('sync.status')
      if (status.syncing.length === 0) {
        // The last change announcement goes out on the next turn of the event loop: let it.
        await new Promise((resolve) => setTimeout(resolve, 10))
        return status
      }
      if (Date.now() > deadline) throw new Error(`still syncing after ${timeoutMs} ms: ${JSON.stringify(status.syncing)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  return { core, log, events, circleEvents, transcript, call, value, synced, ports }
}

/** Resolves with the first session.changed payload that satisfies the test, or fails after a while. */
export async function waitForSession(
  testCore: TestCore,
  accept: (status: SessionStatus) => boolean,
  timeoutMs = 10_000,
): Promise<SessionStatus> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = testCore.events.find(accept)
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no matching session.changed within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * A PlannrBridge over the in-process core, as the preload or the web preview would give the renderer:
 * renderer state classes run against the real core with it.
 */
export function bridgeFor(core: Core): PlannrBridge {
  return {
    invoke: (name, input) => core.dispatch(name, input),
    on(name, listener) {
      return core.events.subscribe((event, payload) => {
        if (event === name) listener(payload)
      })
    },
  }
}

export interface SignedInHarness {
  sandbox: Sandbox
  test: TestCore
  bridge: PlannrBridge
  close(): Promise<void>
}

/**
 * A sandbox and a core signed in with the adviser token (or another), ready for feature tests.
 * The keychain service is unique; sign-out at close removes the entry again.
 */
export async function signedInHarness(
  options: { token?: string; sandbox?: SandboxOptions; keychainService?: string } = {},
): Promise<SignedInHarness> {
  const sandbox = await startSandbox({ size: 'small', ...options.sandbox })
  const service =
    options.keychainService ?? `plannr-desktop-test-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const test = startCore(sandbox, service)
  await test.value('session.signInWithToken', { token: options.token ?? SANDBOX_TOKENS.adviser })
  return {
    sandbox,
    test,
    bridge: bridgeFor(test.core),
    async close() {
      await test.call('session.signOut')
      await test.core.close()
      await sandbox.close()
      await rm(dataDirFor(service), { recursive: true, force: true })
    },
  }
}

/** A session service alone (no features), as the core builds it, for feature services under test. */
export function sessionForTest(options: { apiUrl: string; keychainService: string; log: CoreLog; events: EventBus }): SessionService {
  return createSessionService(
    {
      apiUrl: options.apiUrl,
      keychainService: options.keychainService,
      dataDir: dataDirFor(options.keychainService),
      ports: recordingPorts(),
      demo: () => Promise.reject(new Error('not used')),
      log: options.log,
    },
    options.events,
  )
}
