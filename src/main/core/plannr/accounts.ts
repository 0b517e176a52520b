import { Account, type ACCOUNT_TYPES } from '@shared/plannr'
import type { PlannrClient } from './client'
import { pageOf, type Page } from './envelope'
import { sortParam, type QueryParams, type SortDirection } from './query'

export const ACCOUNT_INCLUDES = [
  'primary_phone_number',
  'primary_email',
  'primary_address',
  'assigned_adviser',
  'assigned_administrator',
  'assigned_paraplanner',
  'groups',
  'tags',
  'owners',
  'custom_fields',
  'external_references',
  'charge_split_schema',
] as const
export type AccountInclude = (typeof ACCOUNT_INCLUDES)[number]

export const ACCOUNT_SORTS = [
  'created_at',
  'updated_at',
  'first_name',
  'last_name',
  'email',
  'next_review_date',
  'previous_review_date',
  'anniversary_review_date',
] as const
export type AccountSort = (typeof ACCOUNT_SORTS)[number]

export interface AccountListParams {
  /** Partial match across first name, last name and entity name: the search box. */
  name?: string
  types?: readonly (typeof ACCOUNT_TYPES)[number][]
  /** Partial match. */
  primaryEmail?: string
  /** Partial match. */
  primaryPhoneNumber?: string
  include?: readonly AccountInclude[]
  sort?: AccountSort
  direction?: SortDirection
}

export interface AccountSearchParams extends AccountListParams {
  /** Default 25: a picker shows a handful. Max 500. */
  perPage?: number
  page?: number
}

function accountQuery(params: AccountListParams): QueryParams {
  return {
    'filter[name]': params.name,
    'filter[type]': params.types,
    'filter[primary_email]': params.primaryEmail,
    'filter[primary_phone_number]': params.primaryPhoneNumber,
    include: params.include,
    sort: sortParam(params.sort, params.direction),
  }
}

/** One page of matching accounts, for pickers (conversation participants, contact owners). */
export function searchAccounts(client: PlannrClient, params: AccountSearchParams = {}): Promise<Page<Account>> {
  return client.get('/api/v1/account', pageOf(Account), {
    ...accountQuery(params),
    per_page: params.perPage ?? 25,
    page: params.page,
  })
}

/** Every matching account, all pages. */
export function listAccounts(client: PlannrClient, params: AccountListParams = {}): Promise<Account[]> {
  return client.getAll('/api/v1/account', Account, accountQuery(params))
}
