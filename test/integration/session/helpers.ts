import keytar from 'keytar'
import type { SessionStatus } from '@shared/models/session'
import type { Result } from '@shared/result'
import { createCore, type Core } from '../../../src/main/core'
import { memoryLog } from '../../../src/main/core/log'
import { SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'

export const KEYCHAIN_ACCOUNT = 'session'

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
}

export function startCore(sandbox: Sandbox, keychainService: string, apiUrl = sandbox.url): TestCore {
  const log = memoryLog()
  const core = createCore({
    shell: 'web-preview',
    version: '0.1.0-test',
    platform: process.platform,
    apiUrl,
    keychainService,
    demo: async () => ({ apiUrl: sandbox.url, token: SANDBOX_TOKENS.adviser }),
    log,
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
  return { core, log, events, circleEvents, transcript, call, value }
}

/** The record the vault keeps for a service, straight from the keychain. */
export async function keychainRecord(service: string): Promise<unknown> {
  const raw = await keytar.getPassword(service, KEYCHAIN_ACCOUNT)
  return raw === null ? null : (JSON.parse(raw) as unknown)
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

export const ALL_TOKENS = Object.values(SANDBOX_TOKENS)
