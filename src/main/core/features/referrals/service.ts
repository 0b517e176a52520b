import type { ReferralRow, ReferralsPage } from '@shared/models/referrals'
import type { ReferralConnection } from '@shared/plannr'
import { AppError } from '@shared/result'
import { createReferralConnection, PlannrError } from '../../plannr'
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
    return pageOfReferrals(sync.repo.all(), filter, sync.syncedAt(), this.now())
  }

  /** Asks the adviser with this (already normalised) referral code to connect; Plannr emails them. */
  async connect(adviserKey: string): Promise<ReferralRow> {
    await this.deps.session.ready()
    const client = this.deps.session.requireClient()
    let created: ReferralConnection
    try {
      created = await createReferralConnection(client, { adviser_key: adviserKey })
    } catch (error) {
      throw asFieldError(error)
    }
    // Kept at once: the pending connection is what the adviser is looking for.
    const sync = await this.resource()
    sync.repo.upsertPage([created])
    this.deps.events.emit('referrals.changed', { syncedAt: sync.syncedAt() })
    return referralRow(created, this.now())
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
