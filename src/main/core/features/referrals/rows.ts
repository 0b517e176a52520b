import type { ReferralCounts, ReferralRow, ReferralsPage } from '@shared/models/referrals'
import { accountName, type ReferralConnection } from '@shared/plannr'
import { compareIds, timeOf } from '../common/text-search'

export interface ReferralsFilter {
  status: 'pending' | 'accepted' | 'denied' | 'expired' | 'all'
  direction: 'sent' | 'received' | 'all'
}

/**
 * The connection as the list shows it. "Other" is the far side: the recipient of one we sent, the
 * sender of one we received. Plannr may still report a connection as pending after its expiry until it
 * sweeps it; the adviser can no longer act on it, so it reads as expired here.
 */
export function referralRow(connection: ReferralConnection, now: number): ReferralRow {
  const received = connection.direction === 'received'
  const firm = received ? connection.sender_firm : connection.recipient_firm
  const adviser = received ? connection.sender_account : connection.recipient_account
  const expiresAt = connection.expires_at ?? null
  const lapsed = connection.status === 'pending' && expiresAt !== null && timeOf(expiresAt) <= now
  return {
    uuid: connection.uuid,
    direction: connection.direction,
    status: lapsed ? 'expired' : connection.status,
    otherFirm: firm?.name.trim() || null,
    otherAdviser: adviser ? accountName(adviser) : null,
    createdAt: connection.created_at ?? null,
    expiresAt,
  }
}

/** Newest first (Plannr's own default, -created_at), ties broken by id so the order never flickers. */
function newestFirst(a: ReferralRow, b: ReferralRow): number {
  return timeOf(b.createdAt) - timeOf(a.createdAt) || compareIds(a.uuid, b.uuid)
}

export function countReferrals(rows: readonly ReferralRow[]): ReferralCounts {
  const count = (keep: (row: ReferralRow) => boolean) => rows.filter(keep).length
  return {
    all: rows.length,
    sent: count((row) => row.direction === 'sent'),
    received: count((row) => row.direction === 'received'),
    pending: count((row) => row.status === 'pending'),
    accepted: count((row) => row.status === 'accepted'),
    denied: count((row) => row.status === 'denied'),
    expired: count((row) => row.status === 'expired'),
  }
}

export function pageOfReferrals(
  connections: readonly ReferralConnection[],
  filter: ReferralsFilter,
  syncedAt: string | null,
  now: number,
): ReferralsPage {
  const all = connections.map((connection) => referralRow(connection, now)).sort(newestFirst)
  const rows = all.filter(
    (row) =>
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.direction === 'all' || row.direction === filter.direction),
  )
  return { rows, counts: countReferrals(all), syncedAt }
}
