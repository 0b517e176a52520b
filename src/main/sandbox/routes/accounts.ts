/** GET /api/v1/account (the search behind participant and owner pickers) and GET /api/v1/account/{uuid}. */
import { digitsOf } from '../data/phone'
import type { AccountRecord } from '../data/world'
import { modelNotFound } from '../http-error'
import { accountName, accountResource } from '../present'
import { ACCOUNT_INCLUDES, ACCOUNT_SORTS } from '../spec'
import { checkFilters, filterList, filterText, paginate, parseIncludes, parseSort, sortItems } from '../query'
import { ok, type Route, type RouteContext } from '../router'

const FILTERS = [
  'name', 'primary_email', 'primary_phone_number', 'email', 'type', 'role', 'status', 'is_prospect',
  'created_after', 'created_before', 'uuid', 'tags', 'groups',
] as const

function matchesPhone(world: RouteContext['world'], account: AccountRecord, query: string): boolean {
  const detail = world.primaryContact(account.uuid, 'phone_number')
  if (!detail) return false
  const digits = digitsOf(query)
  if (!digits) return detail.value.includes(query) || (detail.meta?.formatted ?? '').includes(query)
  return digitsOf(detail.value).includes(digits) || digitsOf(detail.meta?.formatted ?? '').includes(digits)
}

function listAccounts(context: RouteContext) {
  const { world, actor, query } = context
  checkFilters(query, FILTERS)
  const includes = parseIncludes(query, ACCOUNT_INCLUDES)
  const sort = parseSort(query, ACCOUNT_SORTS, 'first_name')

  let accounts = world.accountsByFirm.get(actor.firmUuid) ?? []
  const uuids = filterList(query, 'uuid')
  if (uuids) {
    const wanted = new Set(uuids)
    accounts = accounts.filter((a) => wanted.has(a.uuid))
  }
  const types = filterList(query, 'type')
  if (types) accounts = accounts.filter((a) => types.includes(a.type))
  const roles = filterList(query, 'role')
  if (roles) accounts = accounts.filter((a) => roles.includes(a.role))
  const groups = filterList(query, 'groups')
  if (groups) accounts = accounts.filter((a) => a.groupUuids.some((g) => groups.includes(g)))
  const name = filterText(query, 'name')?.toLowerCase()
  if (name) {
    accounts = accounts.filter((a) =>
      [a.firstName, a.lastName, a.entityName, accountName(a)].some((part) => part?.toLowerCase().includes(name)),
    )
  }
  const email = (filterText(query, 'primary_email') ?? filterText(query, 'email'))?.toLowerCase()
  if (email) accounts = accounts.filter((a) => world.primaryContact(a.uuid, 'email')?.value.toLowerCase().includes(email))
  const phone = filterText(query, 'primary_phone_number')
  if (phone) accounts = accounts.filter((a) => matchesPhone(world, a, phone))
  const after = filterText(query, 'created_after')
  if (after) accounts = accounts.filter((a) => a.createdAt >= Date.parse(after))
  const before = filterText(query, 'created_before')
  if (before) accounts = accounts.filter((a) => a.createdAt < Date.parse(before))

  const sorted = sortItems(accounts, sort, {
    created_at: (a) => a.createdAt,
    updated_at: (a) => a.updatedAt,
    first_name: (a) => a.firstName ?? a.entityName,
    last_name: (a) => a.lastName ?? a.entityName,
    email: (a) => world.primaryContact(a.uuid, 'email')?.value ?? null,
    next_review_date: (a) => a.nextReviewAt,
    previous_review_date: (a) => a.previousReviewAt,
    anniversary_review_date: (a) => a.nextReviewAt,
  })
  return ok(paginate(sorted, { path: context.url, query }, 15, (a) => accountResource(world, a, includes)))
}

export const accountRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/account', scope: 'account', handle: listAccounts },
  {
    method: 'GET',
    pattern: '/api/v1/account/:uuid',
    scope: 'account',
    handle: ({ world, actor, params, query }) => {
      const includes = parseIncludes(query, ACCOUNT_INCLUDES)
      const account = world.accounts.get(params.uuid ?? '')
      if (!account || account.firmUuid !== actor.firmUuid) throw modelNotFound('Account', params.uuid ?? '')
      return ok(accountResource(world, account, includes))
    },
  },
]
