/**
 * /api/v1/referral-connections (seed 000): the firm's connections with direction relative to it, and
 * new requests by an adviser's 8-character referral code.
 */
import { REFERRAL_CONNECTION_SORTS } from '../spec'
import { DAY } from '../data/time'
import type { ReferralConnectionRecord } from '../data/world'
import { modelNotFound } from '../http-error'
import { connectionStatus, referralConnectionResource } from '../present'
import { checkFilters, filterList, paginate, parseSort, sortItems } from '../query'
import { ok, type Route, type RouteContext } from '../router'
import { fieldError, messages, objectBody, validationError } from '../validation'

const FILTERS = ['uuid', 'status', 'direction', 'recipient_uuid'] as const
const STATUS_ORDER = ['pending', 'accepted', 'denied', 'expired']

function firmConnections(context: RouteContext): ReferralConnectionRecord[] {
  const firm = context.actor.firmUuid
  return context.world.connections.filter((c) => c.senderFirmUuid === firm || c.recipientFirmUuid === firm)
}

function listConnections(context: RouteContext) {
  const { query, now } = context
  checkFilters(query, FILTERS)
  const sort = parseSort(query, REFERRAL_CONNECTION_SORTS, '-created_at')
  let connections = firmConnections(context)
  const uuids = filterList(query, 'uuid')
  if (uuids) connections = connections.filter((c) => uuids.includes(c.uuid))
  const statuses = filterList(query, 'status')
  if (statuses) connections = connections.filter((c) => statuses.includes(connectionStatus(c, now)))
  const directions = filterList(query, 'direction')
  if (directions) {
    connections = connections.filter((c) => directions.includes(c.senderFirmUuid === context.actor.firmUuid ? 'sent' : 'received'))
  }
  const recipients = filterList(query, 'recipient_uuid')
  if (recipients) connections = connections.filter((c) => recipients.includes(c.recipientAccountUuid))

  const sorted = sortItems(connections, sort, {
    created_at: (c) => c.createdAt,
    updated_at: (c) => c.updatedAt,
    status: (c) => STATUS_ORDER.indexOf(connectionStatus(c, now)),
    expires_at: (c) => c.expiresAt,
  })
  return ok(paginate(sorted, { path: context.url, query }, 15, (c) => referralConnectionResource(context, c)))
}

function createConnection(context: RouteContext) {
  const { world, actor, now } = context
  const raw = objectBody(context.body).adviser_key
  if (raw === undefined || raw === null || raw === '') throw fieldError('adviser_key', messages.required('adviser_key'))
  if (typeof raw !== 'string') throw fieldError('adviser_key', messages.string('adviser_key'))
  const key = raw.trim().toUpperCase()
  const problems: string[] = []
  if (key.length !== 8) problems.push(messages.size('adviser_key', 8))
  if (!/^[A-Z0-9]*$/.test(key)) problems.push(messages.alphaNum('adviser_key'))
  if (problems.length > 0) throw validationError({ adviser_key: problems })

  const adviser = world.advisersByKey.get(key)
  if (!adviser) throw fieldError('adviser_key', messages.invalid('adviser_key'))
  if (adviser.firmUuid === actor.firmUuid) throw fieldError('adviser_key', 'You cannot connect with your own firm.')
  const existing = firmConnections(context).some((c) => {
    const other = c.senderFirmUuid === actor.firmUuid ? c.recipientFirmUuid : c.senderFirmUuid
    const status = connectionStatus(c, now)
    return other === adviser.firmUuid && (status === 'pending' || status === 'accepted')
  })
  if (existing) throw fieldError('adviser_key', 'A connection with this firm already exists.')

  const connection: ReferralConnectionRecord = {
    uuid: context.newUuid(), senderFirmUuid: actor.firmUuid, recipientFirmUuid: adviser.firmUuid, senderAccountUuid: actor.uuid,
    recipientAccountUuid: adviser.uuid, status: 'pending', createdAt: now, updatedAt: now, expiresAt: now + 30 * DAY,
  }
  world.addConnection(connection)
  return ok(referralConnectionResource(context, connection))
}

export const referralConnectionRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/referral-connections', scope: 'account', handle: listConnections },
  { method: 'POST', pattern: '/api/v1/referral-connections', scope: 'account', handle: createConnection },
  {
    method: 'GET',
    pattern: '/api/v1/referral-connections/:uuid',
    scope: 'account',
    handle: (context) => {
      const connection = firmConnections(context).find((c) => c.uuid === context.params.uuid)
      if (!connection) throw modelNotFound('ReferralConnection', context.params.uuid ?? '')
      return ok(referralConnectionResource(context, connection))
    },
  },
]
