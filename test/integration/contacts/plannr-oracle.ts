import type { SessionStatus } from '@shared/models/session'
import { SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'
import type { SignedInHarness } from '../../support/core-harness'

/*
 * Asks the sandbox directly, bypassing the app: the independent answer the feature's results must equal.
 * It reads raw JSON, typed here with only what the tests compare, never through the client's schemas or
 * helpers: a mistake the client made would otherwise be made by the oracle too.
 */

export interface RawContactDetail {
  uuid: string
  type: string
  name: string | null
  value: string
  phone_number_meta?: { country: string; formatted: string } | null
  accounts?: RawAccount[]
  primary_accounts?: RawAccount[]
}

export interface RawAccount {
  uuid: string
  /** Plannr's own display name of the account. */
  name: string
  first_name?: string | null
  last_name?: string | null
  type: string
  role?: string | null
  /** Deprecated by Plannr in favour of primary_email, but still sent. */
  email?: string | null
  primary_email?: RawContactDetail | null
  primary_phone_number?: RawContactDetail | null
}

interface RawPage<T> {
  data: T[]
  meta?: { current_page: number; last_page: number }
}

export async function plannrGet<T>(sandbox: Sandbox, accountUuid: string, path: string, query: Record<string, string>): Promise<T[]> {
  const all: T[] = []
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ per_page: '500', page: String(page), ...query })
    const response = await fetch(`${sandbox.url}${path}?${params}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`, 'X-PLANNR-ACCOUNT-UUID': accountUuid },
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}`)
    const body = (await response.json()) as RawPage<T>
    all.push(...body.data)
    if (!body.meta || body.meta.current_page >= body.meta.last_page) return all
  }
}

export async function actingAccount(harness: SignedInHarness): Promise<string> {
  const status = await harness.test.value<SessionStatus>('session.status')
  if (status.state !== 'signed-in') throw new Error('not signed in')
  return status.account.uuid
}

export function plannrClients(harness: SignedInHarness, accountUuid: string) {
  return plannrGet<RawAccount>(harness.sandbox, accountUuid, '/api/v1/account', {
    'filter[type]': 'client',
    include: 'primary_email,primary_phone_number',
  })
}

export function plannrEmployees(harness: SignedInHarness, accountUuid: string) {
  return plannrGet<RawAccount>(harness.sandbox, accountUuid, '/api/v1/account', { 'filter[type]': 'employee' })
}

export function plannrDetails(harness: SignedInHarness, accountUuid: string, clientUuid: string) {
  return plannrGet<RawContactDetail>(harness.sandbox, accountUuid, '/api/v2/contact-details', {
    'filter[account_uuids]': clientUuid,
    include: 'accounts,primary_accounts',
  })
}

export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
