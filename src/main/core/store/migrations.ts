import type { DatabaseSync } from 'node:sqlite'

/**
 * The schema, one numbered step at a time (PRAGMA user_version is the last step applied). Append only:
 * a released step is never edited. Only ids, kinds, timestamps and pass numbers are in clear; every
 * record's content is in `payload`, sealed (crypto.ts).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: records of every kind, per-kind sync state, and facts about the database itself.
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID;
   CREATE TABLE records (
     kind TEXT NOT NULL,
     id TEXT NOT NULL,
     updated_at TEXT,
     pass INTEGER NOT NULL DEFAULT 0,
     payload BLOB NOT NULL,
     PRIMARY KEY (kind, id)
   ) WITHOUT ROWID;
   CREATE TABLE sync_state (
     kind TEXT PRIMARY KEY,
     synced_at TEXT,
     full_synced_at TEXT,
     pass INTEGER NOT NULL DEFAULT 0
   ) WITHOUT ROWID;`,
  // 2: a change counter per kind, and one sealed copy of all of a kind's records written when that
  //    kind is quiet, so a start opens one payload instead of one per record.
  `CREATE TABLE kinds (kind TEXT PRIMARY KEY, version INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
   CREATE TABLE snapshots (kind TEXT PRIMARY KEY, version INTEGER NOT NULL, payload BLOB NOT NULL) WITHOUT ROWID;`,
  // 3: the outbox: our own writes waiting for Plannr, in the order they were made. `record_key` orders
  //    the jobs of one record; `user_uuid` is who made the write (another user's jobs are held). A delivered
  //    job is kept a day with the id of what it created, so a later lookup never claims that record twice.
  `CREATE TABLE outbox (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     record_key TEXT NOT NULL,
     kind TEXT NOT NULL,
     user_uuid TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL DEFAULT 0,
     first_sent_at INTEGER,
     payload BLOB NOT NULL,
     last_error BLOB,
     result_uuid TEXT,
     done_at INTEGER
   );
   CREATE INDEX outbox_by_record ON outbox (record_key, seq);`,
]

export class NewerSchema extends Error {}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined
  return row?.user_version ?? 0
}

/** Brings the database up to date, each step in its own transaction. */
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): void {
  const current = schemaVersion(db)
  if (current > migrations.length) {
    throw new NewerSchema(`schema ${current} is newer than this version of Plannr Desktop knows (${migrations.length})`)
  }
  for (let step = current; step < migrations.length; step++) {
    db.exec('BEGIN IMMEDIATE')
    try {
      db.exec(migrations[step] as string)
      db.exec(`PRAGMA user_version = ${step + 1}`)
      db.exec('COMMIT')
    } catch (error) {
      db.exec('ROLLBACK')
      throw error
    }
  }
}
