import type { ParsedInput } from '@shared/contract'
import type { CircleRow, CircleSearchRecord, CirclesPage } from '@shared/models/circles'
import { accountName, type Account, type Circle } from '@shared/plannr'
import { circleEntry, queryCircles, sortCircleIndex, type CircleEntry } from '@shared/search/circles'

export type CirclesListQuery = ParsedInput<'circles.list'>

function memberFirstName(account: Account): string {
  return account.first_name?.trim() || accountName(account).split(/\s+/)[0] || accountName(account)
}

export function toCircleRow(circle: Circle): CircleRow {
  // A joint account is the couple as one account, not another person: it is not counted or named.
  const accounts = (circle.accounts ?? []).filter((account) => account.uuid !== circle.joint_account_uuid)
  return {
    uuid: circle.uuid,
    name: circle.name,
    memberCount: accounts.length,
    groupCount: circle.groups?.length ?? 0,
    memberNames: accounts.map(memberFirstName),
    bgColour: circle.bg_colour ?? null,
    updatedAt: circle.updated_at ?? null,
  }
}

/** What searching, filtering and sorting a circle needs, as main and the window's own index both hold it. */
export function toCircleSearchRecord(circle: Circle): CircleSearchRecord {
  const accounts = circle.accounts ?? []
  return {
    row: toCircleRow(circle),
    memberNames: accounts.map(accountName),
    accountUuids: accounts.map((account) => account.uuid),
    groupUuids: (circle.groups ?? []).map((group) => group.uuid),
    createdAt: circle.created_at ?? null,
  }
}

/**
 * The circles' search index, rebuilt when the stored circles change: each circle's entry is kept while
 * the circle is unchanged, so a sync folds only the circles it brought.
 */
export class CircleIndex {
  private entries = new WeakMap<Circle, CircleEntry>()
  private built: { circles: readonly Circle[]; index: CircleEntry[] } | null = null

  /** Every circle's entry, by name (see sortCircleIndex). */
  of(circles: readonly Circle[]): CircleEntry[] {
    if (this.built?.circles !== circles) {
      this.built = { circles, index: sortCircleIndex(circles.map((circle) => this.entryOf(circle))) }
    }
    return this.built.index
  }

  private entryOf(circle: Circle): CircleEntry {
    let entry = this.entries.get(circle)
    if (!entry) this.entries.set(circle, (entry = circleEntry(toCircleSearchRecord(circle))))
    return entry
  }
}

function slice(sorted: readonly CircleEntry[], index: readonly CircleEntry[], query: CirclesListQuery, syncedAt: string | null): CirclesPage {
  return {
    rows: sorted.slice(query.offset, query.offset + query.limit).map((entry) => entry.row),
    total: sorted.length,
    grandTotal: index.length,
    syncedAt,
  }
}

/**
 * Filter, sort and slice the circles, remembering the last filtered, sorted list: a scrolling window asks
 * for one window after another with the same query, and each then costs a slice.
 */
export function createCirclePager(): (index: readonly CircleEntry[], query: CirclesListQuery, syncedAt: string | null) => CirclesPage {
  let last: { index: readonly CircleEntry[]; key: string; sorted: CircleEntry[] } | null = null
  return (index, query, syncedAt) => {
    const key = JSON.stringify([query.search, query.accountUuid, query.groupUuid, query.sort, query.direction])
    if (last?.index !== index || last.key !== key) last = { index, key, sorted: queryCircles(index, query) }
    return slice(last.sorted, index, query, syncedAt)
  }
}
