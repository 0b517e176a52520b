import { randomUUID } from 'node:crypto'
import type { AccountStore } from '../store'
import type { CoreLog } from '../log'
import { JobError, JobPayload, JOB_STATES, type Job, type JobState } from './jobs'

interface Row {
  seq: number
  id: string
  record_key: string
  state: string
  attempts: number
  next_attempt_at: number
  first_sent_at: number | null
  user_uuid: string
  payload: Uint8Array
  last_error: Uint8Array | null
  result_uuid: string | null
}

/** Payloads as JSON, once each (payloads are cached and never changed in place). */
const texts = new WeakMap<JobPayload, string>()
function textOf(payload: JobPayload): string {
  let text = texts.get(payload)
  if (text === undefined) {
    text = JSON.stringify(payload)
    texts.set(payload, text)
  }
  return text
}

/** How long a delivered job is kept (its result id stops lookups from claiming that record again). */
const DONE_KEPT_MS = 24 * 60 * 60 * 1000

const COLUMNS = 'seq, id, record_key, state, attempts, next_attempt_at, first_sent_at, user_uuid, payload, last_error, result_uuid'

/**
 * The outbox table of one account store: jobs written, read and changed in the store's transactions, so a
 * job and its optimistic change are written together or not at all. Payloads and errors are sealed.
 */
export class OutboxTable {
  private readonly listeners = new Set<() => void>()
  /** Opened payloads and errors by row, with the sealed bytes they came from (see `opened`). */
  private readonly cache = new Map<string, { sealed: Uint8Array; value: unknown }>()

  constructor(
    readonly store: AccountStore,
    private readonly log: CoreLog,
  ) {}

  /** Adds a job; call inside the transaction that applies its optimistic change. */
  insert(payload: JobPayload, recordKey: string, userUuid: string): Job {
    const id = randomUUID()
    const sealed = this.store.seal(this.associated(id), JSON.stringify(payload))
    this.store.db
      .prepare('INSERT INTO outbox (id, record_key, kind, user_uuid, payload) VALUES (?, ?, ?, ?, ?)')
      .run(id, recordKey, payload.kind, userUuid, sealed)
    this.changed()
    return this.get(id) as Job
  }

  get(id: string): Job | undefined {
    const row = this.store.db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`).get(id) as Row | undefined
    return row ? (this.read(row) ?? undefined) : undefined
  }

  /** Jobs not yet delivered, oldest first; a job that cannot be read is set aside (and logged), not returned. */
  unsent(): Job[] {
    const rows = this.store.db
      .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention') ORDER BY seq`)
      .all() as unknown as Row[]
    const jobs: Job[] = []
    for (const row of rows) {
      const job = this.read(row)
      if (job) jobs.push(job)
    }
    return jobs
  }

  /** One user's jobs not yet delivered, of these kinds only (chosen from the columns in clear), oldest first. */
  unsentOf(userUuid: string, kinds: readonly JobPayload['kind'][]): Job[] {
    if (kinds.length === 0) return []
    const rows = this.store.db
      .prepare(
        `SELECT ${COLUMNS} FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention') AND user_uuid = ? AND kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY seq`,
      )
      .all(userUuid, ...kinds) as unknown as Row[]
    return rows.map((row) => this.read(row)).filter((job): job is Job => job !== null)
  }

  /** How many unsent writes were made by users other than this one (held: never sent for someone else). */
  heldFor(userUuid: string | null): number {
    const row = this.store.db
      .prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention') AND user_uuid IS NOT ?")
      .get(userUuid) as { n: number }
    return row.n
  }

  /**
   * The first unsent job of each record and user, from the columns kept in clear (nothing is decrypted):
   * what the sender chooses from. Oldest first. Per user, so that writes held for another user never hold
   * up the signed-in user's writes to the same record.
   */
  heads(): Array<{ id: string; recordKey: string; state: string; userUuid: string; nextAttemptAt: number }> {
    const rows = this.store.db
      .prepare(
        // One pass over the unsent rows; SQLite takes the bare columns from the row with the MIN.
        `SELECT MIN(seq) AS seq, id, record_key, state, user_uuid, next_attempt_at FROM outbox
         WHERE state IN ('pending', 'sending', 'needs-attention')
         GROUP BY record_key, user_uuid
         ORDER BY seq`,
      )
      .all() as Array<{ id: string; record_key: string; state: string; user_uuid: string; next_attempt_at: number }>
    return rows.map((row) => ({ id: row.id, recordKey: row.record_key, state: row.state, userUuid: row.user_uuid, nextAttemptAt: row.next_attempt_at }))
  }

  /** How many writes are waiting (held ones included). */
  count(): number {
    const row = this.store.db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention')").get() as { n: number }
    return row.n
  }

  /** Record ids already matched to a delivered job of this kind: a lookup must not claim them again. */
  claimed(kind: JobPayload['kind']): Set<string> {
    const rows = this.store.db.prepare("SELECT result_uuid FROM outbox WHERE kind = ? AND state = 'done' AND result_uuid IS NOT NULL").all(kind) as Array<{
      result_uuid: string
    }>
    return new Set(rows.map((row) => row.result_uuid))
  }

  /** Marks a job as handed to Plannr, before the request leaves: after a crash it is known to be uncertain. */
  markSending(job: Job, now: number): Job {
    this.store.transaction(() => {
      this.store.db
        .prepare("UPDATE outbox SET state = 'sending', attempts = attempts + 1, first_sent_at = COALESCE(first_sent_at, ?) WHERE id = ?")
        .run(now, job.id)
    })
    this.changed()
    return { ...job, state: 'sending', attempts: job.attempts + 1, firstSentAt: job.firstSentAt ?? now }
  }

  /** Waits for another try at `at`; `state` stays 'sending' while an earlier attempt may have reached Plannr. */
  retryLater(job: Job, state: 'pending' | 'sending', at: number, error: JobError): void {
    this.store.transaction(() => {
      this.store.db
        .prepare('UPDATE outbox SET state = ?, next_attempt_at = ?, last_error = ? WHERE id = ?')
        .run(state, at, this.sealError(job.id, error), job.id)
    })
    this.changed()
  }

  needsAttention(job: Job, error: JobError): void {
    this.store.transaction(() => {
      this.store.db.prepare("UPDATE outbox SET state = 'needs-attention', last_error = ? WHERE id = ?").run(this.sealError(job.id, error), job.id)
    })
    this.changed()
  }

  /** Call inside the transaction that reconciles the store with Plannr's answer. */
  markDone(job: Job, resultUuid: string | null, now: number): void {
    this.store.db.prepare("UPDATE outbox SET state = 'done', result_uuid = ?, done_at = ?, last_error = NULL WHERE id = ?").run(resultUuid, now, job.id)
    this.store.db.prepare("DELETE FROM outbox WHERE state = 'done' AND done_at < ?").run(now - DONE_KEPT_MS)
    this.forget(job.id)
    this.changed()
  }

  /** Sends a job again, with a changed payload when the user fixed it; the next attempt is now. */
  requeue(job: Job, payload: JobPayload = job.payload): void {
    this.store.transaction(() => {
      this.store.db
        .prepare("UPDATE outbox SET state = CASE WHEN state = 'sending' THEN 'sending' ELSE 'pending' END, next_attempt_at = 0, payload = ?, last_error = NULL WHERE id = ?")
        .run(this.store.seal(this.associated(job.id), JSON.stringify(payload)), job.id)
    })
    this.changed()
  }

  /** Call inside the transaction that rolls the job's optimistic change back. */
  delete(job: Job): void {
    this.store.db.prepare('DELETE FROM outbox WHERE id = ?').run(job.id)
    this.forget(job.id)
    this.changed()
  }

  /**
   * A record made offline got its real id: later jobs that name the temporary one (a message to a new
   * conversation, an edit of a new message) are rewritten to the real one. Such a job is of the same record
   * as the job that made it, or of the new record itself, so only those are read. Inside the reconciling
   * transaction.
   */
  rewriteId(from: string, to: string, recordKey: string): void {
    const rows = this.store.db
      .prepare(`SELECT ${COLUMNS} FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention') AND (record_key = ? OR instr(record_key, ?) > 0) ORDER BY seq`)
      .all(recordKey, from) as unknown as Row[]
    for (const row of rows) {
      const job = this.read(row)
      if (!job) continue
      const text = textOf(job.payload)
      if (!text.includes(from) && !job.recordKey.includes(from)) continue
      const payload = JobPayload.parse(JSON.parse(text.split(from).join(to)))
      this.store.db
        .prepare('UPDATE outbox SET payload = ?, record_key = ? WHERE id = ?')
        .run(this.store.seal(this.associated(job.id), JSON.stringify(payload)), job.recordKey.split(from).join(to), job.id)
    }
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }

  private read(row: Row): Job | null {
    try {
      if (!(JOB_STATES as readonly string[]).includes(row.state)) throw new Error(`unknown state ${row.state}`)
      const payload = this.opened(row.id, row.payload, () => JobPayload.parse(JSON.parse(this.store.open(this.associated(row.id), row.payload))))
      const lastError = row.last_error
        ? this.opened(`${row.id}\0error`, row.last_error, () => JobError.parse(JSON.parse(this.store.open(this.errorAssociated(row.id), row.last_error as Uint8Array))))
        : null
      return {
        seq: row.seq,
        id: row.id,
        recordKey: row.record_key,
        state: row.state as JobState,
        attempts: row.attempts,
        nextAttemptAt: row.next_attempt_at,
        firstSentAt: row.first_sent_at,
        userUuid: row.user_uuid,
        payload,
        lastError,
        resultUuid: row.result_uuid,
      }
    } catch (error) {
      // Never sent half-understood, never deleted: kept aside for whoever looks at the file.
      this.log.warn('An outbox job could not be read and was set aside', { id: row.id, error: String(error) })
      this.store.db.prepare("UPDATE outbox SET state = 'set-aside' WHERE id = ?").run(row.id)
      return null
    }
  }

  /**
   * A sealed value opened and parsed, or the same value again while its sealed bytes are unchanged: the
   * list, the marks and the sender read every unsent job often, and a long queue must not cost a
   * decryption per job per look.
   */
  private opened<T>(key: string, sealed: Uint8Array, open: () => T): T {
    const cached = this.cache.get(key)
    if (cached && Buffer.compare(cached.sealed, sealed) === 0) return cached.value as T
    const value = open()
    this.cache.set(key, { sealed: Buffer.from(sealed), value })
    return value
  }

  private forget(id: string): void {
    this.cache.delete(id)
    this.cache.delete(`${id}\0error`)
  }

  private sealError(id: string, error: JobError): Uint8Array {
    return this.store.seal(this.errorAssociated(id), JSON.stringify(error))
  }

  private associated(id: string): string {
    return `outbox\0${id}`
  }

  private errorAssociated(id: string): string {
    return `outbox-error\0${id}`
  }
}
