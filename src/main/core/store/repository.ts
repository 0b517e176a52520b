import type { AccountStore } from './account-store'

/** How a repository reads and identifies its records. `parse` throws on a payload it cannot read. */
export interface RecordCodec<T> {
  parse(json: unknown): T
  id(record: T): string
  /** Kept in clear for incremental sync; a timestamp, never content. */
  updatedAt(record: T): string | null
}

export interface QueryWindow<T> {
  filter?: (record: T) => boolean
  sort?: (a: T, b: T) => number
  /** Identifies filter + sort, so that paging through one search sorts once, not once per window. */
  key?: string
  offset?: number
  limit?: number
}

export interface QueryResult<T> {
  rows: T[]
  /** Records matching the filter. */
  total: number
  /** Every record of this kind. */
  grandTotal: number
}

interface Row {
  id: string
  payload: Uint8Array
}

/**
 * The records of one kind for one account. Reads come from memory, decrypted once when first used; every
 * write goes to the database first (in a transaction) and then to memory. A rolled-back transaction
 * makes the repository read the database again, so memory never shows what the file does not hold.
 */
export class Repository<T> {
  private records: Map<string, T> | null = null
  private list: T[] | null = null
  private sorted: { version: number; key: string; rows: T[] } | null = null
  private readonly listeners = new Set<() => void>()
  /** Bumped on every change; derived data (search indexes) is rebuilt when it moves. */
  version = 0

  constructor(
    private readonly store: AccountStore,
    readonly kind: string,
    private readonly codec: RecordCodec<T>,
  ) {}

  get size(): number {
    return this.map().size
  }

  all(): readonly T[] {
    this.list ??= [...this.map().values()]
    return this.list
  }

  get(id: string): T | undefined {
    return this.map().get(id)
  }

  /** Filtered, sorted, windowed; the sorted list is kept while nothing changes and the key is the same. */
  query(window: QueryWindow<T> = {}): QueryResult<T> {
    const key = window.key
    let rows: T[]
    if (key !== undefined && this.sorted?.version === this.version && this.sorted.key === key) {
      rows = this.sorted.rows
    } else {
      rows = window.filter ? this.all().filter(window.filter) : [...this.all()]
      if (window.sort) rows.sort(window.sort)
      if (key !== undefined) this.sorted = { version: this.version, key, rows }
    }
    const offset = window.offset ?? 0
    const limit = window.limit ?? rows.length
    return { rows: rows.slice(offset, offset + limit), total: rows.length, grandTotal: this.size }
  }

  /** Writes records as they came from Plannr; `pass` marks them seen by that full sync. */
  upsertPage(records: readonly T[], pass?: number): void {
    if (records.length === 0) return
    const map = this.map()
    this.store.transaction(() => {
      const statement = this.store.db.prepare(
        pass === undefined
          ? `INSERT INTO records (kind, id, updated_at, payload) VALUES (?, ?, ?, ?)
             ON CONFLICT (kind, id) DO UPDATE SET updated_at = excluded.updated_at, payload = excluded.payload`
          : `INSERT INTO records (kind, id, updated_at, payload, pass) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (kind, id) DO UPDATE SET updated_at = excluded.updated_at, payload = excluded.payload, pass = excluded.pass`,
      )
      for (const record of records) {
        const id = this.codec.id(record)
        const payload = this.store.seal(this.associated(id), JSON.stringify(record))
        const updatedAt = this.codec.updatedAt(record)
        if (pass === undefined) statement.run(this.kind, id, updatedAt, payload)
        else statement.run(this.kind, id, updatedAt, payload, pass)
        map.set(id, record)
      }
      this.touched()
      this.store.bump(this.kind)
    })
  }

  /** Changes one record in place (an answer to our own write); undefined when it is not here. */
  update(id: string, change: (record: T) => T): T | undefined {
    const current = this.get(id)
    if (current === undefined) return undefined
    const next = change(current)
    this.store.transaction(() => {
      this.store.db
        .prepare('UPDATE records SET updated_at = ?, payload = ? WHERE kind = ? AND id = ?')
        .run(this.codec.updatedAt(next), this.store.seal(this.associated(id), JSON.stringify(next)), this.kind, id)
      this.map().set(id, next)
      this.touched()
      this.store.bump(this.kind)
    })
    return next
  }

  remove(ids: readonly string[]): void {
    if (ids.length === 0) return
    this.store.transaction(() => {
      const statement = this.store.db.prepare('DELETE FROM records WHERE kind = ? AND id = ?')
      for (const id of ids) {
        statement.run(this.kind, id)
        this.map().delete(id)
      }
      this.touched()
      this.store.bump(this.kind)
    })
  }

  /**
   * After a complete full sync: everything not seen by it was deleted on the server — except `keep`
   * (records our own unsent writes made, which Plannr has not got yet). Returns the ids removed.
   */
  removeUnseen(pass: number, keep: ReadonlySet<string> = new Set()): string[] {
    const rows = this.store.db.prepare('SELECT id FROM records WHERE kind = ? AND pass < ?').all(this.kind, pass) as Array<{ id: string }>
    const ids = rows.map((row) => row.id).filter((id) => !keep.has(id))
    this.remove(ids)
    return ids
  }

  /** Called after each committed change. Returns the function that stops listening. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** @internal the store calls these around transactions. */
  forget(): void {
    this.records = null
    this.touchedLocally()
  }

  /** @internal */
  notify(): void {
    for (const listener of this.listeners) listener()
  }

  private touched(): void {
    this.touchedLocally()
    this.store.changed(this)
  }

  private touchedLocally(): void {
    this.version++
    this.list = null
    this.sorted = null
  }

  private associated(id: string): string {
    return `${this.kind}\0${id}`
  }

  /**
   * @internal Seals every record of this kind into one payload, marked with the kind's change counter:
   * the next start reads it in one piece while nothing has changed since.
   */
  writeSnapshot(): void {
    if (!this.records) return
    const version = this.store.versionOf(this.kind)
    const payload = this.store.seal(this.snapshotAssociated(), JSON.stringify([...this.records.values()]))
    this.store.db
      .prepare(
        `INSERT INTO snapshots (kind, version, payload) VALUES (?, ?, ?)
         ON CONFLICT (kind) DO UPDATE SET version = excluded.version, payload = excluded.payload`,
      )
      .run(this.kind, version, payload)
  }

  private snapshotAssociated(): string {
    return `snapshot\0${this.kind}`
  }

  /** Every record from the kind's snapshot when it is current, else null. */
  private fromSnapshot(): Map<string, T> | null {
    const row = this.store.db.prepare('SELECT version, payload FROM snapshots WHERE kind = ?').get(this.kind) as
      | { version: number; payload: Uint8Array }
      | undefined
    if (!row || row.version !== this.store.versionOf(this.kind)) return null
    const list: unknown = JSON.parse(this.store.open(this.snapshotAssociated(), row.payload))
    if (!Array.isArray(list)) throw new Error(`the ${this.kind} snapshot is not a list`)
    const records = new Map<string, T>()
    for (const json of list) {
      const record = this.codec.parse(json)
      records.set(this.codec.id(record), record)
    }
    return records
  }

  private map(): Map<string, T> {
    if (this.records) return this.records
    const snapshot = this.fromSnapshot()
    if (snapshot) {
      this.records = snapshot
      return snapshot
    }
    const rows = this.store.db.prepare('SELECT id, payload FROM records WHERE kind = ?').all(this.kind) as unknown as Row[]
    const records = new Map<string, T>()
    for (const row of rows) {
      // A payload that does not open or parse means the file is damaged: the store's owner sets it aside.
      records.set(row.id, this.codec.parse(JSON.parse(this.store.open(this.associated(row.id), row.payload))))
    }
    this.records = records
    // Read one record at a time: the next start need not.
    if (records.size > 0) this.store.snapshotSoon(this)
    return records
  }
}
