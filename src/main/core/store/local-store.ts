import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import type { CoreLog } from '../log'
import { AccountStore } from './account-store'
import { newStoreKey, PayloadCipher, PayloadUnreadable } from './crypto'
import { KeychainUnavailable, type StoreKeyStore } from './key-store'
import { keepOnlyUnsent } from './kept-writes'
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

  /**
   * Sign-out (the stores must be closed): each account's cached Plannr data goes — set-aside copies too.
   * A database holding writes not yet on Plannr keeps those alone, sealed, with its key, for when their
   * user signs in again; any other database is deleted with its key. Returns how many writes were kept.
   */
  async signOut(baseUrl: string, accountUuids: readonly string[]): Promise<number> {
    let kept = 0
    for (const accountUuid of accountUuids) {
      const dbId = storeId(baseUrl, accountUuid)
      const writes = await this.keptWrites(dbId)
      if (writes === 0) {
        await this.erase(dbId)
        continue
      }
      kept += writes
      for (const file of this.filesOf(dbId)) if (file.includes('.set-aside-')) rmSync(join(this.dir, file), { force: true })
    }
    return kept
  }

  /** Clears the database down to its unsent writes; 0 (nothing kept) when there are none or it cannot be read. */
  private async keptWrites(dbId: string): Promise<number> {
    if (!existsSync(this.pathOf(dbId))) return 0
    try {
      const key = await this.options.keys.get(dbId)
      if (key === null) return 0
      const db = new DatabaseSync(this.pathOf(dbId))
      try {
        db.exec('PRAGMA busy_timeout = 5000;')
        migrate(db)
        checkKey(db, new PayloadCipher(key))
        return keepOnlyUnsent(db)
      } finally {
        db.close()
      }
    } catch (error) {
      // Writes that cannot be read could never be sent: the file goes like any other.
      this.options.log.warn('Could not keep unsent writes at sign-out; deleting the store', { reason: error instanceof Error ? error.message : String(error) })
      return 0
    }
  }

  /** Deletes a database (set-aside copies too) and its key. */
  private async erase(dbId: string): Promise<void> {
    for (const file of this.filesOf(dbId)) rmSync(join(this.dir, file), { force: true })
    try {
      await this.options.keys.delete(dbId)
    } catch (error) {
      this.options.log.warn('Could not remove a store key from the keychain', { reason: error instanceof Error ? error.message : String(error) })
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
