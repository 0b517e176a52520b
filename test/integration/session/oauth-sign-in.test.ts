import { rm } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { SIGN_IN_MESSAGES } from '../../../src/main/core/auth/browser-sign-in'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { codeForAnotherRequest, followAuthorize } from '../../support/browser'
import { recordingPorts, type RecordingPorts } from '../../support/core-harness'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { clearKeychain, dataDirFor, keychainEntries, sessionFile, startCore, type TestCore } from './helpers'

const keychain = await probeKeychain()
const needsKeychain = keychain.available ? '' : ` — SKIPPED: ${keychain.reason}`

type SignedIn = Extract<SessionStatus, { state: 'signed-in' }>

/** Resolves once the app has asked for the browser: the authorise address it opened. */
function nextOpened(ports: RecordingPorts, from = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 10_000
    const check = () => {
      const url = ports.opened[from]
      if (url) resolve(url)
      else if (Date.now() > deadline) reject(new Error('the app never opened the browser'))
      else setTimeout(check, 10)
    }
    check()
  })
}

describe('Sign in with Plannr: authorization code with PKCE against the sandbox', () => {
  let sandbox: Sandbox
  let service: string
  let codesBefore = 0
  const cores: TestCore[] = []

  function newCore(ports: RecordingPorts, timeoutMs?: number): TestCore {
    const app = startCore(sandbox, service, sandbox.url, { ports, ...(timeoutMs ? { oauth: { timeoutMs } } : {}) })
    cores.push(app)
    return app
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    service = uniqueService('oauth')
    sandbox.clearRequests()
    Object.assign(sandbox.oauth.settings, { user: 'adviser', refuseConsent: false, accessTokenTtlSeconds: 3600 })
    codesBefore = sandbox.oauth.issued.authorization_code
  })
  afterEach(async () => {
    for (const app of cores.splice(0)) await app.core.close()
    if (keychain.available) await clearKeychain(service)
    await rm(dataDirFor(service), { recursive: true, force: true })
  })

  /** Nothing of a failed attempt is kept: no keychain entry, no saved session, no token ever asked for. */
  async function expectNothingStored(app: TestCore): Promise<void> {
    expect(await app.value<SessionStatus>('session.status')).toMatchObject({ state: 'signed-out' })
    if (keychain.available) expect(await keychainEntries(service)).toEqual({})
    expect((await sessionFile(service))?.current ?? null).toBeNull()
    expect(sandbox.oauth.issued.authorization_code).toBe(codesBefore)
  }

  it('opens the authorise page with S256 PKCE and a loopback redirect, and lands signed in', async () => {
    const ports = recordingPorts((url) => void followAuthorize(url))
    const app = newCore(ports)
    const status = await app.value<SignedIn>('session.signInWithPlannr')
    expect(status).toMatchObject({ state: 'signed-in', demo: false, apiUrl: sandbox.url })
    expect(status.user.name).toBe('Sophie Turner')
    expect(sandbox.oauth.issued.authorization_code).toBe(codesBefore + 1)

    const authorize = new URL(ports.opened[0] ?? '')
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sandbox.url}/oauth/authorize`)
    const params = Object.fromEntries(authorize.searchParams)
    expect(params).toMatchObject({ response_type: 'code', client_id: 'plannr-desktop', scope: '*', code_challenge_method: 'S256' })
    expect(params['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(params['state']?.length).toBeGreaterThanOrEqual(32)
    const redirect = new URL(params['redirect_uri'] ?? '')
    expect(redirect.hostname).toBe('127.0.0.1')
    expect(redirect.pathname).toBe('/callback')

    // The token request was form-encoded; the verifier and code never reach the journal.
    const tokenCall = sandbox.requests.find((r) => r.path === '/oauth/token')
    expect(tokenCall?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
    expect(tokenCall?.body).toBeNull()

    // The loopback took its one request and closed.
    await expect(fetch(redirect)).rejects.toThrow()

    // Signed in for real: Plannr answers with the OAuth token.
    expect(await app.call('circles.list', { limit: 3 })).toMatchObject({ ok: true })
    // The pending-attempt link is gone from the status once it is over.
    expect(app.events.at(-1)).toEqual(status)
  })

  it.skipIf(!keychain.available)(`keeps access token, refresh token and expiry in the keychain only, and restores after a restart${needsKeychain}`, async () => {
    const ports = recordingPorts((url) => void followAuthorize(url))
    const first = newCore(ports)
    const signedIn = await first.value<SignedIn>('session.signInWithPlannr')
    const entries = await keychainEntries(service)
    const [secrets] = Object.values(entries) as Array<{ accessToken: string; refreshToken: string; expiresAt: number }>
    expect(Object.keys(entries)).toHaveLength(1)
    expect(secrets).toMatchObject({ accessToken: expect.stringMatching(/^sbx_at_/), refreshToken: expect.stringMatching(/^sbx_rt_/) })
    expect(secrets?.expiresAt).toBeGreaterThan(Date.now())
    // Secrets only (Windows Credential Manager caps an entry at 2,560 bytes): no profile, no accounts.
    expect(Object.keys(secrets ?? {}).sort()).toEqual(['accessToken', 'expiresAt', 'issuedAt', 'refreshToken'])
    const file = await sessionFile(service)
    expect(file?.current).toMatchObject({ kind: 'oauth', apiUrl: sandbox.url, accountUuid: signedIn.account.uuid })
    expect(JSON.stringify(file)).not.toContain(secrets?.accessToken)
    expect(JSON.stringify(file)).not.toContain(secrets?.refreshToken)
    await first.core.close()

    const second = newCore(recordingPorts())
    expect(await second.value('session.status')).toEqual(signedIn)
    expect(await second.call('circles.list', { limit: 3 })).toMatchObject({ ok: true })
  })

  it('shows the link being waited on in the status, so the window can offer it to copy', async () => {
    const ports = recordingPorts()
    const app = newCore(ports)
    const pending = app.call('session.signInWithPlannr')
    const opened = await nextOpened(ports)
    expect(await app.value('session.status')).toMatchObject({ state: 'signed-out', authorizing: { url: opened } })
    expect(app.events.some((e) => e.state === 'signed-out' && e.authorizing?.url === opened)).toBe(true)
    // A second click joins the same attempt rather than opening another.
    const again = app.call('session.signInWithPlannr')
    await followAuthorize(opened)
    expect(await pending).toMatchObject({ ok: true, value: { state: 'signed-in' } })
    expect(await again).toMatchObject({ ok: true, value: { state: 'signed-in' } })
    expect(ports.opened).toHaveLength(1)
  })

  it('ignores a callback with the wrong state: signed out, a message, nothing stored', async () => {
    const ports = recordingPorts(async (url) => {
      await followAuthorize(url, (callback) => {
        callback.searchParams.set('state', 'forged-state-value-from-another-page')
        return callback
      })
    })
    const app = newCore(ports)
    const result = await app.call('session.signInWithPlannr')
    expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: SIGN_IN_MESSAGES.wrongState } })
    expect(sandbox.requests.some((r) => r.path === '/oauth/token')).toBe(false)
    await expectNothingStored(app)
  })

  it('fails when the code was issued for another verifier (an injected code): a message, nothing stored', async () => {
    const ports = recordingPorts(async (url) => {
      const injected = await codeForAnotherRequest(url)
      await followAuthorize(url, (callback) => {
        callback.searchParams.set('code', injected)
        return callback
      })
    })
    const app = newCore(ports)
    const result = await app.call('session.signInWithPlannr')
    expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: SIGN_IN_MESSAGES.exchangeRefused } })
    // The app did try the exchange, and Plannr refused the verifier.
    expect(sandbox.requests.filter((r) => r.path === '/oauth/token').map((r) => r.status)).toEqual([400])
    await expectNothingStored(app)
  })

  it('says so plainly when the user refuses consent; nothing stored', async () => {
    sandbox.oauth.settings.refuseConsent = true
    const visits: Array<Promise<unknown>> = []
    const app = newCore(recordingPorts((url) => void visits.push(followAuthorize(url))))
    const result = await app.call('session.signInWithPlannr')
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: SIGN_IN_MESSAGES.denied } })
    await Promise.all(visits)
    await expectNothingStored(app)
  })

  it('Cancel stops waiting: back to sign-in with a message, the loopback closed, nothing stored', async () => {
    const ports = recordingPorts()
    const app = newCore(ports)
    const pending = app.call('session.signInWithPlannr')
    const opened = await nextOpened(ports)
    const cancelled = await app.value<SessionStatus>('session.cancelSignIn')
    expect(cancelled).toEqual({ state: 'signed-out', storage: expect.anything() })
    expect(await pending).toEqual({ ok: false, error: { code: 'unauthenticated', message: SIGN_IN_MESSAGES.cancelled } })
    // A browser arriving late finds no one listening.
    await expect(followAuthorize(opened)).rejects.toThrow()
    await expectNothingStored(app)
  })

  it('gives up after the timeout with a message; nothing stored', async () => {
    const app = newCore(recordingPorts(), 300)
    const result = await app.call('session.signInWithPlannr')
    expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: SIGN_IN_MESSAGES.timedOut } })
    await expectNothingStored(app)
  })
})
