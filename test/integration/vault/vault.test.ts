import keytar from 'keytar'
import { afterEach, describe, expect, it } from 'vitest'
import { createTokenVault, type VaultRecord } from '../../../src/main/core/auth/vault'
import { memoryLog } from '../../../src/main/core/log'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'

const keychain = await probeKeychain()
const skipReason = keychain.available ? '' : ` — SKIPPED: ${keychain.reason}`
const KEYCHAIN_ACCOUNT = 'session'

const tokenRecord: VaultRecord = {
  kind: 'token',
  apiUrl: 'https://api.plannrcrm.com',
  token: 'pat-secret-1234567890',
  accountUuid: 'acc-1',
  profile: {
    user: { name: 'Priya Shah', email: 'priya@example.co.uk' },
    accounts: [
      { uuid: 'acc-1', name: 'Priya Shah', type: 'employee', role: 'adviser', firmName: 'Harbour', preferred: true },
    ],
  },
}

describe.skipIf(!keychain.available)(`token vault in the real OS keychain${skipReason}`, () => {
  const services: string[] = []
  function service(): string {
    const name = uniqueService('vault')
    services.push(name)
    return name
  }
  afterEach(async () => {
    for (const name of services.splice(0)) await keytar.deletePassword(name, KEYCHAIN_ACCOUNT)
  })

  it('starts empty, in the keychain', async () => {
    const vault = createTokenVault({ service: service(), log: memoryLog() })
    expect(await vault.load()).toBeNull()
    expect(vault.storage()).toEqual({ kind: 'keychain' })
  })

  it('keeps a token record in the keychain, readable by a later run', async () => {
    const name = service()
    await createTokenVault({ service: name, log: memoryLog() }).save(tokenRecord)

    const raw = await keytar.getPassword(name, KEYCHAIN_ACCOUNT)
    expect(raw).not.toBeNull()
    expect(JSON.parse(raw ?? '')).toEqual(tokenRecord)

    const later = createTokenVault({ service: name, log: memoryLog() })
    expect(await later.load()).toEqual(tokenRecord)
    expect(later.storage()).toEqual({ kind: 'keychain' })
  })

  it('round-trips a demo record, with and without an account', async () => {
    const name = service()
    const vault = createTokenVault({ service: name, log: memoryLog() })
    await vault.save({ kind: 'demo' })
    expect(await createTokenVault({ service: name, log: memoryLog() }).load()).toEqual({ kind: 'demo' })
    await vault.save({ kind: 'demo', accountUuid: 'acc-2' })
    expect(await createTokenVault({ service: name, log: memoryLog() }).load()).toEqual({
      kind: 'demo',
      accountUuid: 'acc-2',
    })
  })

  it('forgets the token on clear: nothing left in the keychain', async () => {
    const name = service()
    const vault = createTokenVault({ service: name, log: memoryLog() })
    await vault.save(tokenRecord)
    await vault.clear()
    expect(await vault.load()).toBeNull()
    expect(await keytar.getPassword(name, KEYCHAIN_ACCOUNT)).toBeNull()
    // Clearing an empty vault is not an error.
    await vault.clear()
  })

  it.each([
    ['text that is not JSON', 'pat-secret-in-garbage {'],
    ['JSON of the wrong shape', JSON.stringify({ kind: 'token', token: 'pat-secret-in-garbage' })],
    ['an unknown record kind', JSON.stringify({ kind: 'oauth', refresh: 'pat-secret-in-garbage' })],
  ])('treats a corrupted entry (%s) as signed out, deletes it and logs why without its contents', async (_label, garbage) => {
    const name = service()
    await keytar.setPassword(name, KEYCHAIN_ACCOUNT, garbage)
    const log = memoryLog()
    const vault = createTokenVault({ service: name, log })

    expect(await vault.load()).toBeNull()
    expect(vault.storage()).toEqual({ kind: 'keychain' })
    expect(await keytar.getPassword(name, KEYCHAIN_ACCOUNT)).toBeNull()
    const warnings = log.entries.filter((entry) => entry.level === 'warn')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.message).toMatch(/unreadable/)
    expect(JSON.stringify(log.entries)).not.toContain('pat-secret-in-garbage')
  })

  it('refuses to save a record that is not a valid one', async () => {
    const vault = createTokenVault({ service: service(), log: memoryLog() })
    const broken = { kind: 'token', apiUrl: '', token: '' } as unknown as VaultRecord
    await expect(vault.save(broken)).rejects.toThrow()
    expect(await vault.load()).toBeNull()
  })
})
