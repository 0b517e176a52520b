import { describe, expect, it } from 'vitest'
import { contract } from '@shared/contract'
import {
  compareClients,
  indexClient,
  pageOfClients,
  rankClients,
} from '../../../src/main/core/features/contacts/client-search'
import { fold } from '../../../src/main/core/features/common/text-search'

const clients = [
  indexClient({ uuid: 'c', name: 'Zoë Hart', role: 'individual', email: 'zoe@example.co.uk', phone: '07700 900123' }, '+447700900123'),
  indexClient({ uuid: 'a', name: 'Adam Price', role: 'individual', email: 'adam.price@example.com', phone: '020 7946 0018' }, '+442079460018'),
  indexClient({ uuid: 'b', name: 'Beth Hart', role: 'joint', email: null, phone: null }, null),
].sort(compareClients)

const query = (input: Record<string, unknown>) => contract.calls['clients.list'].input.parse(input)
const names = (search: string) => pageOfClients(clients, query({ search }), null).rows.map((row) => row.name)

describe('clients: search by name, email or phone, sorted by name, paged', () => {
  it('sorts by name and pages', () => {
    expect(names('')).toEqual(['Adam Price', 'Beth Hart', 'Zoë Hart'])
    const page = pageOfClients(clients, query({ offset: 1, limit: 1 }), '2025-01-01T00:00:00.000Z')
    expect(page).toEqual({ rows: [clients[1]!.row], total: 3, grandTotal: 3, syncedAt: '2025-01-01T00:00:00.000Z' })
  })

  it('finds one client by uuid, for a card opened from the quick switcher', () => {
    expect(pageOfClients(clients, query({ uuid: 'c' }), null)).toMatchObject({ rows: [{ name: 'Zoë Hart' }], total: 1, grandTotal: 3 })
  })

  it('matches names without accents and emails by part', () => {
    expect(names('zoe')).toEqual(['Zoë Hart'])
    expect(names('hart')).toEqual(['Beth Hart', 'Zoë Hart'])
    expect(names('example.com')).toEqual(['Adam Price'])
  })

  it('matches phone numbers by their digits, whatever the spacing or prefix', () => {
    expect(names('07700 900')).toEqual(['Zoë Hart'])
    expect(names('+44 7700 900123')).toEqual(['Zoë Hart'])
    expect(names('(020) 7946')).toEqual(['Adam Price'])
    // Two digits match far too much to be meant as a phone search.
    expect(names('07')).toEqual([])
  })

  it('ranks quick-switcher hits by how well the name matches', () => {
    expect(rankClients(clients, fold('hart'), 5).map(({ rank, client }) => [rank, client.row.name])).toEqual([
      [1, 'Beth Hart'],
      [1, 'Zoë Hart'],
    ])
  })
})
