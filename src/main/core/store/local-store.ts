import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { CoreLog } from '../log'
import { AccountStore } from './account-store'
import { newStoreKey, PayloadCipher, PayloadUnreadable } from './crypto'
import { KeychainUnavailable, type StoreKeyStore } from './key-store'
import { migrate, NewerSchema } from './migrations'

export const STORE_NOTICES = {
  noKeychain:
    "Your system keychain isn't available, so Plannr Desktop keeps your Plannr data in memory for this session only. It will be downloaded again next time.",
  damaged:
    'The copy of your Plannr data saved on this computer could not be read. It has been set aside, and your data is being downloaded again from Plannr.',
  lostKey:
    'The key to the Plannr data saved on this computer is missing from your system keychain. That copy has been set aside, and your data is being downloaded again from Plannr.',
  newer:
    'The Plannr data saved on this computer was written by a newer version of Plannr Desktop. It has been set aside, and your data is being downloaded again from Plannr.',
} as const

export interface OpenedStore {
  store: AccountStore
  /** What the user should be told about how this store was opened, or null when all is well. */
  notice: string | null
}

export interface LocalStoreOptions {
  /** The app's data folder; databases live in its `stores/` folder. */
  dataDir: string
  keys: StoreKeyStore
  log: CoreLog
  now?: () => number
}

/** Names files and keychain entries: a hash of both, so that neither appears in clear and firms never share. */
export function storeId(baseUrl: string, accountUuid: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '').toLowerCase()
  return createHash('sha256').update(`${base}\n${accountUuid}`).digest('hex').slice(0, 32)
}

const KEY_CHECK = 'key-check'
const KEY_CHECK_TEXT = 'plannr-desktop-store'

class KeyMismatch extends Error {}

/**
 * Opens, sets aside and erases the per-account databases. Anything wrong with a file (damaged,
 * truncated, sealed with a key we no longer have, written by a newer version) sets it aside and starts
 * an empty one, with a notice for the user; a missing keychain gives a store in memory instead.
 */
export class LocalStore {
  private readonly dir: string
  private readonly now: () => number

  constructor(private readonly options: LocalStoreOptions) {
    this.dir = join(options.dataDir, 'stores')
    this.now = options.now ?? Date.now
  }

  pathOf(dbId: string): string {
    return join(this.dir, `${dbId}.sqlite`)
  }

  /** The store for an account; `persist: false` (e.g. the demo) keeps it in memory. */
  async open(baseUrl: string, accountUuid: string, persist = true): Promise<OpenedStore> {
    const dbId = storeId(baseUrl, accountUuid)
    if (!persist) return { store: this.inMemory(dbId), notice: null }
    try {
      return await this.openOnDisk(dbId)
    } catch (error) {
      if (!(error instanceof KeychainUnavailable)) throw error
      this.options.log.warn('Keychain unavailable; keeping this session’s data in memory', { reason: error.message })
      return { store: this.inMemory(dbId), notice: STORE_NOTICES.noKeychain }
    }
  }

  /**
   * Sets an open store's file aside and opens a fresh one in its place, e.g. when a record in it turned
   * out to be unreadable. The old store is closed.
   */
  async rebuild(old: AccountStore, baseUrl: string, accountUuid: string): Promise<OpenedStore> {
    old.close()
    if (old.location === 'memory') return { store: this.inMemory(old.id), notice: null }
    this.setAside(old.id, 'damaged')
    const opened = await this.open(baseUrl, accountUuid)
    return { store: opened.store, notice: opened.notice ?? STORE_NOTICES.damaged }
  }

  /** Deletes every database of these accounts (including set-aside copies) and their keys: sign-out. */
  async erase(baseUrl: string, accountUuids: readonly string[]): Promise<void> {
    for (const accountUuid of accountUuids) {
      const dbId = storeId(baseUrl, accountUuid)
      for (const file of this.filesOf(dbId)) rmSync(join(this.dir, file), { force: true })
      try {
        await this.options.keys.delete(dbId)
      } catch (error) {
        this.options.log.warn('Could not remove a store key from the keychain', { reason: error instanceof Error ? error.message : String(error) })
      }
    }
  }

  private async openOnDisk(dbId: string): Promise<OpenedStore> {
    const path = this.pathOf(dbId)
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    let key = await this.options.keys.get(dbId)
    let notice: string | null = null
    if (existsSync(path)) {
      if (key === null) {
        notice = STORE_NOTICES.lostKey
        this.setAside(dbId, 'no key')
      } else {
        try {
          return { store: this.openFile(dbId, key), notice: null }
        } catch (error) {
          notice = error instanceof NewerSchema ? STORE_NOTICES.newer : STORE_NOTICES.damaged
          this.options.log.warn('A saved store could not be opened; setting it aside', { reason: error instanceof Error ? error.message : String(error) })
          this.setAside(dbId, error instanceof NewerSchema ? 'newer' : 'damaged')
        }
      }
    }
    // A fresh file gets a fresh key: a key is never reused across files.
    key = newStoreKey()
    await this.options.keys.set(dbId, key)
    return { store: this.openFile(dbId, key), notice }
  }

  private openFile(dbId: string, key: Buffer): AccountStore {
    const db = new DatabaseSync(this.pathOf(dbId))
    try {
      // No integrity scan here (it reads the whole file on every start): damage shows as an error when
      // the schema or a record is read, and the owner sets the file aside then.
      db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;')
      migrate(db)
      checkKey(db, new PayloadCipher(key))
      return new AccountStore(db, key, 'disk', dbId)
    } catch (error) {
      db.close()
      throw error
    }
  }

  private inMemory(dbId: string): AccountStore {
    const db = new DatabaseSync(':memory:')
    migrate(db)
    return new AccountStore(db, newStoreKey(), 'memory', dbId)
  }

  private filesOf(dbId: string): string[] {
    if (!existsSync(this.dir)) return []
    return readdirSync(this.dir).filter((file) => file.startsWith(`${dbId}.`))
  }

  /** Renames the file and its WAL and shared-memory companions, so a stray WAL is never replayed into a new file. */
  private setAside(dbId: string, reason: string): void {
    const stamp = new Date(this.now()).toISOString().replace(/[:.]/g, '-')
    for (const suffix of ['', '-wal', '-shm']) {
      const from = `${this.pathOf(dbId)}${suffix}`
      if (existsSync(from)) renameSync(from, `${this.pathOf(dbId)}.set-aside-${stamp}${suffix}`)
    }
    this.options.log.warn('Set a saved store aside', { store: dbId, reason })
  }
}

/** A new file records a sealed marker; an existing one must open it, or the key is not this file's. */
function checkKey(db: DatabaseSync, cipher: PayloadCipher): void {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY_CHECK) as { value: Uint8Array } | undefined
  if (!row) {
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(KEY_CHECK, cipher.seal(KEY_CHECK, KEY_CHECK_TEXT))
    return
  }
  try {
    if (cipher.open(KEY_CHECK, row.value) === KEY_CHECK_TEXT) return
  } catch (error) {
    if (!(error instanceof PayloadUnreadable)) throw error
  }
  throw new KeyMismatch('the key in the keychain does not open this file')
}
