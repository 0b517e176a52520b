import type { ReferralConnection } from '@shared/plannr'
import { createReferralConnection, listReferralConnections } from '../../plannr'
import { REFERRALS } from '../../features/referrals/resource'
import type { AccountStore } from '../../store'
import { createdSince, type Mutation } from '../mutation'

function referralsOf(store: AccountStore) {
  return store.repository(REFERRALS.kind, REFERRALS.codec)
}

export const requestReferralMutation: Mutation<'referral.request'> = {
  kind: 'referral.request',
  recordKey: (payload) => `referral:${payload.tempUuid}`,
  apply(store, payload) {
    const optimistic: ReferralConnection = {
      uuid: payload.tempUuid,
      direction: 'sent',
      status: 'pending',
      created_at: payload.createdAt,
      updated_at: payload.createdAt,
    }
    referralsOf(store).upsertPage([optimistic])
  },
  async send(client, payload) {
    const connection = await createReferralConnection(client, { adviser_key: payload.adviserKey })
    return { uuid: connection.uuid, record: connection }
  },
  async find(client, _payload, since, claimed) {
    // A connection does not show the code it was made with; Plannr allows one open connection per firm,
    // so a sent, pending connection made since the request, not matched to another job, is this one.
    const sent = await listReferralConnections(client, { directions: ['sent'], statuses: ['pending'] })
    const found = sent.find((connection) => !claimed.has(connection.uuid) && connection.created_at != null && createdSince(connection.created_at, since))
    return found ? { uuid: found.uuid, record: found } : null
  },
  reconcile(store, payload, delivered) {
    const connection = delivered.record as ReferralConnection
    const referrals = referralsOf(store)
    referrals.remove([payload.tempUuid])
    referrals.upsertPage([connection])
    return { from: payload.tempUuid, to: connection.uuid }
  },
  rollback(store, payload) {
    referralsOf(store).remove([payload.tempUuid])
  },
  fields: (fields) => {
    const mapped: Record<string, string[]> = {}
    for (const [field, messages] of Object.entries(fields)) mapped[field === 'adviser_key' ? 'adviserKey' : field] = messages
    return mapped
  },
}
