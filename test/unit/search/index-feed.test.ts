import { describe, expect, it } from 'vitest'
import { IndexFeed } from '../../../src/main/core/features/common/index-feed'
import { SearchIndex } from '../../../src/renderer/src/lib/state/search-index'
import { collator } from '@shared/search/text'

/*
 * Main's feed of a list's changes and the window's index that applies them, joined directly: whatever
 * happens to the list (a record changed, added, removed; another account's store), the window ends up
 * with exactly main's list in main's order, having been sent only what changed.
 */

interface Person {
  id: string
  name: string
}

const byName = (a: Person, b: Person) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** A stand-in for a repository: a version that moves on every change, and its records in order. */
class List {
  version = 0
  people: Person[] = []
  set(people: Person[]): void {
    this.people = [...people].sort(byName)
    this.version++
  }
}

function joined() {
  const feed = new IndexFeed<Person, Person>(
    (person) => person.id,
    (person) => ({ ...person }),
  )
  let list = new List()
  const sent: Array<{ full: boolean; records: number; removed: number }> = []
  const index = new SearchIndex<Person, Person>({
    fetch: async (since) => {
      feed.follow(list, list.version, list.people)
      const changes = feed.since(since, null)
      sent.push({ full: changes.full, records: changes.records.length, removed: changes.removed.length })
      return { ok: true, value: changes }
    },
    entry: (record) => record,
    id: (person) => person.id,
    compare: byName,
  })
  return {
    index,
    sent,
    get list() {
      return list
    },
    replaceList() {
      list = new List()
      return list
    },
    names: () => index.entries.map((person) => person.name),
  }
}

describe('a list’s search index, from main’s feed to the window', () => {
  it('starts with the whole list in order, then receives only what changed, and keeps the order', async () => {
    const j = joined()
    const [ann, bob, cat] = [
      { id: '1', name: 'Ann' },
      { id: '2', name: 'Bob' },
      { id: '3', name: 'Cat' },
    ]
    j.list.set([cat, ann, bob])
    await j.index.update()
    expect(j.names()).toEqual(['Ann', 'Bob', 'Cat'])
    expect(j.sent.at(-1)).toEqual({ full: true, records: 3, removed: 0 })

    // Bob renamed (a new record object, as a sync stores it), Dan added, Ann removed.
    const zed = { id: '2', name: 'Zed' }
    const dan = { id: '4', name: 'Dan' }
    j.list.set([cat, zed, dan])
    await j.index.update()
    expect(j.names()).toEqual(['Cat', 'Dan', 'Zed'])
    expect(j.sent.at(-1)).toEqual({ full: false, records: 2, removed: 1 })

    // Nothing changed: nothing is sent, and the window's version stays.
    const version = j.index.version
    await j.index.update()
    expect(j.sent.at(-1)).toEqual({ full: false, records: 0, removed: 0 })
    expect(j.index.version).toBe(version)

    // The same name twice: ordered by id, as main orders them.
    j.list.set([cat, zed, dan, { id: '0', name: 'Dan' }])
    await j.index.update()
    expect(j.index.entries.map((person) => person.id)).toEqual(['3', '0', '4', '2'])
  })

  it('starts over with the whole list when main’s list is another one (another account’s store)', async () => {
    const j = joined()
    j.list.set([{ id: '1', name: 'Ann' }])
    await j.index.update()
    j.replaceList().set([{ id: '9', name: 'Yan' }])
    await j.index.update()
    expect(j.names()).toEqual(['Yan'])
    expect(j.sent.at(-1)).toEqual({ full: true, records: 1, removed: 0 })
  })

  it('is not ready, and the list asks main, while an update fails', async () => {
    let fail = false
    const feed = new IndexFeed<Person, Person>((person) => person.id, (person) => person)
    const list = new List()
    list.set([{ id: '1', name: 'Ann' }])
    const index = new SearchIndex<Person, Person>({
      fetch: async (since) => {
        if (fail) return { ok: false, error: { code: 'internal', message: 'The store could not be read.' } }
        feed.follow(list, list.version, list.people)
        return { ok: true, value: feed.since(since, null) }
      },
      entry: (record) => record,
      id: (person) => person.id,
      compare: byName,
    })
    expect(index.ready).toBe(false)
    await index.update()
    expect(index.ready).toBe(true)
    fail = true
    await index.update()
    expect(index.ready).toBe(false)
    fail = false
    list.set([{ id: '2', name: 'Bea' }])
    await index.update()
    expect([index.ready, index.entries.map((person) => person.name)]).toEqual([true, ['Bea']])
  })

  it('serves updates asked for while one runs with one more fetch after it', async () => {
    const j = joined()
    j.list.set([{ id: '1', name: 'Ann' }])
    const first = j.index.update()
    j.list.set([{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }])
    const second = j.index.update()
    const third = j.index.update()
    await Promise.all([first, second, third])
    expect(j.names()).toEqual(['Ann', 'Bob'])
    expect(j.sent).toHaveLength(2)
  })

  it('forgets another account’s entries at once, and drops an answer for them still on its way', async () => {
    const j = joined()
    j.list.set([{ id: '1', name: 'Ann' }])
    await j.index.update()
    j.list.set([{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }])
    const onItsWay = j.index.update()
    j.index.forget()
    expect([j.index.ready, j.index.entries]).toEqual([false, []])
    await onItsWay
    // Nobody asked since: the answer for the forgotten account was dropped, nothing more was fetched.
    expect([j.index.ready, j.index.entries, j.index.used]).toEqual([false, [], false])

    j.replaceList().set([{ id: '7', name: 'Uma' }])
    await j.index.update()
    expect([j.index.ready, j.names()]).toEqual([true, ['Uma']])
    expect(j.sent.at(-1)).toEqual({ full: true, records: 1, removed: 0 })
  })

  it('sends nothing for records stored again unchanged (as every full sync stores them)', async () => {
    const j = joined()
    j.list.set([{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }])
    await j.index.update()
    j.list.set([{ id: '1', name: 'Ann' }, { id: '2', name: 'Bob' }])
    await j.index.update()
    expect(j.sent.at(-1)).toEqual({ full: false, records: 0, removed: 0 })
  })

  it('puts many changes in place at once, and sends the whole list when most of it changed', async () => {
    const j = joined()
    const people = (from: number, count: number, prefix: string) =>
      Array.from({ length: count }, (_, i) => ({ id: String(from + i).padStart(5, '0'), name: `${prefix} ${(i * 7919) % count}` }))
    const first = people(0, 1_000, 'Person')
    j.list.set(first)
    await j.index.update()
    // 200 more, interleaved with the others by name: merged in one pass, in main's order.
    j.list.set([...first, ...people(1_000, 200, 'Person')])
    await j.index.update()
    expect(j.sent.at(-1)).toEqual({ full: false, records: 200, removed: 0 })
    expect(j.index.entries).toEqual(j.list.people)
    // Most of the list renamed: the whole list, in order.
    j.list.set([...people(0, 900, 'Renamed'), ...people(900, 300, 'Person')])
    await j.index.update()
    expect(j.sent.at(-1)).toMatchObject({ full: true, records: 1_200 })
    expect(j.index.entries).toEqual(j.list.people)
  })
})
