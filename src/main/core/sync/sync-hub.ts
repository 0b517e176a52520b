import type { SessionStatus } from '@shared/models/session'
import type { SyncStatus } from '@shared/models/sync'
import { AppError } from '@shared/result'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import type { AccountStore, LocalStore } from '../store'
import type { SessionService } from '../features/session'
import { heldWritesNotice, type OutboxSummary } from '@shared/models/outbox'
import { Outbox, type Delivered, type JobPayload, type OutboxOptions } from '../outbox'
import { summarise } from '../outbox/summary'
import type { RateBudget } from './rate-budget'
import { ResourceSync, type ResourceSpec, type SyncProgress } from './resource-sync'

export interface SyncHubOptions {
  session: SessionService
  local: LocalStore
  budget: RateBudget
  events: EventBus
  log: CoreLog
  now?: () => number
  maxAgeMs?: number
  fullPassMs?: number
  /** How often lists opened this run are checked for staleness. Default one minute. */
  tickMs?: number
  /** The outbox's backoff; tests shorten it. */
  outbox?: Pick<OutboxOptions, 'backoff'>
}

/** Above this many unsent writes, the outbox list is sent to the windows at most four times a second. */
const LONG_QUEUE = 100

interface Account {
  key: string
  baseUrl: string
  accountUuid: string
  userUuid: string
  demo: boolean
}

interface Opened {
  account: Account
  store: AccountStore
  notice: string | null
  syncs: Map<string, ResourceSync<unknown>>
  outbox: Outbox
}

/**
 * The signed-in account's store and the sync engines over it. Opens the account's database when first
 * needed, closes it when the account changes, rebuilds it when a record turns out unreadable, and
 * reports progress, pauses and notices as one status for the status bar.
 */
export class SyncHub {
  private readonly now: () => number
  private account: Account | null = null
  private opening: Promise<Opened> | null = null
  private opened: Opened | null = null
  private readonly stopWatching: Array<() => void> = []
  private readonly timer: ReturnType<typeof setInterval>
  private emitQueued = false
  private lastEmitted = ''
  private wasOffline = false

  constructor(private readonly options: SyncHubOptions) {
    this.now = options.now ?? Date.now
    this.stopWatching.push(options.session.onChange((status) => this.follow(status)))
    this.stopWatching.push(
      options.budget.onChange((snapshot) => {
        // Back online: what waited for the connection goes now rather than at its next backoff.
        if (snapshot.online === true && this.wasOffline) this.opened?.outbox.wake()
        this.wasOffline = snapshot.online === false
        this.queueEmit()
      }),
    )
    this.timer = setInterval(() => this.tick(), options.tickMs ?? 60_000)
    this.timer.unref?.()
  }

  /** The sync engine (and so the repository) of one kind for the signed-in account. */
  async resource<T>(spec: ResourceSpec<T>, changed: (syncedAt: string | null) => void): Promise<ResourceSync<T>> {
    const opened = await this.open()
    const existing = opened.syncs.get(spec.kind)
    if (existing) return existing as unknown as ResourceSync<T>
    const repo = opened.store.repository(spec.kind, spec.codec)
    try {
      void repo.size
    } catch (error) {
      // A record that does not open: the file is damaged. Set it aside and start again from Plannr.
      this.options.log.warn('A saved record could not be read; rebuilding the store', { kind: spec.kind, error: String(error) })
      await this.rebuild(opened)
      return this.resource(spec, changed)
    }
    const sync = new ResourceSync<T>(
      {
        store: opened.store,
        client: () => this.client(opened),
        log: this.options.log,
        now: this.now,
        changed,
        progress: () => this.queueEmit(),
        paced: () => this.options.budget.whenClear(),
        pending: opened.outbox,
        maxAgeMs: this.options.maxAgeMs,
        fullPassMs: this.options.fullPassMs,
      },
      spec,
      repo,
    )
    opened.syncs.set(spec.kind, sync as unknown as ResourceSync<unknown>)
    return sync
  }

  /** The open store, for writes that are not a sync (our own changes) and for the outbox. */
  async store(): Promise<AccountStore> {
    return (await this.open()).store
  }

  /** The signed-in account's outbox: every write to Plannr is enqueued here. */
  async outbox(): Promise<Outbox> {
    return (await this.open()).outbox
  }

  status(): SyncStatus {
    const opened = this.opened
    const budget = this.options.budget.snapshot()
    const progress: SyncProgress[] = opened ? [...opened.syncs.values()].map((sync) => sync.progress()) : []
    let lastSyncedAt: string | null = null
    if (opened && !opened.store.isClosed) {
      for (const state of opened.store.syncStates()) {
        if (state.syncedAt !== null && (lastSyncedAt === null || state.syncedAt > lastSyncedAt)) lastSyncedAt = state.syncedAt
      }
    }
    return {
      online: budget.online,
      lastSyncedAt,
      syncing: progress.filter((p) => p.running).map((p) => ({ label: p.label, done: p.done, total: p.total })),
      pausedUntil: budget.pausedUntil === null ? null : new Date(budget.pausedUntil).toISOString(),
      storage: opened ? opened.store.location : null,
      notice: opened?.notice ?? this.heldNotice(opened),
      error: progress.find((p) => p.error !== null)?.error ?? null,
    }
  }

  /** A full pass of every list opened this run; resolves when they have all finished. */
  async syncNow(): Promise<SyncStatus> {
    const opened = await this.open()
    await Promise.allSettled([...opened.syncs.values()].map((sync) => sync.syncNow()))
    return this.status()
  }

  /**
   * The user signed out: these accounts' cached data is deleted (the open store is closed first); unsent
   * writes are kept, sealed, for their user's next sign-in (see LocalStore.signOut).
   */
  async signedOut(baseUrl: string, accountUuids: readonly string[]): Promise<void> {
    const opened = await this.opening?.catch(() => null)
    // A write on its way now stays 'sending' in the file: it is looked for on Plannr before it goes again.
    if (opened && opened.account.baseUrl === baseUrl && accountUuids.includes(opened.account.accountUuid)) this.drop()
    const kept = await this.options.local.signOut(baseUrl, accountUuids)
    if (kept > 0) this.options.log.info('Signed out; unsent writes kept for the next sign-in', { kept })
  }

  async close(): Promise<void> {
    clearInterval(this.timer)
    for (const stop of this.stopWatching) stop()
    const opened = await this.opening?.catch(() => null)
    if (opened) await Promise.all([...opened.syncs.values()].map((sync) => sync.settled()))
    await opened?.outbox.stop()
    this.drop()
  }

  /** Writes another user made here are never sent as this one: they are told why those wait. */
  private heldNotice(opened: Opened | null): string | null {
    if (!opened || opened.store.isClosed) return null
    return heldWritesNotice(opened.outbox.table.heldFor(this.account?.key === opened.account.key ? opened.account.userUuid : null))
  }

  private client(opened: Opened) {
    if (this.opened !== opened) throw new AppError('not_signed_in', 'Signed out while syncing.')
    return this.options.session.requireClient()
  }

  private async open(): Promise<Opened> {
    await this.options.session.ready()
    this.options.session.requireClient()
    // Made after the sign-in (no change seen yet): learn the account from the session itself.
    if (this.account === null) this.follow(await this.options.session.status())
    const account = this.account
    if (account === null) throw new AppError('not_signed_in', 'Sign in to Plannr first.')
    this.opening ??= this.options.local.open(account.baseUrl, account.accountUuid, !account.demo).then((result) => {
      const opened: Opened = { account, store: result.store, notice: result.notice, syncs: new Map(), outbox: this.outboxFor(account, result.store) }
      // Writes kept from before a sign-out show again for the user who made them (still sent if not).
      try {
        opened.outbox.restoreKept({ accountUuid: account.accountUuid, userUuid: account.userUuid })
      } catch (error) {
        this.options.log.warn('Could not show kept writes again', { error: String(error) })
      }
      opened.outbox.start()
      if (this.account?.key !== account.key) {
        // The account changed while the file opened.
        result.store.close()
        throw new AppError('not_signed_in', 'The account changed; try again.')
      }
      this.opened = opened
      if (result.notice) this.options.log.warn('Store notice', result.notice)
      this.queueEmit()
      return opened
    })
    const opening = this.opening
    opening.catch(() => {
      if (this.opening === opening) this.opening = null
    })
    return opening
  }

  private async rebuild(opened: Opened): Promise<void> {
    const { account } = opened
    const rebuilt = await this.options.local.rebuild(opened.store, account.baseUrl, account.accountUuid)
    void opened.outbox.stop()
    const replacement: Opened = { account, store: rebuilt.store, notice: rebuilt.notice, syncs: new Map(), outbox: this.outboxFor(account, rebuilt.store) }
    replacement.outbox.start()
    this.opened = replacement
    this.opening = Promise.resolve(replacement)
    this.queueEmit()
  }

  private outboxFor(account: Account, store: AccountStore): Outbox {
    let opened: Opened | null = null
    const outbox = new Outbox({
      store,
      client: () => {
        opened ??= this.opened
        if (opened === null || opened.store !== store) throw new AppError('not_signed_in', 'Signed out while sending.')
        return this.client(opened)
      },
      // Jobs are only sent for the user who made them, and only while that user is signed in here.
      userUuid: () => (this.account?.key === account.key ? account.userUuid : null),
      paced: () => this.options.budget.whenClear(),
      log: this.options.log,
      now: this.now,
      changed: () => this.queueOutboxEmit(),
      ...(this.options.outbox?.backoff ? { backoff: this.options.outbox.backoff } : {}),
    })
    // A write delivered in the background: the views showing it re-read their rows.
    outbox.onSettled((payload, answered, delivered) => {
      if (!answered) this.announceWrite(payload, delivered)
    })
    // "Waiting for connection", "Needs attention": the views showing the write re-read their rows.
    outbox.onMarkChanged((payload) => this.announceWrite(payload, null))
    return outbox
  }

  /** Tells the views showing a write that it changed: delivered (with Plannr's record), or how it stands. */
  private announceWrite(payload: JobPayload, delivered: Delivered | null): void {
    const { events } = this.options
    const syncedAt = new Date(this.now()).toISOString()
    switch (payload.kind) {
      case 'message.send':
      case 'message.edit':
        events.emit('messages.changed', { conversationUuid: payload.conversationUuid })
        events.emit('conversations.changed', { syncedAt })
        break
      case 'conversation.pin':
        events.emit('conversations.changed', { syncedAt })
        break
      case 'conversation.create':
        // A window showing it under its temporary id follows it to Plannr's.
        events.emit('conversations.changed', { syncedAt, ...(delivered?.uuid ? { replaced: { from: payload.tempUuid, to: delivered.uuid } } : {}) })
        break
      case 'contact-detail.create':
      case 'contact-detail.update':
        events.emit('clients.changed', { syncedAt })
        break
      case 'referral.request':
        // The notice about a request just made follows it to Plannr's record.
        events.emit('referrals.changed', { syncedAt, ...(delivered?.uuid ? { replaced: { from: payload.tempUuid, to: delivered.uuid } } : {}) })
        break
    }
  }

  private follow(status: SessionStatus): void {
    const next: Account | null =
      status.state === 'signed-in'
        ? {
            key: `${status.apiUrl}|${status.account.uuid}|${status.demo}|${this.options.session.userKey() ?? ''}`,
            baseUrl: status.apiUrl,
            accountUuid: status.account.uuid,
            userUuid: this.options.session.userKey() ?? '',
            demo: status.demo,
          }
        : null
    if (next?.key === this.account?.key) return
    this.drop()
    this.account = next
    this.queueEmit()
  }

  /** Closes the open store; syncs still running notice and stop at their next page. */
  private drop(): void {
    const opened = this.opened
    this.opened = null
    this.opening = null
    void opened?.outbox.stop()
    opened?.store.close()
  }

  private tick(): void {
    if (!this.opened) return
    for (const sync of this.opened.syncs.values()) sync.refreshIfStale()
  }

  /** What the status bar's "Outbox" and its list show. */
  async outboxSummary(): Promise<OutboxSummary> {
    const opened = await this.open()
    return summarise(opened.outbox, this.account?.key === opened.account.key ? opened.account.userUuid : null)
  }

  private outboxEmitQueued = false

  /**
   * Jobs change several times per write: the windows hear once per tick — a longer one while a long queue
   * replays, when the whole list would otherwise cross to every window many times a second.
   */
  private queueOutboxEmit(): void {
    if (this.outboxEmitQueued) return
    this.outboxEmitQueued = true
    const long = this.opened !== null && !this.opened.store.isClosed && this.opened.outbox.count() > LONG_QUEUE
    setTimeout(() => {
      this.outboxEmitQueued = false
      const opened = this.opened
      if (!opened || opened.store.isClosed) return
      this.options.events.emit('outbox.changed', summarise(opened.outbox, opened.account.userUuid))
    }, long ? 250 : 50).unref?.()
  }

  /** Progress arrives per page: the windows hear at most one status per tick. */
  private queueEmit(): void {
    if (this.emitQueued) return
    this.emitQueued = true
    setTimeout(() => {
      this.emitQueued = false
      const status = this.status()
      const text = JSON.stringify(status)
      if (text === this.lastEmitted) return
      this.lastEmitted = text
      this.options.events.emit('sync.changed', status)
    }, 50).unref?.()
  }
}
