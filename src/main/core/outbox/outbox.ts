import type { OutboxMark } from '@shared/models/outbox'
import { AppError } from '@shared/result'
import type { CoreLog } from '../log'
import type { PlannrClient } from '../plannr'
import type { AccountStore } from '../store'
import { JobPayload, type Job, type JobKind, type PayloadOf } from './jobs'
import type { Actor, Delivered, Mutation } from './mutation'
import { mutationOf } from './mutations'
import { OutboxTable } from './outbox-table'
import { Sender } from './sender'
import { jobKindsOver, overlay } from './overlay'
import { takeReapply } from '../store'

export interface OutboxOptions {
  store: AccountStore
  /** The signed-in client for this account; throws when there is none. */
  client: () => PlannrClient
  /** The user signed in now: jobs another user made are held, not sent. */
  userUuid: () => string | null
  /** Resolves when the rate budget has room (sync/rate-budget whenClear). */
  paced: () => Promise<void>
  log: CoreLog
  now?: () => number
  /** Backoff after a failure: doubles from `baseMs` per attempt, never above `maxMs`. */
  backoff?: { baseMs?: number; maxMs?: number }
  /** Records sent to at once (each record's writes still go one at a time, in order). Default 4. */
  concurrency?: number
  /** Told after every change to the jobs (count, states). */
  changed?: () => void
}

/** What `submit` saw of a write's first attempt. */
export type Submitted = { delivered: Delivered; job: Job } | { delivered: null; job: Job }

interface Watcher {
  settle(outcome: { delivered: Delivered } | { refused: unknown } | { queued: true }): void
}

const HELD_MESSAGE = 'Another Plannr user made this change on this computer. It waits for them to sign in again.'

/** How long `submit` waits for the first attempt before answering with the queued write. */
const SUBMIT_WAIT_MS = 15_000

/**
 * The outbox of one account store. Services enqueue writes here: each job and its optimistic change are
 * written in one transaction, and its sender (sender.ts) delivers them. Here too: what the views show of
 * unsent writes (marks, overlays), and the user's retry, fix and discard.
 */
export class Outbox {
  readonly table: OutboxTable
  private readonly sender: Sender
  private readonly watchers = new Map<string, Watcher>()
  private readonly settledListeners = new Set<(payload: JobPayload, answered: boolean, delivered: Delivered) => void>()
  private readonly markListeners = new Set<(payload: JobPayload) => void>()

  constructor(private readonly options: OutboxOptions) {
    this.table = new OutboxTable(options.store, options.log)
    this.table.onChange(() => options.changed?.())
    this.sender = new Sender({
      ...options,
      table: this.table,
      now: options.now ?? Date.now,
      delivered: (job, delivered) => {
        const watcher = this.watchers.get(job.id)
        watcher?.settle({ delivered })
        for (const listener of this.settledListeners) listener(job.payload, watcher !== undefined, delivered)
      },
      refused: (job, error) => {
        const watcher = this.watchers.get(job.id)
        if (!watcher) this.markChanged(job.payload)
        watcher?.settle({ refused: error })
      },
      deferred: (job) => {
        const watcher = this.watchers.get(job.id)
        // Its first failure turns "Sending…" into "Waiting for connection"; later ones change nothing shown.
        if (!watcher && !job.lastError) this.markChanged(job.payload)
        watcher?.settle({ queued: true })
      },
    })
  }

  /** Writes the job and applies its optimistic change, together; the sender picks it up at once. */
  enqueue<K extends JobKind>(payload: PayloadOf<K>, actor: Actor): Job {
    const parsed = JobPayload.parse(payload) as PayloadOf<K>
    const mutation = mutationOf(parsed.kind) as Mutation<K>
    const job = this.options.store.transaction(() => {
      mutation.apply(this.options.store, parsed, actor)
      return this.table.insert(parsed, mutation.recordKey(parsed), actor.userUuid)
    })
    this.kick()
    return job
  }

  /**
   * Enqueues a write and waits for its first attempt: Plannr's record when it was delivered at once, the
   * queued job when it could not be (offline, no answer, busy) — the optimistic change then stands. A write
   * Plannr refuses at once (422, 403, 404) is taken back (rolled back, removed) and its error thrown, so a
   * form shows it at its fields as before.
   */
  async submit<K extends JobKind>(payload: PayloadOf<K>, actor: Actor, waitMs = SUBMIT_WAIT_MS): Promise<Submitted> {
    const job = this.enqueue(payload, actor)
    // Behind an earlier unsent write of the same record, its first attempt waits for that one: answer now.
    if (this.sender.isStopped || !this.table.heads().some((head) => head.id === job.id)) return { delivered: null, job }
    const outcome = await new Promise<{ delivered: Delivered } | { refused: unknown } | { queued: true }>((resolve) => {
      const timer = setTimeout(() => {
        this.watchers.delete(job.id)
        resolve({ queued: true })
      }, waitMs)
      timer.unref?.()
      this.watchers.set(job.id, {
        settle: (result) => {
          clearTimeout(timer)
          this.watchers.delete(job.id)
          resolve(result)
        },
      })
    })
    if ('delivered' in outcome) return { delivered: outcome.delivered, job }
    if ('refused' in outcome) {
      const current = this.table.get(job.id)
      if (current?.state === 'needs-attention') this.discard(job.id)
      throw outcome.refused
    }
    return { delivered: null, job: this.table.get(job.id) ?? job }
  }

  /**
   * Called after each delivered write (with Plannr's record), so its views can be told; `answered` when the
   * caller of `submit` was still waiting for it (and tells the views itself).
   */
  onSettled(listener: (payload: JobPayload, answered: boolean, delivered: Delivered) => void): () => void {
    this.settledListeners.add(listener)
    return () => this.settledListeners.delete(listener)
  }

  /**
   * Called when a write no caller is waiting for changes how it stands (tried and failed, refused), or is
   * sent again or discarded by the user (its change on screen redone or taken back).
   */
  onMarkChanged(listener: (payload: JobPayload) => void): () => void {
    this.markListeners.add(listener)
    return () => this.markListeners.delete(listener)
  }

  private markChanged(payload: JobPayload): void {
    for (const listener of this.markListeners) listener(payload)
  }

  /**
   * The records holding unsent writes, by id (a temp id until Plannr gives the real one), with how each
   * stands: what the views show as "Sending…", "Waiting for connection" or "Needs attention".
   */
  marks(): Map<string, OutboxMark> {
    const marks = new Map<string, OutboxMark>()
    for (const job of this.table.unsent()) {
      const mark: OutboxMark = job.state === 'needs-attention' ? 'needs-attention' : job.lastError ? 'waiting' : 'sending'
      for (const id of recordIdsOf(job.payload)) if (marks.get(id) !== 'needs-attention') marks.set(id, mark)
    }
    return marks
  }

  /**
   * Plannr's copy of records of one stored kind with the signed-in user's unsent writes laid over them:
   * what a sync or a fresh read stores and shows, so that it never undoes a change still on its way.
   */
  overlay<T>(kind: string, records: readonly T[]): readonly T[] {
    const user = this.options.userUuid()
    if (user === null || records.length === 0 || this.options.store.isClosed) return records
    const jobs = this.table.unsentOf(user, jobKindsOver(kind))
    return jobs.length === 0 ? records : overlay(this.options.store, kind, records, jobs.map((job) => job.payload))
  }

  /** The ids of records unsent writes made or changed: a full sync must not drop them as gone from Plannr. */
  pendingIds(): ReadonlySet<string> {
    return new Set(this.marks().keys())
  }

  /**
   * After a sign-out kept this store's unsent writes and cleared the rest, the user who made them is back:
   * their optimistic changes are applied again (records still to come from Plannr get them by `overlay`).
   */
  restoreKept(actor: Actor): void {
    const store = this.options.store
    store.transaction(() => {
      if (!takeReapply(store.db, actor.userUuid)) return
      for (const job of this.table.unsent()) {
        if (job.userUuid === actor.userUuid) withMutation(job.payload, (mutation, payload) => mutation.apply(store, payload, actor))
      }
    })
  }

  /** Unsent jobs, oldest first. */
  list(): Job[] {
    return this.table.unsent()
  }

  count(): number {
    return this.table.count()
  }

  /** Sends a job again now — with the user's fix when given (a 422's form, edited). */
  retry(id: string, payload?: JobPayload): Job {
    const job = this.require(id)
    if (payload !== undefined && payload.kind !== job.payload.kind) throw new AppError('validation', 'A fix must be for the same kind of write.')
    const fixed = payload === undefined ? job.payload : JobPayload.parse(payload)
    this.options.store.transaction(() => {
      if (payload !== undefined) {
        // The optimistic change follows the fix: undo the old one, apply the new one.
        withMutation(job.payload, (mutation, old) => mutation.rollback(this.options.store, old))
        withMutation(fixed, (mutation, next) => mutation.apply(this.options.store, next, { accountUuid: this.accountUuid(), userUuid: job.userUuid }))
      }
      this.table.requeue(job, fixed)
    })
    this.markChanged(fixed)
    this.kick()
    return this.require(id)
  }

  /**
   * Gives a write up: its optimistic change is rolled back, and so are the later writes that need what it
   * would have made (a message to a conversation that will now never exist, an edit of a message never
   * sent), newest first.
   */
  discard(id: string): void {
    const job = this.require(id)
    if (job.state === 'sending') throw new AppError('validation', 'This write may be on its way to Plannr; wait for it to finish.')
    const made = 'tempUuid' in job.payload ? job.payload.tempUuid : null
    const dependent = this.table
      .unsent()
      .filter((other) => other.id === job.id || (made !== null && other.seq > job.seq && JSON.stringify(other.payload).includes(made)))
    this.options.store.transaction(() => {
      for (const other of dependent.reverse()) {
        withMutation(other.payload, (mutation, payload) => mutation.rollback(this.options.store, payload))
        this.table.delete(other)
      }
    })
    for (const other of dependent) this.markChanged(other.payload)
  }

  start(): void {
    this.sender.start()
  }

  /** Stops sending; resolves once the attempts in flight (if any) have finished. */
  async stop(): Promise<void> {
    for (const watcher of [...this.watchers.values()]) watcher.settle({ queued: true })
    await this.sender.stop()
  }

  /** Sends what is due now (after a reconnect, or a user's "retry all"): waiting backoffs are cut short. */
  wake(): void {
    this.sender.wake()
  }

  /** Resolves when nothing is left that could be sent now (for tests and the quit prompt). */
  idle(): Promise<void> {
    return this.sender.idle()
  }

  kick(): void {
    this.sender.kick()
  }

  private accountUuid(): string {
    const uuid = this.options.client().accountUuid
    if (!uuid) throw new AppError('not_signed_in', 'Sign in to Plannr first.')
    return uuid
  }

  private require(id: string): Job {
    const job = this.table.get(id)
    if (!job || job.state === 'done' || job.state === 'set-aside') throw new AppError('not_found', 'That write is no longer in the outbox.')
    // Held for the person who made it: nobody else may send it, change it or throw it away.
    if (job.userUuid !== this.options.userUuid()) throw new AppError('forbidden', HELD_MESSAGE)
    return job
  }
}

/** The ids of the records a write changes (a message's, a conversation's, a detail's …). */
function recordIdsOf(payload: JobPayload): string[] {
  switch (payload.kind) {
    case 'message.send':
      return [payload.tempUuid]
    case 'message.edit':
      return [payload.messageUuid]
    case 'conversation.pin':
      return [payload.conversationUuid]
    case 'conversation.create':
    case 'contact-detail.create':
    case 'referral.request':
      return [payload.tempUuid]
    case 'contact-detail.update':
      return [payload.uuid]
  }
}

function withMutation<R>(payload: JobPayload, use: <K extends JobKind>(mutation: Mutation<K>, payload: PayloadOf<K>) => R): R {
  return use(mutationOf(payload.kind) as Mutation<JobKind>, payload)
}
