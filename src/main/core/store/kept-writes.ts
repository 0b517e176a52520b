import type { DatabaseSync } from 'node:sqlite'

/*
 * Signing out with writes not yet on Plannr: the account's database keeps those writes (sealed, as
 * always, with the key left in the keychain) and loses everything else — every cached record, snapshot
 * and sync state, wiped from the file's free pages and its write-ahead log too. The next sign-in of the
 * user who made them applies their optimistic changes again; anyone else finds them held.
 */

const UNSENT = "('pending', 'sending', 'needs-attention')"
/** meta key: the users whose kept writes must have their optimistic changes applied again. */
const REAPPLY = 'outbox-reapply'

function reapplyList(db: DatabaseSync): string[] {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(REAPPLY) as { value: Uint8Array | string } | undefined
  if (!row) return []
  try {
    const list: unknown = JSON.parse(typeof row.value === 'string' ? row.value : Buffer.from(row.value).toString('utf8'))
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []
  } catch {
    return []
  }
}

function setReapplyList(db: DatabaseSync, users: readonly string[]): void {
  if (users.length === 0) db.prepare('DELETE FROM meta WHERE key = ?').run(REAPPLY)
  else db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(REAPPLY, Buffer.from(JSON.stringify(users)))
}

/**
 * Clears an open (not otherwise in use) database down to its unsent writes; returns how many there are.
 * With none, nothing is changed: the caller deletes the file.
 */
export function keepOnlyUnsent(db: DatabaseSync): number {
  const users = db.prepare(`SELECT DISTINCT user_uuid FROM outbox WHERE state IN ${UNSENT}`).all() as Array<{ user_uuid: string }>
  if (users.length === 0) return 0
  // Freed pages are overwritten with zeros, not left holding sealed records whose key stays behind.
  db.exec('PRAGMA secure_delete = ON')
  db.exec('BEGIN IMMEDIATE')
  try {
    db.exec('DELETE FROM records; DELETE FROM snapshots; DELETE FROM sync_state; DELETE FROM kinds;')
    // Delivered jobs go too, but for those a kept, uncertain create may still need: their result ids stop
    // its lookup from claiming a record another write made.
    db.exec(
      `DELETE FROM outbox WHERE state NOT IN ${UNSENT} AND NOT (state = 'done' AND kind IN (SELECT kind FROM outbox WHERE state = 'sending'))`,
    )
    setReapplyList(db, [...new Set([...reapplyList(db), ...users.map((row) => row.user_uuid)])])
    db.exec('COMMIT')
  } catch (error) {
    db.exec('ROLLBACK')
    throw error
  }
  // Rewrites the file without the free pages, then empties the write-ahead log into it.
  db.exec('VACUUM')
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  const row = db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE state IN ${UNSENT}`).get() as { n: number }
  return row.n
}

/**
 * Whether this user's kept writes still need their optimistic changes applied; true once, then cleared
 * for them. Call in the transaction that applies them.
 */
export function takeReapply(db: DatabaseSync, userUuid: string): boolean {
  const users = reapplyList(db)
  if (!users.includes(userUuid)) return false
  setReapplyList(
    db,
    users.filter((user) => user !== userUuid),
  )
  return true
}
