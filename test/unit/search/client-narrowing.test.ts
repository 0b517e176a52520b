import { describe, expect, it } from 'vitest'
import { clientEntry, compareClientEntries, searchClients, type ClientMatches } from '@shared/search/clients'

/*
 * Typing on narrows the last search's matches instead of searching every client again: whatever is
 * typed, the answer must be exactly what a fresh search finds, in the same order.
 */

const clients = [
  clientEntry({ uuid: 'a', name: 'Ann Smith', role: null, email: 'ann@0770.example', phone: '07700 900123' }, '+447700900123'),
  clientEntry({ uuid: 'b', name: 'Anna Smithson', role: null, email: null, phone: '020 7946 0018' }, '+442079460018'),
  clientEntry({ uuid: 'c', name: 'Zoë Ánnan', role: null, email: 'zoe@example.co.uk', phone: null }, null),
  clientEntry({ uuid: 'd', name: 'ΟΔΟΣ Σμιθ', role: null, email: null, phone: '07911 123456' }, '+447911123456'),
  clientEntry({ uuid: 'e', name: 'Mark 07', role: null, email: 'm07@example.com', phone: '07700 900777' }, '+447700900777'),
].sort(compareClientEntries)

describe('narrowing a search as the user types on', () => {
  const typings = [
    ['a', 'an', 'ann', 'ann ', 'ann s', 'ann smith'],
    ['0', '07', '077', '0770', '07700', '07700 ', '07700 9', '07700 900777'],
    ['07', '07x', '07'],
    ['+', '+4', '+44', '+44 7', '+44 79'],
    ['m', 'm0', 'm07', 'm07@'],
    ['z', 'zo', 'zoe', 'zoë', 'zoë á', 'zoë an'],
    ['ο', 'οδ', 'οδοσ', 'οδος', 'ΟΔΟΣ'],
    ['smith', 'smiths', 'smith', 'smit', ''],
  ]
  for (const typed of typings) {
    it(`finds what a fresh search finds: ${typed.map((t) => JSON.stringify(t)).join(' → ')}`, () => {
      let previous: ClientMatches | null = null
      for (const search of typed) {
        const narrowed: ClientMatches = searchClients(clients, search, previous)
        expect({ search, found: narrowed.found.map((c) => c.row.uuid) }).toEqual({ search, found: searchClients(clients, search).found.map((c) => c.row.uuid) })
        previous = narrowed
      }
    })
  }

  it('searches every client again when the list changed since', () => {
    const previous = searchClients(clients, 'ann')
    const more = [...clients, clientEntry({ uuid: 'f', name: 'Annie Hall', role: null, email: null, phone: null }, null)].sort(compareClientEntries)
    expect(searchClients(more, 'anni', previous).found.map((c) => c.row.uuid)).toEqual(['f'])
  })

  it('never matches across a client’s name and email', () => {
    expect(searchClients(clients, 'smith\nann@').found).toEqual([])
    expect(searchClients(clients, 'smith').found.map((c) => c.row.uuid)).toEqual(['a', 'b'])
    expect(searchClients(clients, 'ann@0770').found.map((c) => c.row.uuid)).toEqual(['a'])
  })
})
