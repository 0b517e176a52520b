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

function joined(slice?: number) {
  const feed = new IndexFeed<Person, Person>(
    (person) => person.id,
    (person) => ({ ...person }),
  )
  let list = new List()
  const sent: Array<{ full: boolean; records: number; removed: number }> = []
  const slices: Array<{ rev: number; offset: number; next: number | null; records: number }> = []
  /** Runs before each answer after the first (e.g. the list changing while it comes in slices). */
  let beforeNext: (() => void) | null = null
  const index = new SearchIndex<Person, Person>({
    fetch: async (since) => {
      if (slices.length > 0 && since.offset > 0) beforeNext?.()
      feed.follow(list, list.version, list.people)
      const changes = feed.since(since, null)
      sent.push({ full: changes.full, records: changes.records.length, removed: changes.removed.length })
      if (changes.full) slices.push({ rev: changes.rev, offset: changes.offset, next: changes.next, records: changes.records.length })
      return { ok: true, value: changes }
    },
    entry: (record) => record,
    id: (person) => person.id,
    compare: byName,
    slice,
  })
  return {
    index,
    sent,
    slices,
    set beforeNext(run: (() => void) | null) {
      beforeNext = run
    },
    get list() {
      return list
    },
    /** Another window asking: main's feed takes in the list as it is now. */
    follow: () => feed.follow(list, list.version, list.people),
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

  describe('a whole list in slices', () => {
    const people = (count: number, prefix = 'Person') =>
      Array.from({ length: count }, (_, i) => ({ id: String(i).padStart(5, '0'), name: `${prefix} ${(i * 7919) % count}` }))

    it('arrives whole and in order, one slice per answer, the entries held answering until it is complete', async () => {
      const j = joined(400)
      j.list.set(people(10))
      await j.index.update()
      const held = j.index.entries
      const version = j.index.version
      j.list.set(people(1_000, 'Client'))
      let seen: Array<readonly Person[]> = []
      j.beforeNext = () => {
        seen = [...seen, j.index.entries]
      }
      await j.index.update()
      expect(j.slices.slice(1).map(({ offset, next, records }) => ({ offset, next, records }))).toEqual([
        { offset: 0, next: 400, records: 400 },
        { offset: 400, next: 800, records: 400 },
        { offset: 800, next: null, records: 200 },
      ])
      // Until the last slice, searches were answered from the whole list held before, never a part.
      expect(seen).toEqual([held, held])
      expect(j.index.entries).toEqual(j.list.people)
      expect(j.index.version).toBe(version + 1)
    })

    it('gets the list as it was when its first slice came, then catches up with what changed meanwhile', async () => {
      const j = joined(300)
      const first = people(1_000)
      j.list.set(first)
      let changes = 0
      j.beforeNext = () => {
        // A sync stores a renamed client while the window is between slices.
        if (changes++ === 0) j.list.set([...first.slice(1), { id: first[0]!.id, name: 'Aaron Renamed' }])
      }
      const update = j.index.update()
      await update
      // The slices all came from the first version; the rename came after, as a change.
      expect(new Set(j.slices.map((slice) => slice.rev)).size).toBe(1)
      expect(j.index.entries.map((person) => person.id)).toEqual(first.slice().sort(byName).map((person) => person.id))
      await j.index.update()
      expect(j.sent.at(-1)).toEqual({ full: false, records: 1, removed: 0 })
      expect(j.index.entries).toEqual(j.list.people)
    })

    it('starts the list again when main no longer holds the version being received', async () => {
      const j = joined(100)
      j.list.set(people(300))
      let round = 0
      j.beforeNext = () => {
        // Many versions pass between two slices (a long sync): the first one is forgotten.
        if (round++ > 0) return
        for (let i = 0; i < 20; i++) {
          j.list.set(people(300 + i))
          j.follow()
        }
      }
      await j.index.update()
      expect(j.slices.map(({ offset }) => offset)).toEqual([0, 0, 100, 200, 300])
      expect(j.index.entries).toEqual(j.list.people)
    })

    it('keeps the version a window is receiving while other windows see newer ones', async () => {
      const j = joined(100)
      const first = people(500)
      j.list.set(first)
      j.beforeNext = () => {
        // Between every two slices, more versions than main keeps pass (other windows asking meanwhile).
        for (let i = 0; i < 3; i++) {
          j.list.set(people(500 + j.slices.length * 3 + i))
          j.follow()
        }
      }
      await j.index.update()
      const firstPass = j.slices.slice(0, 5)
      expect(firstPass.map(({ offset }) => offset)).toEqual([0, 100, 200, 300, 400])
      expect(new Set(firstPass.map((slice) => slice.rev)).size).toBe(1)
      j.beforeNext = null
      await j.index.update()
      expect(j.index.entries).toEqual(j.list.people)
    })
  })
})
