import { describe, expect, it } from 'vitest'
import { LoginsResponse, Me } from '@shared/plannr'
import { decideAccount, toAccountChoices, toSessionUser } from '../../src/main/core/auth/account-choice'

function login(accountUuid: string, type: string, firm: string, name = `Person ${accountUuid}`) {
  return {
    uuid: `login-${accountUuid}`,
    first_name: 'Alex',
    last_name: 'Morgan',
    email: 'alex@example.co.uk',
    account: { uuid: accountUuid, type, role: type === 'employee' ? 'adviser' : null, name },
    firm: { uuid: `firm-${firm}`, name: firm },
  }
}

function logins(data: unknown[], preferred?: string): LoginsResponse {
  return LoginsResponse.parse({ data, ...(preferred ? { preferred_account_uuid: preferred } : {}) })
}

describe('choosing the account to act as', () => {
  it('uses preferred_account_uuid when it names one of the accounts', () => {
    const decision = decideAccount(
      logins([login('a', 'employee', 'Harbour'), login('b', 'employee', 'Lakeside')], 'b'),
    )
    expect(decision.kind).toBe('chosen')
    if (decision.kind !== 'chosen') return
    expect(decision.account.uuid).toBe('b')
    expect(decision.account.preferred).toBe(true)
    expect(decision.accounts.map((a) => a.uuid)).toEqual(['a', 'b'])
  })

  it('follows the preference even when it names a client account', () => {
    const decision = decideAccount(logins([login('e', 'employee', 'Harbour'), login('c', 'client', 'Harbour')], 'c'))
    expect(decision.kind === 'chosen' && decision.account.uuid).toBe('c')
  })

  it('ignores a preferred uuid that is not one of the logins', () => {
    const decision = decideAccount(
      logins([login('a', 'employee', 'Harbour'), login('b', 'employee', 'Lakeside')], 'someone-else'),
    )
    expect(decision.kind).toBe('ask')
  })

  it('picks the single employee account, even beside client accounts', () => {
    const decision = decideAccount(logins([login('c', 'client', 'Harbour'), login('e', 'employee', 'Harbour')]))
    expect(decision.kind === 'chosen' && decision.account.uuid).toBe('e')
  })

  it('asks when there are several employee accounts, employees listed before others', () => {
    const decision = decideAccount(
      logins([login('c', 'client', 'Harbour'), login('a', 'employee', 'Harbour'), login('b', 'employee', 'Lakeside')]),
    )
    expect(decision.kind).toBe('ask')
    if (decision.kind !== 'ask') return
    expect(decision.accounts.map((a) => [a.uuid, a.type, a.firmName])).toEqual([
      ['a', 'employee', 'Harbour'],
      ['b', 'employee', 'Lakeside'],
      ['c', 'client', 'Harbour'],
    ])
    expect(decision.accounts.every((a) => !a.preferred)).toBe(true)
  })

  it('asks when there is no employee account at all', () => {
    expect(decideAccount(logins([login('c', 'client', 'Harbour')])).kind).toBe('ask')
  })

  it('reports when the logins give no account', () => {
    expect(decideAccount(logins([])).kind).toBe('none')
  })

  it('lists an account once even when two logins share it, with a readable name and type', () => {
    const choices = toAccountChoices(
      logins([
        login('a', 'employee', 'Harbour', 'Priya Shah'),
        login('a', 'employee', 'Harbour', 'Priya Shah'),
        { uuid: 'l3', account: { uuid: 'x', first_name: 'Sam', last_name: 'Okafor' } },
      ]),
    )
    expect(choices).toEqual([
      { uuid: 'a', name: 'Priya Shah', type: 'employee', role: 'adviser', firmName: 'Harbour', preferred: false },
      { uuid: 'x', name: 'Sam Okafor', type: 'unknown', role: null, firmName: null, preferred: false },
    ])
  })
})

describe('the user shown in the window', () => {
  it('prefers the full name, then first and last name, then the email', () => {
    expect(toSessionUser(Me.parse({ uuid: 'u', name: 'Jo Bloggs', email: 'jo@example.com' }))).toEqual({
      name: 'Jo Bloggs',
      email: 'jo@example.com',
    })
    expect(toSessionUser(Me.parse({ uuid: 'u', first_name: 'Jo', last_name: 'Bloggs' }))).toEqual({
      name: 'Jo Bloggs',
      email: null,
    })
    expect(toSessionUser(Me.parse({ uuid: 'u', email: 'jo@example.com' })).name).toBe('jo@example.com')
  })
})
