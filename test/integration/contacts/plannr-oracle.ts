import type { SessionStatus } from '@shared/models/session'
import { rawList as plannrGet, type RawAccount, type RawContactDetail } from '../../support/plannr-raw'
import type { SignedInHarness } from '../../support/core-harness'

/* Asks the sandbox directly, bypassing the app: the independent answer the feature's results must equal. */

export type { RawAccount, RawContactDetail }

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
