import {
  CreateReferralConnectionBody,
  ReferralConnection,
  type REFERRAL_CONNECTION_SORTS,
  type REFERRAL_DIRECTIONS,
  type REFERRAL_STATUSES,
} from '@shared/plannr'
import type { PlannrClient } from './client'
import { checkedBody, resource } from './envelope'
import { segment, sortParam, type SortDirection } from './query'

export type ReferralConnectionSort = (typeof REFERRAL_CONNECTION_SORTS)[number]

export interface ReferralConnectionListParams {
  uuids?: readonly string[]
  statuses?: readonly (typeof REFERRAL_STATUSES)[number][]
  directions?: readonly (typeof REFERRAL_DIRECTIONS)[number][]
  /** The recipient account's uuid. */
  recipientUuid?: string
  sort?: ReferralConnectionSort
  direction?: SortDirection
}

const PATH = '/api/v1/referral-connections'

/** GET /api/v1/referral-connections — the current firm's connections, sent and received. */
export function listReferralConnections(client: PlannrClient, params: ReferralConnectionListParams = {}): Promise<ReferralConnection[]> {
  return client.getAll(PATH, ReferralConnection, {
    'filter[uuid]': params.uuids,
    'filter[status]': params.statuses,
    'filter[direction]': params.directions,
    'filter[recipient_uuid]': params.recipientUuid,
    sort: sortParam(params.sort, params.direction),
  })
}

/** GET /api/v1/referral-connections/{uuid} */
export function getReferralConnection(client: PlannrClient, uuid: string): Promise<ReferralConnection> {
  return client.get(`${PATH}/${segment(uuid)}`, resource(ReferralConnection))
}

/** POST /api/v1/referral-connections — asks another adviser to connect, by their 8-character referral code. */
export async function createReferralConnection(client: PlannrClient, body: CreateReferralConnectionBody): Promise<ReferralConnection> {
  return client.send('POST', PATH, resource(ReferralConnection), checkedBody(CreateReferralConnectionBody, body, 'a referral request'))
}
