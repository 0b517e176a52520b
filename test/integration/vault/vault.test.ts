import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { createKeychainVault } from '../../../src/main/core/auth/vault'
import { memoryLog } from '../../../src/main/core/log'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'

const keychain = await probeKeychain()
const skipReason = keychain.available ? '' : ` — SKIPPED: ${keychain.reason}`

const SECRET = JSON.stringify({ accessToken: 'pat-secret-1234567890' })

describe.skipIf(!keychain.available)(`secret vault in the real OS keychain${skipReason}`, () => {
  const entries: Array<[string, string]> = []
  function service(): string {
    return uniqueService('vault')
  }
  afterEach(async () => {
    for (const [name, entry] of entries.splice(0)) await keytar.deletePassword(name, entry)
  })

  it('starts empty, in the keychain', async () => {
    const vault = createKeychainVault({ service: service(), log: memoryLog() })
    expect(await vault.get('login-a')).toBeNull()
    expect(vault.storage()).toEqual({ kind: 'keychain' })
  })

  it('keeps one entry per login in the keychain, readable by a later run', async () => {
    const name = service()
    entries.push([name, 'login-a'], [name, 'login-b'])
    const vault = createKeychainVault({ service: name, log: memoryLog() })
    await vault.set('login-a', SECRET)
    await vault.set('login-b', 'other')

    expect(await keytar.getPassword(name, 'login-a')).toBe(SECRET)
    expect(await keytar.getPassword(name, 'login-b')).toBe('other')
    const later = createKeychainVault({ service: name, log: memoryLog() })
    expect(await later.get('login-a')).toBe(SECRET)
    expect(later.storage()).toEqual({ kind: 'keychain' })
  })

  it('deletes an entry and says so; deleting what is not there is not an error', async () => {
    const name = service()
    const vault = createKeychainVault({ service: name, log: memoryLog() })
    await vault.set('login-a', SECRET)
    expect(await vault.delete('login-a')).toBe(true)
    expect(await keytar.getPassword(name, 'login-a')).toBeNull()
    expect(await vault.delete('login-a')).toBe(true)
  })

  it('reports a delete the keychain refuses, logging the entry but never the secret', async () => {
    const name = service()
    entries.push([name, 'login-a'])
    const log = memoryLog()
    const vault = createKeychainVault({
      service: name,
      log,
      // The real keychain, except that removing entries fails as a locked or broken keyring would.
      backend: async () => ({
        getPassword: (s, a) => keytar.getPassword(s, a),
        setPassword: (s, a, p) => keytar.setPassword(s, a, p),
        deletePassword: async () => {
          throw new Error('The keyring is locked')
        },
      }),
    })
    await vault.set('login-a', SECRET)
    expect(await vault.delete('login-a')).toBe(false)
    expect(await keytar.getPassword(name, 'login-a')).toBe(SECRET)
    expect(log.entries.some((entry) => entry.level === 'error' && /Could not remove/.test(entry.message))).toBe(true)
    expect(JSON.stringify(log.entries)).not.toContain('pat-secret')
  })
})
