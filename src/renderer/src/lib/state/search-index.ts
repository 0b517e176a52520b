import type { IndexChanges, IndexPosition } from '@shared/models/search-index'
import type { Result } from '@shared/result'

export interface SearchIndexOptions<R, E> {
  /** Asks main for what changed since `since` (everything when it cannot tell), or a slice of a whole list. */
  fetch: (since: IndexPosition) => Promise<Result<IndexChanges<R>>>
  /**
   * A whole list comes in slices of at most this many records, each folded in its own task, so that no
   * single task of the window takes long (without it, the whole list in one answer).
   */
  slice?: number
  /** Builds an entry (folded, parsed) from a record main sent: once per change of the record. */
  entry: (record: R) => E
  id: (entry: E) => string
  /** The list's order: entries main sends in a whole list come in it; changed ones are put in place by it. */
  compare: (a: E, b: E) => number
  /** Runs after every change of the entries (e.g. ranking the names again). */
  reordered?: (entries: readonly E[]) => void
}

/**
 * A list's search index kept in the window, so that a keystroke is answered here, within the frame,
 * instead of after a round trip to main. It follows main's store: `update()` (on each `*.changed` event)
 * fetches only what changed since the revision it holds, and the whole list when main starts over.
 * Until the first answer arrives (or after a failed update) it is not `ready`, and the list asks main.
 */
export class SearchIndex<R, E> {
  /** Bumped on every change of the entries: answers worked out from an older version are stale. */
  version = 0
  /** The entries, in the list's order. */
  entries: readonly E[] = []
  syncedAt: string | null = null
  ready = false
  /** Asked for at least once: from then on it follows main's changes. */
  used = false

  readonly #options: SearchIndexOptions<R, E>
  #position: Pick<IndexPosition, 'epoch' | 'rev'> = { epoch: null, rev: 0 }
  #running: Promise<void> | null = null
  #again = false
  /** Moves on `forget()`: an answer on its way for what was forgotten is dropped. */
  #generation = 0

  constructor(options: SearchIndexOptions<R, E>) {
    this.#options = options
  }

  /** Catches up with main. Calls made while one runs are served by one more fetch after it. */
  update(): Promise<void> {
    this.used = true
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = this.#catchUp().finally(() => (this.#running = null))
    return this.#running
  }

  /** Drops everything held (another account): not ready, and fetched afresh when next wanted. */
  forget(): void {
    this.#generation++
    this.#position = { epoch: null, rev: 0 }
    this.entries = []
    this.syncedAt = null
    this.ready = false
    this.used = false
    this.#again = false
    this.version++
  }

  async #catchUp(): Promise<void> {
    do {
      this.#again = false
      const generation = this.#generation
      let since: IndexPosition = { ...this.#position, offset: 0, limit: this.#options.slice }
      // A whole list's entries as its slices arrive; the entries held meanwhile keep answering searches.
      let whole: E[] = []
      for (;;) {
        const result = await this.#options.fetch(since)
        // Forgotten meanwhile: this answer is not for what is wanted now (update() asks again if wanted).
        if (generation !== this.#generation) break
        const changes = result.ok ? result.value : null
        // A slice that does not follow the ones received (or start the list again) cannot be used either.
        if (changes === null || (changes.full && changes.offset !== 0 && changes.offset !== whole.length)) {
          // What is held may be behind main: the list asks main until an update succeeds.
          this.ready = false
          return
        }
        if (!changes.full) {
          this.#apply(changes)
          break
        }
        // The first slice, or main starting the list again (it no longer held the one being received).
        if (changes.offset === 0) whole = []
        for (const record of changes.records) whole.push(this.#options.entry(record))
        if (changes.next === null) {
          this.#replace(changes, whole)
          break
        }
        // The next slice is fetched in a task of its own (the answer's), from the same version of the list.
        since = { epoch: changes.epoch, rev: changes.rev, offset: changes.next, limit: this.#options.slice }
      }
    } while (this.#again)
  }

  /** The whole list, its entries built. */
  #replace(changes: IndexChanges<R>, entries: E[]): void {
    this.syncedAt = changes.syncedAt
    this.#position = { epoch: changes.epoch, rev: changes.rev }
    this.ready = true
    this.entries = entries
    this.#options.reordered?.(this.entries)
    this.version++
  }

  /** The records changed and the ids removed since the revision held. */
  #apply(changes: IndexChanges<R>): void {
    const { entry, id, compare } = this.#options
    this.syncedAt = changes.syncedAt
    this.#position = { epoch: changes.epoch, rev: changes.rev }
    const wasReady = this.ready
    this.ready = true
    if (changes.records.length === 0 && changes.removed.length === 0) {
      if (!wasReady) this.version++
      return
    }
    const incoming = changes.records.map(entry)
    const gone = new Set(changes.removed)
    for (const changed of incoming) gone.add(id(changed))
    const kept = this.entries.filter((existing) => !gone.has(id(existing)))
    this.entries = incoming.length <= FEW ? insertEach(kept, incoming, compare) : merge(kept, incoming.sort(compare), compare)
    this.#options.reordered?.(this.entries)
    this.version++
  }
}

/** Up to this many changes are put in place one by one; more are sorted and merged in one pass. */
const FEW = 32

function insertEach<E>(sorted: E[], incoming: readonly E[], compare: (a: E, b: E) => number): E[] {
  for (const entry of incoming) sorted.splice(insertionPoint(sorted, entry, compare), 0, entry)
  return sorted
}

/** Where `entry` goes in `sorted` (binary search): after every entry that sorts before or with it. */
function insertionPoint<E>(sorted: readonly E[], entry: E, compare: (a: E, b: E) => number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compare(sorted[middle] as E, entry) <= 0) low = middle + 1
    else high = middle
  }
  return low
}

/** Two sorted lists as one. */
function merge<E>(a: readonly E[], b: readonly E[], compare: (a: E, b: E) => number): E[] {
  const out: E[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(compare(a[i] as E, b[j] as E) <= 0 ? (a[i++] as E) : (b[j++] as E))
  while (i < a.length) out.push(a[i++] as E)
  while (j < b.length) out.push(b[j++] as E)
  return out
}
