import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SessionStatus } from '@shared/models/session'
import { createKeychainVault } from '../../../../src/main/core/auth/vault'
import { memoryLog } from '../../../../src/main/core/log'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../../src/main/sandbox'
import { uniqueService } from '../../../support/keychain-probe'
import { startCore } from '../../session/helpers'

/**
 * Runs in a process started without D-Bus (see ../no-keychain.test.ts), so keytar's calls fail for
 * real: "Cannot autolaunch D-Bus without X11 $DISPLAY".
 */
describe('with no Secret Service reachable', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('really has no D-Bus session', () => {
    expect(process.env.DBUS_SESSION_BUS_ADDRESS).toBeUndefined()
    expect(process.env.DISPLAY).toBeUndefined()
  })

  it('the vault falls back to memory for this session, with the reason, and never fails the caller', async () => {
    const log = memoryLog()
    const vault = createKeychainVault({ service: uniqueService('no-keychain'), log })
    expect(await vault.get('login-a')).toBeNull()
    const storage = vault.storage()
    expect(storage.kind).toBe('session-only')
    if (storage.kind === 'session-only') {
      expect(storage.reason).toMatch(/keychain is not available/)
      expect(storage.reason).toMatch(/D-Bus/)
      expect(storage.reason).toMatch(/until Plannr Desktop is closed/)
    }
    await vault.set('login-a', 'secret-1')
    expect(await vault.get('login-a')).toBe('secret-1')
    expect(await vault.delete('login-a')).toBe(true)
    expect(await vault.get('login-a')).toBeNull()
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1)
  })

  it('a save that fails part-way also degrades instead of failing', async () => {
    const vault = createKeychainVault({ service: uniqueService('no-keychain-save'), log: memoryLog() })
    await vault.set('login-a', 'pat-1')
    expect(vault.storage().kind).toBe('session-only')
    expect(await vault.get('login-a')).toBe('pat-1')
  })

  it('sign-in still works for the session, says where the token lives, and is gone after a restart', async () => {
    const service = uniqueService('no-keychain-core')
    const app = startCore(sandbox, service)
    const initial = await app.value<SessionStatus>('session.status')
    expect(initial.state).toBe('signed-out')
    expect(initial.storage.kind).toBe('session-only')

    const signedIn = await app.value<SessionStatus>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect(signedIn.state).toBe('signed-in')
    expect(signedIn.storage).toEqual(initial.storage)
    expect(await app.value<SessionStatus>('session.status')).toEqual(signedIn)
    expect(app.transcript.join('\n')).not.toContain(SANDBOX_TOKENS.adviser)
    await app.core.close()

    const restarted = startCore(sandbox, service)
    expect((await restarted.value<SessionStatus>('session.status')).state).toBe('signed-out')
    await restarted.core.close()
  })
})
