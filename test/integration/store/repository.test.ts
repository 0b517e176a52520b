import { afterAll, describe, expect, it } from 'vitest'
import keytar from 'keytar'
import { memoryLog } from '../../../src/main/core/log'
import { keychainKeyStore, LocalStore, MIGRATIONS, type AccountStore, type RecordCodec } from '../../../src/main/core/store'
import { tempDataDir } from '../../support/core-harness'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'

/*
 * Repositories over a real SQLite file with its key in the real keychain: writes are all-or-nothing,
 * memory never shows what the file does not hold, and a start never reads a stale snapshot.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Repository tests skipped — ${keychain.reason}`)

interface Note {
  uuid: string
  text: string
  updated_at: string | null
}

const codec: RecordCodec<Note> = {
  parse: (json) => json as Note,
  id: (note) => note.uuid,
  updatedAt: (note) => note.updated_at,
}

const note = (uuid: string, text: string): Note => ({ uuid, text, updated_at: '2026-01-01T00:00:00Z' })

describe.skipIf(!keychain.available)('repositories over the store (real file, real keychain)', () => {
  const service = uniqueService('repository')
  const dataDir = tempDataDir()
  const local = new LocalStore({ dataDir, keys: keychainKeyStore(service), log: memoryLog() })
  const open = async (): Promise<AccountStore> => (await local.open('https://plannr.test', 'account-1')).store

  afterAll(async () => {
    for (const credential of await keytar.findCredentials(service)) await keytar.deletePassword(service, credential.account)
  })

  it('upserts, queries with filter, sort and window, and removes', async () => {
    const store = await open()
    const notes = store.repository('notes', codec)
    notes.upsertPage([note('b', 'beta'), note('a', 'alpha'), note('c', 'gamma')])
    notes.upsertPage([note('b', 'beta two')])
    const page = notes.query({ filter: (n) => n.text !== 'gamma', sort: (x, y) => x.text.localeCompare(y.text), offset: 0, limit: 1 })
    expect(page).toEqual({ rows: [note('a', 'alpha')], total: 2, grandTotal: 3 })
    notes.remove(['a'])
    expect(notes.all().map((n) => n.text).sort()).toEqual(['beta two', 'gamma'])
    store.close()
  })

  it('writes all of a transaction or none of it, in the file and in memory', async () => {
    const store = await open()
    const notes = store.repository('notes', codec)
    const before = notes.all().map((n) => n.uuid).sort()
    expect(() =>
      store.transaction(() => {
        notes.upsertPage([note('d', 'delta')])
        notes.remove(['b'])
        throw new Error('the optimistic change failed half-way')
      }),
    ).toThrow('half-way')
    expect(notes.all().map((n) => n.uuid).sort()).toEqual(before)
    store.close()
    const again = (await open()).repository('notes', codec)
    expect(again.all().map((n) => n.uuid).sort()).toEqual(before)
  })

  it('starts from the snapshot only while it is current: a change after it is never lost', async () => {
    let store = await open()
    let notes = store.repository('notes', codec)
    notes.upsertPage([note('e', 'epsilon')])
    store.close() // writes the snapshot
    store = await open()
    notes = store.repository('notes', codec)
    expect(notes.get('e')?.text).toBe('epsilon')
    notes.upsertPage([note('e', 'epsilon two')])
    // Leave without the close that would write a new snapshot, as a crash would.
    store.db.close()
    store = await open()
    expect(store.repository('notes', codec).get('e')?.text).toBe('epsilon two')
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2)
    store.close()
  })

  it('keeps a database in memory when asked (the demo), with the same repositories', async () => {
    const { store, notice } = await local.open('https://plannr.test', 'demo-account', false)
    expect(store.location).toBe('memory')
    expect(notice).toBeNull()
    store.repository('notes', codec).upsertPage([note('z', 'zeta')])
    expect(store.repository('notes', codec).size).toBe(1)
    store.close()
  })
})
