import { rm } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { createSessionService, EventBus } from '../../../src/main/core'
import type { SessionEnded, SessionService } from '../../../src/main/core/features/session'
import { SESSION_REFUSED_NOTICE } from '../../../src/main/core/features/session'
import { memoryLog } from '../../../src/main/core/log'
import { getMe } from '../../../src/main/core/plannr'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { followAuthorize } from '../../support/browser'
import { dataDirFor, recordingPorts } from '../../support/core-harness'
import { uniqueService } from '../../support/keychain-probe'
import { clearKeychain, sessionFile } from './helpers'

/** Waits for a condition, never for a fixed time. */
async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('OAuth tokens that refresh themselves (short-lived tokens from the sandbox)', () => {
  let sandbox: Sandbox
  let service: string
  let session: SessionService
  let events: EventBus
  let statuses: SessionStatus[]
  let ended: SessionEnded[]
  const log = memoryLog()

  function start(clock?: () => number): SessionService {
    events = new EventBus()
    statuses = []
    ended = []
    events.subscribe((name, payload) => {
      if (name === 'session.changed') statuses.push(payload as SessionStatus)
    })
    session = createSessionService(
      {
        apiUrl: sandbox.url,
        keychainService: service,
        dataDir: dataDirFor(service),
        ports: recordingPorts((url) => void followAuthorize(url)),
        demo: () => Promise.reject(new Error('not used')),
        log,
        ...(clock ? { clock } : {}),
      },
      events,
    )
    session.onEnded((end) => void ended.push(end))
    return session
  }

  const refreshes = () => sandbox.oauth.issued.refresh_token
  const unauthorised = () => sandbox.requests.filter((r) => r.status === 401).length

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    service = uniqueService('refresh')
    sandbox.clearRequests()
    Object.assign(sandbox.oauth.settings, { user: 'adviser', refuseConsent: false, accessTokenTtlSeconds: 2 })
  })
  afterEach(async () => {
    await session.signOut()
    await session.close()
    await clearKeychain(service).catch(() => undefined)
    await rm(dataDirFor(service), { recursive: true, force: true })
  })

  it('keeps working across several expiries, with exactly one refresh per expiry under 20 concurrent calls', async () => {
    // Three seconds: long enough that twenty calls on a busy machine finish well inside one token's life.
    sandbox.oauth.settings.accessTokenTtlSeconds = 3
    start()
    expect((await session.signInWithPlannr()).state).toBe('signed-in')
    const client = session.requireClient()

    for (let expiry = 1; expiry <= 3; expiry++) {
      const before = refreshes()
      const requestsBefore = sandbox.requests.length
      // Wait out the token's lifetime (by the clock, not a sleep), then fire twenty calls at once.
      const expiresAt = Date.now() + 3_000
      await until(() => Date.now() >= expiresAt, 'the access token to expire')
      const answers = await Promise.all(Array.from({ length: 20 }, () => getMe(client)))
      expect(answers.every((me) => me.email === 'sophie.turner@harbourvale.example.com')).toBe(true)
      expect(refreshes() - before).toBe(1)
      // Refreshed before use: not one of the calls was turned away.
      expect(sandbox.requests.slice(requestsBefore).filter((r) => r.status === 401)).toEqual([])
    }
    expect(session.accountKey()).not.toBeNull()
    expect(ended).toEqual([])
  })

  it('a 401 (clock behind Plannr) makes twenty concurrent calls share one refresh, each retried once', async () => {
    // After sign-in the app's clock falls an hour behind: it believes the token fresh, Plannr knows it expired.
    let lag = 0
    start(() => Date.now() - lag)
    await session.signInWithPlannr()
    lag = 3_600_000
    const client = session.requireClient()
    const expiresAt = Date.now() + 2_100
    await until(() => Date.now() >= expiresAt, 'the access token to expire at Plannr')
    const before = refreshes()
    const rejectedBefore = unauthorised()
    const answers = await Promise.all(Array.from({ length: 20 }, () => getMe(client)))
    expect(answers).toHaveLength(20)
    expect(refreshes() - before).toBe(1)
    expect(unauthorised() - rejectedBefore).toBe(20)
    expect(sandbox.requests.filter((r) => r.path === '/api/v1/me' && r.status === 200).length).toBeGreaterThanOrEqual(20)
    expect(ended).toEqual([])
  })

  it('refreshes shortly before expiry, not only after: the old token is never turned away', async () => {
    // A minute-long token, and an app clock moved forward: Plannr still accepts the token throughout.
    sandbox.oauth.settings.accessTokenTtlSeconds = 60
    let lead = 0
    start(() => Date.now() + lead)
    await session.signInWithPlannr()
    const client = session.requireClient()
    const before = refreshes()

    // Half-way through its life: too early to refresh.
    lead = 30_000
    await getMe(client)
    expect(refreshes()).toBe(before)

    // Within the last fifth of its life (by the app's clock): refreshed before use.
    lead = 50_000
    const rejectedBefore = unauthorised()
    await Promise.all(Array.from({ length: 20 }, () => getMe(client)))
    expect(refreshes()).toBe(before + 1)
    expect(unauthorised()).toBe(rejectedBefore)
  })

  it('a revoked refresh token returns to sign-in with a plain message, as an ending the local data survives', async () => {
    start()
    const signedIn = await session.signInWithPlannr()
    if (signedIn.state !== 'signed-in') throw new Error('not signed in')
    sandbox.oauth.revokeAll()

    const failed = await getMe(session.requireClient()).catch((error: unknown) => error)
    expect(failed).toMatchObject({ code: 'unauthenticated' })
    await until(() => statuses.at(-1)?.state === 'signed-out', 'the session to end')
    expect(statuses.at(-1)).toMatchObject({ state: 'signed-out', notice: SESSION_REFUSED_NOTICE })
    // Plannr ended it, not the user: features keep the account's store and unsent writes for next time.
    expect(ended).toEqual([{ reason: 'refused', apiUrl: sandbox.url, accountUuids: signedIn.accounts.map((a) => a.uuid) }])
    expect((await sessionFile(service))?.current).toBeNull()
    expect(() => session.requireClient()).toThrow()

    // The same user signs in again and carries on.
    expect((await session.signInWithPlannr()).state).toBe('signed-in')
    expect((await getMe(session.requireClient())).uuid).toBeTruthy()
  })

  it('a personal access token Plannr stops accepting mid-session ends the session honestly', async () => {
    start()
    await session.signInWithToken(SANDBOX_TOKENS.adviser)
    // Plannr answers 401 to the next request, as it would for a token revoked in its settings.
    sandbox.faults.queue.push({ status: 401 })
    const failed = await getMe(session.requireClient()).catch((error: unknown) => error)
    expect(failed).toMatchObject({ code: 'unauthenticated' })
    await until(() => statuses.at(-1)?.state === 'signed-out', 'the session to end')
    expect(statuses.at(-1)).toMatchObject({ state: 'signed-out', notice: SESSION_REFUSED_NOTICE })
    expect(ended.map((end) => end.reason)).toEqual(['refused'])
  })

  it('the user signing out is told apart from Plannr ending the session', async () => {
    start()
    await session.signInWithPlannr()
    await session.signOut()
    expect(ended.map((end) => end.reason)).toEqual(['signed-out'])
    expect(statuses.at(-1)).toEqual({ state: 'signed-out', storage: expect.anything() })
  })
})
