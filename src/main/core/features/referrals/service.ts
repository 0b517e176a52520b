import type { ReferralRow, ReferralsPage } from '@shared/models/referrals'
import type { ReferralConnection } from '@shared/plannr'
import { AppError } from '@shared/result'
import type { OutboxMark } from '@shared/models/outbox'
import type { Outbox, Submitted } from '../../outbox'
import { PlannrError } from '../../plannr'
import { writer } from '../common/outbox-writes'
import type { ResourceSync } from '../../sync'
import type { FeatureDeps } from '../feature'
import { REFERRALS } from './resource'
import { pageOfReferrals, referralRow, type ReferralsFilter } from './rows'

export interface ReferralsServiceOptions extends FeatureDeps {
  now?: () => number
}

const CONNECT_FAILED = 'Plannr did not accept this referral code. Check it with the adviser and try again.'

/** The firm's referral connections, sent and received, answered from the store and filtered here. */
export class ReferralsService {
  private readonly now: () => number

  constructor(private readonly deps: ReferralsServiceOptions) {
    this.now = deps.now ?? Date.now
  }

  private resource(): Promise<ResourceSync<ReferralConnection>> {
    return this.deps.sync.resource(REFERRALS, (syncedAt) => this.deps.events.emit('referrals.changed', { syncedAt }))
  }

  async list(filter: ReferralsFilter): Promise<ReferralsPage> {
    const sync = await this.resource()
    await sync.ready()
    const page = pageOfReferrals(sync.repo.all(), filter, sync.syncedAt(), this.now())
    const outbox = await this.deps.sync.outbox()
    const marks = outbox.marks()
    if (marks.size === 0) return page
    const codes = unsentCodes(outbox)
    return { ...page, rows: page.rows.map((row) => (marks.has(row.uuid) ? unsentRow(row, marks.get(row.uuid), codes.get(row.uuid)) : row)) }
  }

  /**
   * Asks the adviser with this (already normalised) referral code to connect; Plannr emails them. Enqueued:
   * offline the request is shown at once as pending and sent when Plannr can be reached.
   */
  async connect(adviserKey: string): Promise<ReferralRow> {
    const sync = await this.resource()
    const w = await writer(this.deps)
    let result: Submitted
    try {
      result = await w.outbox.submit({ kind: 'referral.request', tempUuid: w.tempUuid, adviserKey, createdAt: w.now }, w.actor)
    } catch (error) {
      throw asFieldError(error)
    }
    this.deps.events.emit('referrals.changed', { syncedAt: sync.syncedAt() })
    if (result.delivered) return referralRow(result.delivered.record as ReferralConnection, this.now())
    const stored = sync.repo.get(w.tempUuid)
    if (!stored) throw new AppError('not_found', 'That referral request is no longer here.')
    return unsentRow(referralRow(stored, this.now()), w.outbox.marks().get(w.tempUuid), adviserKey)
  }

  async close(): Promise<void> {}
}

/** The referral code of each request not yet on Plannr, by its row's (temporary) id. */
function unsentCodes(outbox: Outbox): Map<string, string> {
  const codes = new Map<string, string>()
  for (const job of outbox.list()) if (job.payload.kind === 'referral.request') codes.set(job.payload.tempUuid, job.payload.adviserKey)
  return codes
}

/**
 * A row whose write is not yet on Plannr, marked; a request Plannr has not seen has no firm or adviser yet,
 * so it names the code it was made with, which tells two such requests apart.
 */
function unsentRow(row: ReferralRow, mark: OutboxMark | undefined, code: string | undefined): ReferralRow {
  return { ...row, ...(mark ? { outbox: mark } : {}), ...(code && row.otherAdviser === null ? { otherAdviser: `Referral code ${code}` } : {}) }
}

/** Plannr's 422 (unknown code, own firm, already connected) belongs to the code field, in our field name. */
function asFieldError(error: unknown): unknown {
  if (!(error instanceof PlannrError) || error.code !== 'validation') return error
  const messages = error.fields?.adviser_key ?? Object.values(error.fields ?? {}).flat()
  const message = messages[0] ?? (error.message || CONNECT_FAILED)
  return new AppError('validation', message, { fields: { adviserKey: messages.length > 0 ? messages : [message] } })
}
