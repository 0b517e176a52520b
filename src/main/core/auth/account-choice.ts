import type { AccountChoice, SessionUser } from '@shared/models/session'
import { accountName, type LoginsResponse, type Me } from '@shared/plannr'

/** What to do after sign-in: act as one account straight away, or ask which one. */
export type AccountDecision =
  | { kind: 'chosen'; account: AccountChoice; accounts: AccountChoice[] }
  | { kind: 'ask'; accounts: AccountChoice[] }
  | { kind: 'none' }

const EMPLOYEE = 'employee'

/**
 * The accounts the user's logins give access to, employee accounts first (an adviser app acts as staff;
 * a user may also hold a client account), otherwise in Plannr's order. One entry per account.
 */
export function toAccountChoices(logins: LoginsResponse): AccountChoice[] {
  const seen = new Set<string>()
  const choices: AccountChoice[] = []
  for (const login of logins.data) {
    const account = login.account
    if (seen.has(account.uuid)) continue
    seen.add(account.uuid)
    choices.push({
      uuid: account.uuid,
      name: accountName(account),
      type: account.type?.trim() || 'unknown',
      role: account.role ?? null,
      firmName: login.firm?.name ?? account.firm?.name ?? null,
      preferred: logins.preferred_account_uuid === account.uuid,
    })
  }
  const employees = choices.filter((choice) => choice.type === EMPLOYEE)
  const others = choices.filter((choice) => choice.type !== EMPLOYEE)
  return [...employees, ...others]
}

/**
 * Plannr's rule first: `preferred_account_uuid` names the account the user asked integrations to use.
 * Failing that, a single employee account is the obvious one. Anything else is the user's call.
 */
export function decideAccount(logins: LoginsResponse): AccountDecision {
  const accounts = toAccountChoices(logins)
  if (accounts.length === 0) return { kind: 'none' }
  const preferred = accounts.find((account) => account.preferred)
  if (preferred) return { kind: 'chosen', account: preferred, accounts }
  const employees = accounts.filter((account) => account.type === EMPLOYEE)
  if (employees.length === 1 && employees[0]) return { kind: 'chosen', account: employees[0], accounts }
  return { kind: 'ask', accounts }
}

/** The user as the window shows them: a name always, an email when Plannr gave one. */
export function toSessionUser(me: Me): SessionUser {
  const joined = [me.first_name, me.last_name].filter(Boolean).join(' ')
  const email = me.email?.trim() || null
  return { name: me.name?.trim() || joined || email || 'Plannr user', email }
}
