import type { z } from 'zod'
import { Account, ContactDetail, paginated } from '@shared/plannr'
import type { SessionStatus } from '@shared/models/session'
import { SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'
import type { SignedInHarness } from '../../support/core-harness'

/**
 * Asks the sandbox directly, bypassing the app: the independent answer the feature's results must equal.
 */
export async function plannrGet<T extends z.ZodType>(sandbox: Sandbox, accountUuid: string, path: string, item: T, query: Record<string, string>) {
  const all: z.output<T>[] = []
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ per_page: '500', page: String(page), ...query })
    const response = await fetch(`${sandbox.url}${path}?${params}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`, 'X-PLANNR-ACCOUNT-UUID': accountUuid },
    })
    const body = paginated(item).parse(await response.json())
    all.push(...(body.data as z.output<T>[]))
    if (!body.meta || body.meta.current_page >= body.meta.last_page) return all
  }
}

export async function actingAccount(harness: SignedInHarness): Promise<string> {
  const status = await harness.test.value<SessionStatus>('session.status')
  if (status.state !== 'signed-in') throw new Error('not signed in')
  return status.account.uuid
}

export function plannrClients(harness: SignedInHarness, accountUuid: string) {
  return plannrGet(harness.sandbox, accountUuid, '/api/v1/account', Account, {
    'filter[type]': 'client',
    include: 'primary_email,primary_phone_number',
  })
}

export function plannrEmployees(harness: SignedInHarness, accountUuid: string) {
  return plannrGet(harness.sandbox, accountUuid, '/api/v1/account', Account, { 'filter[type]': 'employee' })
}

export function plannrDetails(harness: SignedInHarness, accountUuid: string, clientUuid: string) {
  return plannrGet(harness.sandbox, accountUuid, '/api/v2/contact-details', ContactDetail, {
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
