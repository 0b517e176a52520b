import { Account, type ACCOUNT_TYPES, type AccountInclude, type AccountSort } from '@shared/plannr'
import type { PlannrClient } from './client'
import { pageOf, type Page } from './envelope'
import { sortParam, type QueryParams, type SortDirection } from './query'

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
