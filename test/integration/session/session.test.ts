import keytar from 'keytar'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { TOKEN_REJECTED_MESSAGE } from '../../../src/main/core/features/session'
import { SANDBOX_TOKENS, startSandbox, tokenFingerprint, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { ALL_TOKENS, KEYCHAIN_ACCOUNT, keychainRecord, startCore, waitForSession, type TestCore } from './helpers'

const keychain = await probeKeychain()
const needsKeychain = keychain.available ? '' : ` — SKIPPED: ${keychain.reason}`

const HARBOUR = 'Harbour & Vale Financial Planning'
const NORTHGATE = 'Northgate Wealth Partners'

type SignedIn = Extract<SessionStatus, { state: 'signed-in' }>
type Choosing = Extract<SessionStatus, { state: 'choosing-account' }>

describe('session: signing in, choosing an account, signing out (real sandbox)', () => {
  let sandbox: Sandbox
  let service: string
  const cores: TestCore[] = []

  function newCore(apiUrl?: string): TestCore {
    const testCore = startCore(sandbox, service, apiUrl)
    cores.push(testCore)
    return testCore
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    service = uniqueService('session')
    sandbox.clearRequests()
    Object.assign(sandbox.faults, { latencyMs: 0, failureRate: 0, offline: false, queue: [] })
  })
  afterEach(async () => {
    for (const testCore of cores.splice(0)) {
      await testCore.core.close()
      // The token never reaches the renderer: not in a result, not in an event.
      for (const token of ALL_TOKENS) expect(testCore.transcript.join('\n')).not.toContain(token)
    }
    if (keychain.available) await keytar.deletePassword(service, KEYCHAIN_ACCOUNT)
  })

  it('starts signed out, and app.info describes the shell', async () => {
    const app = newCore()
    const status = await app.value<SessionStatus>('session.status')
    expect(status.state).toBe('signed-out')
    expect(await app.value('app.info')).toEqual({
      name: 'Plannr Desktop',
      version: '0.1.0-test',
      shell: 'web-preview',
      platform: process.platform,
      defaultApiUrl: sandbox.url,
    })
  })

  it('signs the adviser straight in to their preferred employee account', async () => {
    const app = newCore()
    const status = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect(status.state).toBe('signed-in')
    expect(status.user).toEqual({ name: 'Sophie Turner', email: 'sophie.turner@harbourvale.example.com' })
    expect(status.account).toMatchObject({ name: 'Sophie Turner', type: 'employee', firmName: HARBOUR, preferred: true })
    expect(status.demo).toBe(false)
    expect(status.apiUrl).toBe(sandbox.url)
    if (keychain.available) expect(status.storage).toEqual({ kind: 'keychain' })
    expect(await app.value('session.status')).toEqual(status)
    expect(app.events.at(-1)).toEqual(status)

    // The token was checked with Plannr, without an account header (none is chosen yet).
    const checks = sandbox.requests.filter((r) => r.path === '/api/v1/me' || r.path === '/api/v1/logins')
    expect(checks.map((r) => r.path).sort()).toEqual(['/api/v1/logins', '/api/v1/me'])
    for (const check of checks) expect(check.headers['authorization']).toBe(`Bearer ${tokenFingerprint(SANDBOX_TOKENS.adviser)}`)
  })

  it('trims a pasted token before using it', async () => {
    const app = newCore()
    const status = await app.value<SessionStatus>('session.signInWithToken', { token: `  ${SANDBOX_TOKENS.adviser}\n` })
    expect(status.state).toBe('signed-in')
  })

  it('asks a multi-firm user to choose, employees first; a uuid not offered is refused; a valid one signs in', async () => {
    const app = newCore()
    const choosing = await app.value<Choosing>('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm })
    expect(choosing.state).toBe('choosing-account')
    expect(choosing.user.name).toBe('Priya Shah')
    expect(choosing.accounts.map((a) => [a.type, a.firmName])).toEqual([
      ['employee', HARBOUR],
      ['employee', NORTHGATE],
      ['client', 'Ashworth Private Clients'],
    ])
    expect(choosing.accounts.every((a) => !a.preferred)).toBe(true)

    const refused = await app.call('session.chooseAccount', { accountUuid: 'not-one-of-mine' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input')
    expect((await app.value<SessionStatus>('session.status')).state).toBe('choosing-account')

    // Until an account is chosen, nothing that needs one can run.
    const early = await app.call('circles.list', {})
    expect(!early.ok && early.error.code).toBe('not_signed_in')

    const northgate = choosing.accounts[1]
    const signedIn = await app.value<SignedIn>('session.chooseAccount', { accountUuid: northgate?.uuid })
    expect(signedIn.state).toBe('signed-in')
    expect(signedIn.account).toEqual(northgate)
    expect(signedIn.accounts).toEqual(choosing.accounts)
    expect(app.events.map((e) => e.state)).toEqual(['choosing-account', 'signed-in'])

    // Calls from now on act as the chosen account.
    sandbox.clearRequests()
    await app.value('circles.list', {})
    const listed = sandbox.requests.filter((r) => r.path === '/api/v1/circles')
    expect(listed.length).toBeGreaterThan(0)
    for (const request of listed) expect(request.headers['x-plannr-account-uuid']).toBe(northgate?.uuid)
  })

  it('signs a user with preferred_account_uuid straight in to the account it names (the second)', async () => {
    const app = newCore()
    const status = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.preferred })
    expect(status.state).toBe('signed-in')
    expect(status.account).toMatchObject({ firmName: NORTHGATE, preferred: true, type: 'employee' })
    expect(status.accounts.map((a) => a.firmName)).toEqual([HARBOUR, NORTHGATE])
  })

  it('turns a wrong token down with a plain message, staying signed out and saving nothing', async () => {
    const app = newCore()
    const result = await app.call('session.signInWithToken', { token: 'plannr-not-a-real-token' })
    expect(result).toEqual({ ok: false, error: { code: 'unauthenticated', message: TOKEN_REJECTED_MESSAGE } })
    expect((await app.value<SessionStatus>('session.status')).state).toBe('signed-out')
    expect(app.events).toEqual([])
    if (keychain.available) expect(await keychainRecord(service)).toBeNull()
  })

  it('says Plannr cannot be reached when it cannot, and stays signed out', async () => {
    const closed = await startSandbox({ size: 'small' })
    const url = closed.url
    await closed.close()
    const app = newCore(url)
    const result = await app.call('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('network')
      expect(result.error.message).toMatch(/can't be reached/)
    }
    expect((await app.value<SessionStatus>('session.status')).state).toBe('signed-out')
  })

  it('opens the demo workspace as the demo adviser', async () => {
    const app = newCore('https://api.plannrcrm.invalid')
    const status = await app.value<SignedIn>('session.startDemo')
    expect(status).toMatchObject({ state: 'signed-in', demo: true, apiUrl: sandbox.url })
    expect(status.account.firmName).toBe(HARBOUR)
    if (keychain.available) {
      expect(await keychainRecord(service)).toEqual({ kind: 'demo', accountUuid: status.account.uuid })
    }
  })

  it('serialises racing calls: a double-clicked sign-in, then sign-in racing sign-out, end in a consistent state', async () => {
    const app = newCore()
    const [first, second] = await Promise.all([
      app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser }),
      app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser }),
    ])
    expect(first.state).toBe('signed-in')
    expect(second).toEqual(first)

    const [, , signedOut] = await Promise.all([
      app.value('session.signInWithToken', { token: SANDBOX_TOKENS.preferred }),
      app.value('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm }),
      app.value<SessionStatus>('session.signOut'),
    ])
    expect(signedOut.state).toBe('signed-out')
    expect(await app.value('session.status')).toEqual(signedOut)
    expect(app.events.at(-1)).toEqual(signedOut)
    if (keychain.available) expect(await keychainRecord(service)).toBeNull()
  })

  it.skipIf(!keychain.available)(`keeps the token in the keychain and forgets it on sign-out${needsKeychain}`, async () => {
    const app = newCore()
    const signedIn = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect(await keychainRecord(service)).toMatchObject({
      kind: 'token',
      apiUrl: sandbox.url,
      token: SANDBOX_TOKENS.adviser,
      accountUuid: signedIn.account.uuid,
    })

    const signedOut = await app.value<SessionStatus>('session.signOut')
    expect(signedOut).toEqual({ state: 'signed-out', storage: { kind: 'keychain' } })
    expect(await keychainRecord(service)).toBeNull()
    expect(app.events.map((e) => e.state)).toEqual(['signed-in', 'signed-out'])
    const after = await app.call('circles.list', {})
    expect(!after.ok && after.error.code).toBe('not_signed_in')

    // A restart finds nothing.
    await app.core.close()
    expect((await newCore().value<SessionStatus>('session.status')).state).toBe('signed-out')
  })

  it.skipIf(!keychain.available)(
    `after a restart, shows the saved session at once, even with Plannr unreachable${needsKeychain}`,
    async () => {
      const first = newCore()
      const choosing = await first.value<Choosing>('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm })
      const chosen = await first.value<SignedIn>('session.chooseAccount', { accountUuid: choosing.accounts[1]?.uuid })
      await first.core.close()

      sandbox.faults.offline = true
      const second = newCore()
      const restored = await second.value<SessionStatus>('session.status')
      expect(restored).toEqual(chosen)
      expect(second.events).toEqual([chosen])

      // The background re-check cannot reach Plannr: that is no reason to sign out.
      await second.core.close()
      expect(await second.value<SessionStatus>('session.status')).toEqual(chosen)
      expect(await keychainRecord(service)).toMatchObject({ kind: 'token', accountUuid: chosen.account.uuid })
    },
  )

  it.skipIf(!keychain.available)(
    `after a restart, signs out when the background re-check finds the token revoked${needsKeychain}`,
    async () => {
      const first = newCore()
      const signedIn = await first.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
      await first.core.close()
      // The same saved session, but with a token Plannr no longer accepts.
      const saved = (await keychainRecord(service)) as Record<string, unknown>
      await keytar.setPassword(service, KEYCHAIN_ACCOUNT, JSON.stringify({ ...saved, token: 'plannr-revoked-token' }))

      const second = newCore()
      expect(await second.value<SessionStatus>('session.status')).toEqual(signedIn)
      const signedOut = await waitForSession(second, (s) => s.state === 'signed-out')
      expect(signedOut).toEqual({ state: 'signed-out', storage: { kind: 'keychain' } })
      expect(await keychainRecord(service)).toBeNull()
      expect(second.transcript.join('\n')).not.toContain('plannr-revoked-token')
    },
  )

  it.skipIf(!keychain.available)(`reopens the demo after a restart${needsKeychain}`, async () => {
    const first = newCore()
    const demo = await first.value<SignedIn>('session.startDemo')
    await first.core.close()
    const second = newCore()
    expect(await second.value<SessionStatus>('session.status')).toEqual(demo)
  })

  it.skipIf(!keychain.available)(`a restart in the middle of choosing asks again${needsKeychain}`, async () => {
    const first = newCore()
    const choosing = await first.value<Choosing>('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm })
    await first.core.close()
    const second = newCore()
    expect(await second.value<SessionStatus>('session.status')).toEqual(choosing)
  })

  it.skipIf(!keychain.available)(`treats a corrupted keychain entry as signed out${needsKeychain}`, async () => {
    await keytar.setPassword(service, KEYCHAIN_ACCOUNT, '{"kind":"token","token":')
    const app = newCore()
    expect((await app.value<SessionStatus>('session.status')).state).toBe('signed-out')
    expect(await keychainRecord(service)).toBeNull()
    expect(app.log.entries.some((e) => e.level === 'warn' && /unreadable/.test(e.message))).toBe(true)
  })
})
