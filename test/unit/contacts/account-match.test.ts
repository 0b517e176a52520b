import { describe, expect, it } from 'vitest'
import type { Account } from '@shared/plannr'
import { accountMatchRank, indexAccount, searchAccounts } from '../../../src/main/core/features/contacts/account-match'

const account = (uuid: string, first: string, last: string): Account =>
  ({ uuid, first_name: first, last_name: last, name: `${first} ${last}`, type: 'client' }) as Account

const ffion = indexAccount(account('1', 'Ffion', 'Thompson'))
const zoe = indexAccount(account('2', 'Zoë', 'Ní Bhriain'))
const gareth = indexAccount(account('3', 'Gareth', 'Thompson'))

describe('finding a person by name as an adviser types it', () => {
  it.each([
    ['Ffion Thompson', 0],
    ['ffion thompson', 0],
    ['Thompson Ffion', 1],
    ['Thompson, Ffion', 1],
    ['ffi thom', 1],
    ['Thompson', 1],
    ['hompso', 2],
  ] as const)('%j finds Ffion Thompson (rank %i)', (query, rank) => {
    expect(accountMatchRank(ffion, query)).toBe(rank)
  })

  it('ignores accents and matches names of several words', () => {
    expect(accountMatchRank(zoe, 'zoe ni bhriain')).toBe(0)
    expect(accountMatchRank(zoe, 'bhriain zoe')).toBe(1)
  })

  it('needs every typed word, each matching a different word of the name', () => {
    expect(accountMatchRank(ffion, 'Ffion Jones')).toBeNull()
    expect(accountMatchRank(ffion, 'Thompson Thompson')).toBeNull()
  })

  it('ranks the whole name first, then by name', () => {
    expect(searchAccounts([gareth, ffion, zoe], 'Thompson', 10).map((e) => e.name)).toEqual(['Ffion Thompson', 'Gareth Thompson'])
    expect(searchAccounts([gareth, ffion], 'Gareth Thompson', 10).map((e) => e.name)).toEqual(['Gareth Thompson'])
  })
})
