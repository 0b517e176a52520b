import type { ReferralCounts, ReferralRow } from '@shared/models/referrals'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'
import { checkCode, connectRefusalText } from '../referral-text'
import { FormState } from '../form-state.svelte'
import { Latest } from './latest'
import { followList } from './live-list.svelte'

export type StatusFilter = 'all' | 'pending' | 'accepted' | 'denied' | 'expired'
export type DirectionFilter = 'all' | 'sent' | 'received'

/**
 * The referral connections list: filters, the rows for them and loading / error state. Only the answer
 * for the newest filter is used, so a slow answer for an old filter never replaces the current one.
 */
export class ReferralsState {
  status = $state<StatusFilter>('all')
  direction = $state<DirectionFilter>('all')
  rows = $state.raw<ReferralRow[]>([])
  counts = $state.raw<ReferralCounts | null>(null)
  syncedAt = $state<string | null>(null)
  loading = $state(true)
  error = $state<IpcError | null>(null)
  /** At least one answer has arrived since the last error. */
  loaded = $state(false)
  /** The connection just made, highlighted until the user sends another. */
  highlighted = $state<ReferralRow | null>(null)

  filtered = $derived(this.status !== 'all' || this.direction !== 'all')

  readonly #client: Client
  readonly #latest = new Latest()

  constructor(client: Client) {
    this.#client = client
  }

  /** First load, and re-query whenever main says the connections changed. Returns the stop function. */
  start(): () => void {
    // A request made here that reached Plannr in the background stays highlighted under Plannr's id.
    const stopFollowing = this.#client.onEvent('referrals.changed', ({ replaced }) => {
      if (replaced && this.highlighted?.uuid === replaced.from) this.highlighted = { ...this.highlighted, uuid: replaced.to }
    })
    const stop = followList(this.#client, 'referrals.changed', this, () => this.#latest.cancel())
    return () => {
      stopFollowing()
      stop()
    }
  }

  /** Re-asks for the rows on screen, keeping them meanwhile (no loading state). */
  refresh(): Promise<void> {
    return this.#fetch(false)
  }

  setStatus(status: StatusFilter): void {
    this.status = status
    void this.#fetch(false)
  }

  setDirection(direction: DirectionFilter): void {
    this.direction = direction
    void this.#fetch(false)
  }

  clearFilters(): void {
    this.status = 'all'
    this.direction = 'all'
    void this.#fetch(false)
  }

  /** Also the "Try again" action. */
  load(): Promise<void> {
    return this.#fetch(true)
  }

  /** After a connection is made: highlight it and make sure the current filter can show it. */
  showCreated(row: ReferralRow): Promise<void> {
    this.highlighted = row
    if (this.status !== 'all' && this.status !== row.status) this.status = 'all'
    if (this.direction !== 'all' && this.direction !== row.direction) this.direction = 'all'
    return this.#fetch(false)
  }

  async #fetch(showLoading: boolean): Promise<void> {
    const current = this.#latest.begin()
    if (showLoading) this.loading = true
    const result = await this.#client.api.referrals.list({ status: this.status, direction: this.direction })
    if (!current()) return
    this.loading = false
    if (!result.ok) {
      this.error = result.error
      // Rows already shown stay: a failed refresh should not blank a list the adviser is reading.
      if (this.rows.length === 0) this.loaded = false
      return
    }
    this.error = null
    this.loaded = true
    this.rows = result.value.rows
    this.counts = result.value.counts
    this.syncedAt = result.value.syncedAt
  }
}

/**
 * The "Connect with an adviser" form: the code as typed, checked as it changes, and the outcome of
 * sending it. What was typed survives every failure.
 */
export class ConnectForm {
  code = $state('')
  /** Set once the user has tried to send, so problems show only after that. */
  attempted = $state(false)
  /** Submitting, Plannr's answer about the code (unknown, own firm, already connected), a failure not about it, and how it ended. */
  readonly state = new FormState<'adviserKey'>({ fields: ['adviserKey'], reword: (_field, message) => connectRefusalText(message) })

  check = $derived(checkCode(this.code))
  /** The message shown at the field: Plannr's, or ours once the user has tried to send. */
  fieldError = $derived(this.state.errors.adviserKey ?? (this.attempted ? this.check.problem : null))

  readonly #client: Client

  constructor(client: Client) {
    this.#client = client
  }

  get submitting(): boolean {
    return this.state.submitting
  }

  /** Plannr's answer about the code. */
  get serverError(): string | null {
    return this.state.errors.adviserKey ?? null
  }

  /** A failure not about the code (nowhere to keep it, a bug): the form offers to try again. */
  get failure(): IpcError | null {
    return this.state.failure
  }

  /** Upper-cases as the user types; a new code clears the previous answer about the old one. */
  setCode(text: string): void {
    this.code = text.toUpperCase()
    this.state.clear('adviserKey')
  }

  reset(): void {
    this.code = ''
    this.attempted = false
    this.state.reset()
  }

  /** Sends the code when it is well formed; returns the new pending connection, or null. */
  async submit(): Promise<ReferralRow | null> {
    if (this.submitting) return null
    this.attempted = true
    if (!this.check.valid) {
      this.state.reset()
      return null
    }
    const adviserKey = this.check.code
    return this.state.submit(() => this.#client.api.referrals.connect({ adviserKey }))
  }
}
