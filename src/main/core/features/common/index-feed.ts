import { randomUUID } from 'node:crypto'
import type { IndexChanges, IndexPosition } from '@shared/models/search-index'

/** Removals remembered for windows that are behind; one further behind gets the whole list again. */
const MAX_REMOVALS = 5_000
/** More changed records than this (and than a quarter of the list) come as the whole list, in order. */
const MAX_CHANGES = 500
/** Lists as they were at the last few revisions (or last sliced), so that a window taking one in slices gets it whole. */
const MAX_SNAPSHOTS = 8

interface Slot<R> {
  entry: object
  record: R
  /** The record as sent, to tell a record stored again unchanged (every full sync does) from a changed one. */
  json: string
  rev: number
}

/**
 * What the window's search index needs to stay in step with a list: the whole list once (in the list's
 * order), then the records changed and the ids removed since the revision it has. `entries` must keep
 * an entry object the same while its record is unchanged (the list caches them per stored record), so
 * that a change of one client costs one record on the wire, not the whole list.
 */
export class IndexFeed<E extends object, R> {
  private epoch = randomUUID()
  private rev = 0
  private source: object | null = null
  private version = -1
  private slots = new Map<string, Slot<R>>()
  private removals: Array<{ id: string; rev: number }> = []
  /** Revisions below this cannot be answered with changes: their removals are forgotten. */
  private floor = 0
  private ordered: readonly E[] = []
  private snapshots: Array<{ rev: number; ordered: readonly E[] }> = []

  constructor(
    private readonly id: (entry: E) => string,
    private readonly toRecord: (entry: E) => R,
  ) {}

  /**
   * Brings the feed up to `entries` (the list's index, in order) when `source` (the repository) or its
   * `version` moved; a new source starts a new epoch.
   */
  follow(source: object, version: number, entries: readonly E[]): void {
    if (source !== this.source) {
      this.source = source
      this.epoch = randomUUID()
      this.rev = 0
      this.floor = 0
      this.slots = new Map()
      this.removals = []
      this.snapshots = []
      this.version = -1
    }
    if (version === this.version) return
    this.version = version
    this.ordered = entries
    const rev = this.rev + 1
    let changed = false
    const seen = new Set<string>()
    for (const entry of entries) {
      const id = this.id(entry)
      seen.add(id)
      const slot = this.slots.get(id)
      if (slot?.entry === entry) continue
      const record = this.toRecord(entry)
      const json = JSON.stringify(record)
      if (slot?.json === json) {
        slot.entry = entry
        continue
      }
      this.slots.set(id, { entry, record, json, rev })
      changed = true
    }
    for (const id of this.slots.keys()) {
      if (seen.has(id)) continue
      this.slots.delete(id)
      this.removals.push({ id, rev })
      changed = true
    }
    if (changed) this.rev = rev
    this.snapshots = [...this.snapshots.filter((snapshot) => snapshot.rev !== this.rev), { rev: this.rev, ordered: entries }].slice(-MAX_SNAPSHOTS)
    if (this.removals.length > MAX_REMOVALS) {
      const dropped = this.removals.splice(0, this.removals.length - MAX_REMOVALS)
      this.floor = (dropped[dropped.length - 1]?.rev ?? 0) + 1
    }
  }

  /**
   * The changes since `since`; the whole list when that is from another epoch or too far behind, or when
   * so much changed that the window would rather take the list in order than put each change in place.
   * With a `limit`, a whole list comes in slices: each answer says where the next one starts, and a later
   * slice comes from the list as it was at the revision asked for (or, if that is gone, the list starts again).
   */
  since(since: IndexPosition, syncedAt: string | null): IndexChanges<R> {
    if (since.offset > 0) {
      const snapshot = since.epoch === this.epoch ? this.snapshots.find((held) => held.rev === since.rev) : undefined
      if (snapshot && since.offset < snapshot.ordered.length) {
        // Kept as the most recently used, so that a window still receiving it is not made to start again.
        this.snapshots = [...this.snapshots.filter((held) => held !== snapshot), snapshot]
        return this.slice(snapshot, since.offset, since.limit, syncedAt)
      }
      return this.slice({ rev: this.rev, ordered: this.ordered }, 0, since.limit, syncedAt)
    }
    const whole = (): IndexChanges<R> => this.slice({ rev: this.rev, ordered: this.ordered }, 0, since.limit, syncedAt)
    if (since.epoch !== this.epoch || since.rev < this.floor || since.rev > this.rev) return whole()
    const records: R[] = []
    for (const slot of this.slots.values()) if (slot.rev > since.rev) records.push(slot.record)
    if (records.length > Math.max(MAX_CHANGES, this.ordered.length / 4)) return whole()
    const removed = this.removals.filter((removal) => removal.rev > since.rev).map((removal) => removal.id)
    return { epoch: this.epoch, rev: this.rev, syncedAt, full: false, records, removed, offset: 0, next: null }
  }

  private slice(list: { rev: number; ordered: readonly E[] }, offset: number, limit: number | undefined, syncedAt: string | null): IndexChanges<R> {
    const end = limit === undefined ? list.ordered.length : Math.min(list.ordered.length, offset + limit)
    return {
      epoch: this.epoch,
      rev: list.rev,
      syncedAt,
      full: true,
      records: list.ordered.slice(offset, end).map((entry) => this.recordOf(entry)),
      removed: [],
      offset,
      next: end < list.ordered.length ? end : null,
    }
  }

  private recordOf(entry: E): R {
    // An older list's entry may have been replaced since: its own record, not the newer one.
    const slot = this.slots.get(this.id(entry))
    return slot?.entry === entry ? slot.record : this.toRecord(entry)
  }
}
