import { ReferralConnection } from '@shared/plannr'
import { storedRecordCodec } from '../../sync/codec'
import type { ResourceSpec } from '../../sync'

/** The firm's referral connections, sent and received. */
export const REFERRALS: ResourceSpec<ReferralConnection> = {
  kind: 'referrals',
  label: 'referral connections',
  path: '/api/v1/referral-connections',
  item: ReferralConnection,
  query: {},
  codec: storedRecordCodec<ReferralConnection>(),
}
