import type { ReferralRow, ReferralsPage } from '@shared/models/referrals'
import type { ReferralConnection } from '@shared/plannr'
import { AppError } from '@shared/result'
import type { Submitted } from '../../outbox'
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
    const marks = (await this.deps.sync.outbox()).marks()
    if (marks.size === 0) return page
    return { ...page, rows: page.rows.map((row) => (marks.has(row.uuid) ? { ...row, outbox: marks.get(row.uuid) } : row)) }
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
    const mark = w.outbox.marks().get(w.tempUuid)
    return { ...referralRow(stored, this.now()), ...(mark ? { outbox: mark } : {}) }
  }

  async close(): Promise<void> {}
}

/** Plannr's 422 (unknown code, own firm, already connected) belongs to the code field, in our field name. */
function asFieldError(error: unknown): unknown {
  if (!(error instanceof PlannrError) || error.code !== 'validation') return error
  const messages = error.fields?.adviser_key ?? Object.values(error.fields ?? {}).flat()
  const message = messages[0] ?? (error.message || CONNECT_FAILED)
  return new AppError('validation', message, { fields: { adviserKey: messages.length > 0 ? messages : [message] } })
}
