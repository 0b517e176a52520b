import type { ReferralRow, ReferralsPage } from '@shared/models/referrals'
import type { ReferralConnection } from '@shared/plannr'
import { AppError } from '@shared/result'
import type { EventBus } from '../../events'
import type { CoreLog } from '../../log'
import { createReferralConnection, listReferralConnections, PlannrError } from '../../plannr'
import { SyncedCollection } from '../common/synced-collection'
import type { SessionService } from '../session'
import { pageOfReferrals, referralRow, type ReferralsFilter } from './rows'

export interface ReferralsServiceOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  maxAgeMs?: number
  now?: () => number
}

const CONNECT_FAILED = 'Plannr did not accept this referral code. Check it with the adviser and try again.'

/**
 * The firm's referral connections, sent and received: few enough to fetch whole (Plannr documents no
 * per_page; every page it reports is followed), filtered here, and patched at once after we connect.
 */
export class ReferralsService {
  private readonly connections: SyncedCollection<ReferralConnection>
  private readonly now: () => number
  private readonly session: SessionService

  constructor(options: ReferralsServiceOptions) {
    this.session = options.session
    this.now = options.now ?? Date.now
    this.connections = new SyncedCollection<ReferralConnection>({
      name: 'referral connections',
      session: options.session,
      log: options.log,
      maxAgeMs: options.maxAgeMs,
      now: options.now,
      fetchAll: (client) => listReferralConnections(client),
      changed: (syncedAt) => options.events.emit('referrals.changed', { syncedAt }),
    })
  }

  async list(filter: ReferralsFilter): Promise<ReferralsPage> {
    const { items, syncedAt } = await this.connections.get()
    return pageOfReferrals(items, filter, syncedAt, this.now())
  }

  /** Asks the adviser with this (already normalised) referral code to connect; Plannr emails them. */
  async connect(adviserKey: string): Promise<ReferralRow> {
    await this.session.ready()
    const client = this.session.requireClient()
    let created: ReferralConnection
    try {
      created = await createReferralConnection(client, { adviser_key: adviserKey })
    } catch (error) {
      throw asFieldError(error)
    }
    // Shown at once, before any refetch: the pending connection is what the adviser is looking for.
    this.connections.patch((items) => [created, ...items.filter((item) => item.uuid !== created.uuid)])
    return referralRow(created, this.now())
  }

  close(): Promise<void> {
    return this.connections.close()
  }
}

/** Plannr's 422 (unknown code, own firm, already connected) belongs to the code field, in our field name. */
function asFieldError(error: unknown): unknown {
  if (!(error instanceof PlannrError) || error.code !== 'validation') return error
  const messages = error.fields?.adviser_key ?? Object.values(error.fields ?? {}).flat()
  const message = messages[0] ?? (error.message || CONNECT_FAILED)
  return new AppError('validation', message, { fields: { adviserKey: messages.length > 0 ? messages : [message] } })
}
