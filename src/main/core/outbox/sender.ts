import { AppError } from '@shared/result'
import type { CoreLog } from '../log'
import type { PlannrClient } from '../plannr'
import type { AccountStore } from '../store'
import type { Job, JobError, JobKind } from './jobs'
import type { Delivered, Mutation } from './mutation'
import { mutationOf } from './mutations'
import type { OutboxTable } from './outbox-table'

export interface SenderOptions {
  store: AccountStore
  table: OutboxTable
  /** The signed-in client for this account; throws when there is none. */
  client: () => PlannrClient
  /** The user signed in now: jobs another user made are held, not sent. */
  userUuid: () => string | null
  /** Resolves when the rate budget has room (sync/rate-budget whenClear). */
  paced: () => Promise<void>
  log: CoreLog
  now: () => number
  /** Backoff after a failure: doubles from `baseMs` per attempt, never above `maxMs`. */
  backoff?: { baseMs?: number; maxMs?: number }
  /** Records sent to at once (each record's writes still go one at a time, in order). Default 4. */
  concurrency?: number
  /** Plannr has the write (its record replaced the optimistic one). */
  delivered(job: Job, delivered: Delivered): void
  /** Plannr refused it (422, 403, 404): it waits for the user. */
  refused(job: Job, error: unknown): void
  /** Not delivered this time: it will be tried again. */
  deferred(job: Job): void
}

const DEFAULT_CONCURRENCY = 4

/**
 * Delivers an outbox's jobs: in order per record, a few records at once, paced by the rate budget, with
 * backoff, replacing each optimistic record with Plannr's. After a lost answer (or a crash mid-request) a
 * create is looked for on Plannr before it is sent again.
 */
export class Sender {
  private readonly baseMs: number
  private readonly maxMs: number
  private readonly concurrency: number
  private running: Promise<void> | null = null
  private again = false
  /** Attempts in flight, by record key. */
  private readonly active = new Map<string, Promise<void>>()
  /** A lookup is running: nothing else starts until it is done. */
  private exclusive = false
  /** Resolves when `stop` is called. */
  private halted: Promise<void> = Promise.resolve()
  private halt: () => void = () => undefined
  private stopped = true
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly idleWaiters: Array<() => void> = []

  constructor(private readonly options: SenderOptions) {
    this.baseMs = options.backoff?.baseMs ?? 1_000
    this.maxMs = options.backoff?.maxMs ?? 60_000
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
  }

  get isStopped(): boolean {
    return this.stopped
  }

  private now(): number {
    return this.options.now()
  }

  /** Sends from now on (again after `stop`). */
  start(): void {
    this.stopped = false
    this.halted = new Promise((resolve) => (this.halt = resolve))
    this.kick()
  }

  /** Stops sending; resolves once the attempts in flight (if any) have finished. */
  async stop(): Promise<void> {
    this.stopped = true
    this.halt()
    clearTimeout(this.timer)
    await this.running
    await Promise.all(this.active.values())
    this.releaseIdle()
  }

  /** Sends what is due now (after a reconnect, or a user's "retry all"): waiting backoffs are cut short. */
  wake(): void {
    if (this.options.store.isClosed) return
    this.options.store.db.prepare("UPDATE outbox SET next_attempt_at = 0 WHERE state IN ('pending', 'sending') AND next_attempt_at > 0").run()
    this.kick()
  }

  /** Resolves when nothing is left that could be sent now (for tests and the quit prompt). */
  idle(): Promise<void> {
    if (!this.running && this.active.size === 0 && (this.stopped || this.nextRunnable() === null)) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  kick(): void {
    if (this.stopped || this.options.store.isClosed) return
    if (this.running) {
      this.again = true
      return
    }
    clearTimeout(this.timer)
    this.running = this.pump().finally(() => {
      this.running = null
      if (this.again) {
        this.again = false
        this.kick()
      } else {
        this.scheduleNext()
      }
    })
  }

  /**
   * Starts attempts while there is room: up to `concurrency` at once, never two of the same record (so
   * each record's writes go in order), each when the rate budget has room. A lookup after a lost answer
   * runs alone, so that no other write can be answered while it decides which record is its own.
   */
  private async pump(): Promise<void> {
    for (;;) {
      this.again = false
      if (this.stopped || this.options.store.isClosed || this.exclusive || this.active.size >= this.concurrency) return
      const next = this.nextRunnable()
      if (!next) return
      if (this.needsLookup(next) && this.active.size > 0) return
      // A stop does not wait out a pause of the rate budget.
      await Promise.race([this.options.paced(), this.halted])
      if (this.stopped || this.options.store.isClosed) return
      // The wait may have changed things: the job itself (retried, discarded) or what else is running.
      const job = this.nextRunnable()
      if (!job) return
      const lookup = this.needsLookup(job)
      if (lookup && this.active.size > 0) return
      if (lookup) this.exclusive = true
      const run = this.runAttempt(job).finally(() => {
        this.active.delete(job.recordKey)
        if (lookup) this.exclusive = false
        this.kick()
      })
      this.active.set(job.recordKey, run)
    }
  }

  private needsLookup(job: Job): boolean {
    return job.state === 'sending' && job.firstSentAt !== null && mutationOf(job.payload.kind).find !== undefined
  }

  private async runAttempt(job: Job): Promise<void> {
    try {
      await this.attempt(job)
    } catch (error) {
      this.options.deferred(job)
      if (this.options.store.isClosed) return
      this.options.log.warn('An outbox job failed unexpectedly', { id: job.id, kind: job.payload.kind, error: String(error) })
      this.options.table.retryLater(job, job.state === 'sending' ? 'sending' : 'pending', this.now() + this.backoffMs(job.attempts), {
        message: 'Plannr Desktop could not send this; it will try again.',
      })
    }
  }

  /**
   * The first job of each record not being sent now, when it is due, not waiting for the user, and the
   * signed-in user's: the one due longest (oldest first among equals), so that writes retried offline, due
   * again after every round, never keep a newer one from its first attempt.
   */
  private nextRunnable(): Job | null {
    if (this.options.store.isClosed) return null
    const user = this.options.userUuid()
    const now = this.now()
    const heads = this.options.table.heads().sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
    for (const head of heads) {
      if (this.active.has(head.recordKey) || head.state === 'needs-attention' || head.userUuid !== user || head.nextAttemptAt > now) continue
      // A job that cannot be read is set aside by `get`: look at the next one.
      const job = this.options.table.get(head.id)
      if (job) return job
    }
    return null
  }

  private scheduleNext(): void {
    if (this.stopped || this.options.store.isClosed) return this.active.size === 0 ? this.releaseIdle() : undefined
    // Attempts still running kick again when they finish.
    if (this.active.size > 0) return
    if (this.nextRunnable() !== null) return this.kick()
    this.releaseIdle()
    const user = this.options.userUuid()
    const waiting = this.options.table.heads().filter((head) => head.state !== 'needs-attention' && head.userUuid === user)
    if (waiting.length === 0) return
    const at = Math.min(...waiting.map((head) => head.nextAttemptAt))
    this.timer = setTimeout(() => this.kick(), Math.max(0, at - this.now()))
    this.timer.unref?.()
  }

  private releaseIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve()
  }

  private async attempt(job: Job): Promise<void> {
    const client = this.options.client()
    const mutation = mutationOf(job.payload.kind) as Mutation<JobKind>
    const payload = job.payload
    if (job.state === 'sending' && mutation.find && job.firstSentAt !== null) {
      // An earlier attempt may have reached Plannr (lost answer, or the app stopped mid-request): look first.
      let found: Delivered | null
      try {
        found = await mutation.find(client, payload, job.firstSentAt, this.options.table.claimed(payload.kind))
      } catch (error) {
        return this.failed(job, mutation, error, true)
      }
      if (found) return this.deliver(job, mutation, found)
    }
    const sending = this.options.table.markSending(job, this.now())
    let delivered: Delivered
    try {
      delivered = await mutation.send(client, payload)
    } catch (error) {
      return this.failed(sending, mutation, error, false)
    }
    this.deliver(sending, mutation, delivered)
  }

  private deliver(job: Job, mutation: Mutation<JobKind>, delivered: Delivered): void {
    if (this.options.store.isClosed) return
    this.options.store.transaction(() => {
      const rewrite = mutation.reconcile(this.options.store, job.payload, delivered)
      if (rewrite && rewrite.from !== rewrite.to) this.options.table.rewriteId(rewrite.from, rewrite.to, job.recordKey)
      this.options.table.markDone(job, delivered.uuid, this.now())
    })
    this.options.delivered(job, delivered)
  }

  private failed(job: Job, mutation: Mutation<JobKind>, error: unknown, lookingUp: boolean): void {
    if (this.options.store.isClosed) return
    const now = this.now()
    const message = error instanceof Error ? error.message : String(error)
    const code = error instanceof AppError ? error.code : null
    const details = error instanceof AppError ? error : undefined
    // A create stays 'sending' (look before sending again) while it may be on Plannr.
    const uncertain = mutation.find !== undefined && (lookingUp || details?.maybeSaved === true)
    const state = uncertain ? 'sending' : 'pending'
    const jobError: JobError = { message }
    if (code === 'validation' && !lookingUp) {
      this.options.table.needsAttention(job, { message, fields: mutation.fields(details?.fields ?? {}) })
      return this.options.refused(job, error)
    } else if ((code === 'forbidden' || code === 'not_found') && !lookingUp) {
      this.options.table.needsAttention(job, jobError)
      return this.options.refused(job, error)
    } else if (code === 'rate_limited') {
      const seconds = details?.retryAfter ?? 60
      this.options.table.retryLater(job, state, now + seconds * 1000, jobError)
    } else {
      this.options.table.retryLater(job, state, now + this.backoffMs(job.attempts), jobError)
    }
    this.options.deferred(job)
  }

  private backoffMs(attempts: number): number {
    const exponent = Math.min(20, Math.max(0, attempts - 1))
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** exponent)
    // A little jitter so that many jobs do not all come back at once.
    return Math.round(delay * (0.8 + Math.random() * 0.4))
  }
}
