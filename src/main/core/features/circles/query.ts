import type { ParsedInput } from '@shared/contract'
import type { CircleRow, CirclesPage } from '@shared/models/circles'
import { accountName, type Account, type Circle } from '@shared/plannr'
import { collator, compareIds, fold, timeOf } from '../common/text-search'

export type CirclesListQuery = ParsedInput<'circles.list'>

function memberFirstName(account: Account): string {
  return account.first_name?.trim() || accountName(account).split(/\s+/)[0] || accountName(account)
}

function matches(circle: Circle, needle: string): boolean {
  if (fold(circle.name).includes(needle)) return true
  return (circle.accounts ?? []).some((account) => fold(accountName(account)).includes(needle))
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

/** The circles that pass the member and group filters and the search, in no particular order. */
export function filterCircles(circles: readonly Circle[], query: Pick<CirclesListQuery, 'search' | 'accountUuid' | 'groupUuid'>): Circle[] {
  const needle = fold(query.search.trim())
  const { accountUuid, groupUuid } = query
  return circles.filter(
    (circle) =>
      (accountUuid === null || (circle.accounts ?? []).some((account) => account.uuid === accountUuid)) &&
      (groupUuid === null || (circle.groups ?? []).some((group) => group.uuid === groupUuid)) &&
      (needle === '' || matches(circle, needle)),
  )
}

function sortedCircles(circles: readonly Circle[], query: CirclesListQuery): Circle[] {
  const sign = query.direction === 'desc' ? -1 : 1
  const byName = (a: Circle, b: Circle) => collator.compare(a.name, b.name)
  const found = filterCircles(circles, query)
  if (query.sort === 'name') return found.sort((a, b) => sign * byName(a, b) || compareIds(a.uuid, b.uuid))
  // Times are parsed once per circle, not once per comparison.
  const field = query.sort
  return found
    .map((circle) => ({ circle, time: timeOf(circle[field]) }))
    .sort((a, b) => sign * (a.time - b.time || 0) || byName(a.circle, b.circle) || compareIds(a.circle.uuid, b.circle.uuid))
    .map((entry) => entry.circle)
}

function slice(sorted: readonly Circle[], all: readonly Circle[], query: CirclesListQuery, syncedAt: string | null): CirclesPage {
  return {
    rows: sorted.slice(query.offset, query.offset + query.limit).map(toCircleRow),
    total: sorted.length,
    grandTotal: all.length,
    syncedAt,
  }
}

/** Filter, sort and slice the whole list; ties fall back to name then uuid so paging is stable. */
export function pageOfCircles(circles: readonly Circle[], query: CirclesListQuery, syncedAt: string | null): CirclesPage {
  return slice(sortedCircles(circles, query), circles, query, syncedAt)
}

/**
 * pageOfCircles that remembers the last filtered, sorted list: a scrolling window asks for one window
 * after another with the same search, and each then costs a slice rather than a sort of every circle.
 */
export function createCirclePager(): (circles: readonly Circle[], query: CirclesListQuery, syncedAt: string | null) => CirclesPage {
  let last: { circles: readonly Circle[]; key: string; sorted: Circle[] } | null = null
  return (circles, query, syncedAt) => {
    const key = JSON.stringify([query.search, query.accountUuid, query.groupUuid, query.sort, query.direction])
    if (last?.circles !== circles || last.key !== key) last = { circles, key, sorted: sortedCircles(circles, query) }
    return slice(last.sorted, circles, query, syncedAt)
  }
}
