/**
 * /api/v2/contact-details (seed 002): firm-level emails and phone numbers shared by client accounts,
 * each owner with at most one primary of each type. Staff's own work details are not listed here.
 */
import { CONTACT_DETAIL_INCLUDES, CONTACT_DETAIL_SORTS, CONTACT_DETAIL_TYPES, type ContactDetailType } from '../spec'
import { isKnownCountry, parsePhone } from '../data/phone'
import type { ContactDetailRecord, World } from '../data/world'
import { modelNotFound } from '../http-error'
import { contactDetailResource } from '../present'
import { checkFilters, filterList, paginate, parseIncludes, parseSort, sortItems } from '../query'
import { created, ok, type Route, type RouteContext } from '../router'
import { Validator, messages, objectBody } from '../validation'

const FILTERS = ['uuid', 'account_uuids', 'circle_uuids'] as const
const ALL_INCLUDES = new Set<string>(CONTACT_DETAIL_INCLUDES)
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/

function isClientDetail(world: World, detail: ContactDetailRecord): boolean {
  return detail.ownerUuids.some((uuid) => world.accounts.get(uuid)?.type === 'client')
}

function listContactDetails(context: RouteContext) {
  const { world, actor, query } = context
  checkFilters(query, FILTERS)
  const includes = parseIncludes(query, CONTACT_DETAIL_INCLUDES)
  const sort = parseSort(query, CONTACT_DETAIL_SORTS, 'created_at')

  const owners = [...(filterList(query, 'account_uuids') ?? [])]
  const circleUuids = filterList(query, 'circle_uuids')
  if (circleUuids) {
    for (const uuid of circleUuids) {
      const circle = world.circles.get(uuid)
      if (circle?.firmUuid === actor.firmUuid) owners.push(...circle.accountUuids)
    }
  }
  let details: ContactDetailRecord[]
  if (filterList(query, 'account_uuids') || circleUuids) {
    // Through the by-owner index: a household's details without scanning the firm's thousands.
    details = [...new Set(owners.flatMap((uuid) => world.contactDetailsByAccount.get(uuid) ?? []))]
  } else {
    details = world.contactDetailsByFirm.get(actor.firmUuid) ?? []
  }
  details = details.filter((d) => d.firmUuid === actor.firmUuid && isClientDetail(world, d))
  const uuids = filterList(query, 'uuid')
  if (uuids) details = details.filter((d) => uuids.includes(d.uuid))

  const sorted = sortItems(details, sort, {
    created_at: (d) => d.createdAt, updated_at: (d) => d.updatedAt, name: (d) => d.name, value: (d) => d.value,
  })
  return ok(paginate(sorted, { path: context.url, query }, 15, (d) => contactDetailResource(world, d, includes)))
}

function findDetail(context: RouteContext): ContactDetailRecord {
  const detail = context.world.contactDetails.get(context.params.uuid ?? '')
  if (!detail || detail.firmUuid !== context.actor.firmUuid || !isClientDetail(context.world, detail)) {
    throw modelNotFound('ContactDetail', context.params.uuid ?? '')
  }
  return detail
}

/** The value for a type: an email address, or a phone number (GB by default, or { country, number }). */
function readValue(v: Validator, type: ContactDetailType | undefined, raw: unknown): { value: string; meta: ContactDetailRecord['meta'] } | undefined {
  if (raw === undefined || raw === null || raw === '') {
    v.add('value', messages.required('value'))
    return undefined
  }
  if (type === undefined) return undefined
  if (type === 'email') {
    if (typeof raw !== 'string') v.add('value', messages.string('value'))
    else if (raw.length > 255) v.add('value', messages.maxString('value', 255))
    else if (!EMAIL.test(raw.trim())) v.add('value', messages.email('value'))
    else return { value: raw.trim(), meta: null }
    return undefined
  }
  let country = 'GB'
  let number: unknown = raw
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const parts = raw as Record<string, unknown>
    number = parts.number
    if (typeof parts.country !== 'string' || parts.country === '') v.add('value.country', messages.required('value.country'))
    else if (!isKnownCountry(parts.country)) v.add('value.country', messages.invalid('value.country'))
    else country = parts.country.toUpperCase()
    if (typeof number !== 'string' || number === '') {
      v.add('value.number', messages.required('value.number'))
      return undefined
    }
    if (v.has('value.country')) return undefined
  }
  if (typeof number !== 'string') {
    v.add('value', messages.phone('value'))
    return undefined
  }
  const phone = parsePhone(number, country)
  if (!phone) {
    v.add('value', messages.phone('value'))
    return undefined
  }
  return { value: phone.value, meta: phone.meta }
}

/** Owners must be client accounts of the acting firm; primaries must be among the owners. */
function readOwners(context: RouteContext, v: Validator, body: Record<string, unknown>) {
  const owners = v.stringArray(body, 'account_uuids', true)
  owners?.forEach((uuid, index) => {
    const account = context.world.accounts.get(uuid)
    if (!account || account.firmUuid !== context.actor.firmUuid || account.type !== 'client') {
      v.add(`account_uuids.${index}`, messages.invalid(`account_uuids.${index}`))
    }
  })
  const primaries = body.primary_account_uuids === undefined ? undefined : v.stringArray(body, 'primary_account_uuids', false)
  primaries?.forEach((uuid, index) => {
    if (!owners?.includes(uuid)) v.add(`primary_account_uuids.${index}`, messages.invalid(`primary_account_uuids.${index}`))
  })
  return { owners: [...new Set(owners ?? [])], primaries }
}

/** An account has one primary of each type: making this one primary demotes its others. */
function makePrimary(world: World, detail: ContactDetailRecord, accountUuids: Iterable<string>, now: number): void {
  for (const uuid of accountUuids) {
    detail.primaryUuids.add(uuid)
    for (const other of world.contactDetailsByAccount.get(uuid) ?? []) {
      if (other !== detail && other.type === detail.type && other.primaryUuids.delete(uuid)) other.updatedAt = now
    }
  }
}

function createContactDetail(context: RouteContext) {
  const { world, actor, now } = context
  const body = objectBody(context.body)
  const v = new Validator()
  let type: ContactDetailType | undefined
  if (body.type === undefined || body.type === null || body.type === '') v.add('type', messages.required('type'))
  else if (!CONTACT_DETAIL_TYPES.includes(body.type as ContactDetailType)) v.add('type', messages.invalid('type'))
  else type = body.type as ContactDetailType
  const name = v.requiredString(body, 'name', 255)
  const value = readValue(v, type, body.value)
  if (body.is_primary !== undefined && typeof body.is_primary !== 'boolean') v.add('is_primary', messages.boolean('is_primary'))
  const { owners, primaries } = readOwners(context, v, body)
  v.check()

  const detail: ContactDetailRecord = {
    uuid: context.newUuid(), firmUuid: actor.firmUuid, type: type as ContactDetailType, name: name as string,
    value: value?.value ?? '', meta: value?.meta ?? null, ownerUuids: owners, primaryUuids: new Set(), createdAt: now, updatedAt: now,
  }
  world.addContactDetail(detail)
  makePrimary(world, detail, new Set([...(primaries ?? []), ...(body.is_primary === true ? owners : [])]), now)
  return created(contactDetailResource(world, detail, ALL_INCLUDES))
}

function updateContactDetail(context: RouteContext) {
  const { world, now } = context
  const detail = findDetail(context)
  const body = objectBody(context.body)
  const v = new Validator()
  const name = v.requiredString(body, 'name', 255)
  const value = readValue(v, detail.type, body.value)
  const { owners, primaries } = readOwners(context, v, body)
  v.check()

  detail.name = name as string
  detail.value = value?.value ?? detail.value
  detail.meta = value?.meta ?? null
  world.setContactDetailOwners(detail, owners)
  const keep = primaries ?? [...detail.primaryUuids].filter((uuid) => owners.includes(uuid))
  detail.primaryUuids = new Set()
  makePrimary(world, detail, keep, now)
  detail.updatedAt = now
  return ok(contactDetailResource(world, detail, ALL_INCLUDES))
}

export const contactDetailRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v2/contact-details', scope: 'account', handle: listContactDetails },
  { method: 'POST', pattern: '/api/v2/contact-details', scope: 'account', handle: createContactDetail },
  {
    method: 'GET',
    pattern: '/api/v2/contact-details/:uuid',
    scope: 'account',
    handle: (context) => ok(contactDetailResource(context.world, findDetail(context), parseIncludes(context.query, CONTACT_DETAIL_INCLUDES))),
  },
  { method: 'PUT', pattern: '/api/v2/contact-details/:uuid', scope: 'account', handle: updateContactDetail },
]
