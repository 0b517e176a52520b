import type { DatabaseSync } from 'node:sqlite'
import { PayloadCipher } from './crypto'
import { Repository, type RecordCodec } from './repository'

/** What a sync engine remembers about one kind between runs. */
export interface SyncState {
  /** When the last successful sync (full or incremental) started, ISO time. */
  syncedAt: string | null
  /** When the last complete full pass started, ISO time. */
  fullSyncedAt: string | null
  /** The number of the last full pass started, for marking records seen. */
  pass: number
}

export type StoreLocation = 'disk' | 'memory'

/** How long a kind must go unchanged before its snapshot is written. */
const SNAPSHOT_QUIET_MS = 1_500

/**
 * One open database: the records, sync state and (later) the outbox of one account at one Plannr.
 * Writes go through `transaction`, which may nest (inner calls join the outer one); repositories hear
 * about changes after the outermost commit.
 */
export class AccountStore {
  private readonly cipher: PayloadCipher
  private readonly repositories = new Map<string, Repository<unknown>>()
  private depth = 0
  private readonly pending = new Set<Repository<unknown>>()
  /** Kinds changed since their snapshot was last written. */
  private readonly unsnapshotted = new Set<Repository<unknown>>()
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined
  private closed = false

  constructor(
    /** The database, for the outbox's own tables (added by its own migrations). */
    readonly db: DatabaseSync,
    key: Buffer,
    readonly location: StoreLocation,
    /** Stable id of this database, derived from (Plannr base URL, account uuid). */
    readonly id: string,
  ) {
    this.cipher = new PayloadCipher(key)
  }

  get isClosed(): boolean {
    return this.closed
  }

  /** The repository for a kind ("circles", "clients" …), created on first use. */
  repository<T>(kind: string, codec: RecordCodec<T>): Repository<T> {
    const existing = this.repositories.get(kind)
    if (existing) return existing as Repository<T>
    const created = new Repository<T>(this, kind, codec)
    this.repositories.set(kind, created as Repository<unknown>)
    return created
  }

  /** Every kind whose name starts with `prefix` that has been opened this run. */
  repositoriesOf(prefix: string): Repository<unknown>[] {
    return [...this.repositories.values()].filter((repository) => repository.kind.startsWith(prefix))
  }

  /** Runs `work` in one SQLite transaction: all of it is written, or none of it. */
  transaction<R>(work: () => R): R {
    if (this.depth > 0) {
      this.depth++
      try {
        return work()
      } finally {
        this.depth--
      }
    }
    this.db.exec('BEGIN IMMEDIATE')
    this.depth = 1
    let result: R
    try {
      result = work()
      this.db.exec('COMMIT')
    } catch (error) {
      this.depth = 0
      this.db.exec('ROLLBACK')
      // Memory may hold what was rolled back: read again from the file.
      for (const repository of this.pending) repository.forget()
      this.pending.clear()
      throw error
    }
    this.depth = 0
    const changed = [...this.pending]
    this.pending.clear()
    for (const repository of changed) this.snapshotSoon(repository)
    for (const repository of changed) repository.notify()
    return result
  }

  /** @internal A kind's change counter, bumped in every transaction that writes its records. */
  bump(kind: string): void {
    this.db.prepare('INSERT INTO kinds (kind, version) VALUES (?, 1) ON CONFLICT (kind) DO UPDATE SET version = version + 1').run(kind)
  }

  /** @internal */
  versionOf(kind: string): number {
    const row = this.db.prepare('SELECT version FROM kinds WHERE kind = ?').get(kind) as { version: number } | undefined
    return row?.version ?? 0
  }

  /**
   * @internal Writes the kind's snapshot once it has been quiet for a moment (a sync writes page after
   * page: one snapshot at the end, not one per page), and at the latest when the store closes.
   */
  snapshotSoon(repository: Repository<unknown> | Repository<never>): void {
    this.unsnapshotted.add(repository as Repository<unknown>)
    clearTimeout(this.snapshotTimer)
    this.snapshotTimer = setTimeout(() => {
      try {
        this.writeSnapshots()
      } catch {
        // Only a shortcut for the next start: without it the records are read one by one.
      }
    }, SNAPSHOT_QUIET_MS)
    this.snapshotTimer.unref?.()
  }

  /** Writes the snapshots of every kind changed since its last one. */
  writeSnapshots(): void {
    clearTimeout(this.snapshotTimer)
    if (this.closed || this.unsnapshotted.size === 0) return
    const repositories = [...this.unsnapshotted]
    this.unsnapshotted.clear()
    this.transaction(() => {
      for (const repository of repositories) repository.writeSnapshot()
    })
  }

  syncState(kind: string): SyncState {
    const row = this.db.prepare('SELECT synced_at, full_synced_at, pass FROM sync_state WHERE kind = ?').get(kind) as
      | { synced_at: string | null; full_synced_at: string | null; pass: number }
      | undefined
    return { syncedAt: row?.synced_at ?? null, fullSyncedAt: row?.full_synced_at ?? null, pass: row?.pass ?? 0 }
  }

  setSyncState(kind: string, state: SyncState): void {
    this.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sync_state (kind, synced_at, full_synced_at, pass) VALUES (?, ?, ?, ?)
           ON CONFLICT (kind) DO UPDATE SET synced_at = excluded.synced_at, full_synced_at = excluded.full_synced_at, pass = excluded.pass`,
        )
        .run(kind, state.syncedAt, state.fullSyncedAt, state.pass)
    })
  }

  /** Every kind ever synced into this database, with its state: what the status bar reports. */
  syncStates(): Array<{ kind: string } & SyncState> {
    const rows = this.db.prepare('SELECT kind, synced_at, full_synced_at, pass FROM sync_state').all() as Array<{
      kind: string
      synced_at: string | null
      full_synced_at: string | null
      pass: number
    }>
    return rows.map((row) => ({ kind: row.kind, syncedAt: row.synced_at, fullSyncedAt: row.full_synced_at, pass: row.pass }))
  }

  /** Seals text for the file (e.g. an outbox job); `associated` binds it to its row. */
  seal(associated: string, text: string): Uint8Array {
    return this.cipher.seal(associated, text)
  }

  open(associated: string, sealed: Uint8Array): string {
    return this.cipher.open(associated, sealed)
  }

  close(): void {
    if (this.closed) return
    try {
      this.writeSnapshots()
    } catch {
      // A snapshot is only a shortcut: the records themselves are all written already.
    }
    this.closed = true
    this.db.close()
  }

  /** @internal repositories report their writes here. */
  changed(repository: Repository<unknown> | Repository<never>): void {
    this.pending.add(repository as Repository<unknown>)
  }
}
