import keytar from 'keytar'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { SESSION_REFUSED_NOTICE, TOKEN_REJECTED_MESSAGE } from '../../../src/main/core/features/session'
import { SANDBOX_TOKENS, startSandbox, tokenFingerprint, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rm } from 'node:fs/promises'
import { ALL_TOKENS, clearKeychain, dataDirFor, keychainEntries, sessionFile, startCore, waitForSession, type TestCore } from './helpers'

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
    if (keychain.available) await clearKeychain(service)
    await rm(dataDirFor(service), { recursive: true, force: true })
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

  it('switches account while signed in, each account keeping its own data apart', async () => {
    const app = newCore()
    const choosing = await app.value<Choosing>('session.signInWithToken', { token: SANDBOX_TOKENS.multiFirm })
    const [harbour, northgate] = choosing.accounts
    await app.value('session.chooseAccount', { accountUuid: harbour?.uuid })
    const list = async () => (await app.value<{ rows: Array<{ uuid: string }>; total: number }>('circles.list', { limit: 500 }))
    const harbourCircles = await list()

    sandbox.clearRequests()
    const switched = await app.value<SignedIn>('session.chooseAccount', { accountUuid: northgate?.uuid })
    expect(switched.account).toEqual(northgate)
    const northgateCircles = await list()
    expect(northgateCircles.total).toBe(30)
    expect(northgateCircles.rows.map((r) => r.uuid)).not.toEqual(expect.arrayContaining(harbourCircles.rows.map((r) => r.uuid).slice(0, 1)))
    const fetched = sandbox.requests.filter((r) => r.path === '/api/v1/circles')
    expect(fetched.length).toBeGreaterThan(0)
    for (const request of fetched) expect(request.headers['x-plannr-account-uuid']).toBe(northgate?.uuid)

    const back = await app.value<SignedIn>('session.chooseAccount', { accountUuid: harbour?.uuid })
    expect(back.account).toEqual(harbour)
    expect((await list()).rows.map((r) => r.uuid)).toEqual(harbourCircles.rows.map((r) => r.uuid))
    expect((await sessionFile(service))?.current).toMatchObject({ accountUuid: harbour?.uuid })
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
    if (keychain.available) expect(await keychainEntries(service)).toEqual({})
    expect(await sessionFile(service)).toBeNull()
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
    // The demo's token is the sandbox's: nothing goes to the keychain, the file remembers the choice.
    if (keychain.available) expect(await keychainEntries(service)).toEqual({})
    expect((await sessionFile(service))?.current).toMatchObject({ kind: 'demo', accountUuid: status.account.uuid })
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
    if (keychain.available) expect(await keychainEntries(service)).toEqual({})
    expect((await sessionFile(service))?.current).toBeNull()
  })

  it.skipIf(!keychain.available)(`keeps the token in the keychain and forgets it on sign-out${needsKeychain}`, async () => {
    const app = newCore()
    const signedIn = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    // Only the secret is in the keychain (one entry per login); the rest is in the session file.
    const entries = await keychainEntries(service)
    expect(Object.values(entries)).toEqual([{ accessToken: SANDBOX_TOKENS.adviser }])
    const file = await sessionFile(service)
    expect(file?.current).toMatchObject({
      login: Object.keys(entries)[0],
      kind: 'token',
      apiUrl: sandbox.url,
      accountUuid: signedIn.account.uuid,
      user: signedIn.user,
      accounts: signedIn.accounts,
    })
    expect(JSON.stringify(file)).not.toContain(SANDBOX_TOKENS.adviser)

    const signedOut = await app.value<SessionStatus>('session.signOut')
    expect(signedOut).toEqual({ state: 'signed-out', storage: { kind: 'keychain' } })
    expect(await keychainEntries(service)).toEqual({})
    expect(await sessionFile(service)).toEqual({ version: 1, current: null, signedOut: [] })
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
      expect((await sessionFile(service))?.current).toMatchObject({ kind: 'token', accountUuid: chosen.account.uuid })
      expect(Object.values(await keychainEntries(service))).toEqual([{ accessToken: SANDBOX_TOKENS.multiFirm }])
    },
  )

  it.skipIf(!keychain.available)(
    `after a restart, signs out when the background re-check finds the token revoked${needsKeychain}`,
    async () => {
      const first = newCore()
      const signedIn = await first.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
      await first.core.close()
      // The same saved session, but with a token Plannr no longer accepts.
      const [login] = Object.keys(await keychainEntries(service))
      await keytar.setPassword(service, login ?? '', JSON.stringify({ accessToken: 'plannr-revoked-token' }))

      const second = newCore()
      expect(await second.value<SessionStatus>('session.status')).toEqual(signedIn)
      const signedOut = await waitForSession(second, (s) => s.state === 'signed-out')
      expect(signedOut).toEqual({ state: 'signed-out', storage: { kind: 'keychain' }, notice: SESSION_REFUSED_NOTICE })
      expect(await keychainEntries(service)).toEqual({})
      expect((await sessionFile(service))?.current).toBeNull()
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
    const first = newCore()
    await first.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    await first.core.close()
    const [login] = Object.keys(await keychainEntries(service))
    await keytar.setPassword(service, login ?? '', '{"accessToken":')

    const app = newCore()
    expect((await app.value<SessionStatus>('session.status')).state).toBe('signed-out')
    expect(await keychainEntries(service)).toEqual({})
    expect(app.log.entries.some((e) => e.level === 'warn' && /no usable keychain entry/.test(e.message))).toBe(true)
  })

  it.each([
    ['text that is not JSON', '{"version": 1, "current": {"login": 7}'],
    ['JSON of the wrong shape', JSON.stringify({ version: 1, current: { login: 7, kind: 'oauth' }, signedOut: [] })],
    ['a version this build does not know', JSON.stringify({ version: 9, current: null, signedOut: [] })],
  ])('sets a corrupt session file (%s) aside with a log line, and starts signed out', async (_label, garbage) => {
    const first = newCore()
    await first.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    await first.core.close()
    await writeFile(join(dataDirFor(service), 'session.json'), garbage)

    const app = newCore()
    expect((await app.value<SessionStatus>('session.status')).state).toBe('signed-out')
    const warning = app.log.entries.find((e) => e.level === 'warn' && /session file was unreadable/.test(e.message))
    expect(warning).toBeDefined()
    const { readdir } = await import('node:fs/promises')
    const files = await readdir(dataDirFor(service))
    expect(files.some((name) => name.startsWith('session.json.unreadable-'))).toBe(true)
    // And the app carries on: a new sign-in works and is remembered again.
    expect((await app.value<SessionStatus>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })).state).toBe('signed-in')
    expect((await sessionFile(service))?.current).toMatchObject({ kind: 'token' })
  })
})
