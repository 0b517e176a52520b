import type { ParsedInput } from '@shared/contract'
import type { CircleRow, CirclesPage } from '@shared/models/circles'
import { accountName, type Account, type Circle } from '@shared/plannr'
import { collator, compareIds, fold, timeOf } from './text-search'

export type CirclesListQuery = ParsedInput<'circles.list'>


function memberFirstName(account: Account): string {
  return account.first_name?.trim() || accountName(account).split(/\s+/)[0] || accountName(account)
}

function matches(circle: Circle, needle: string): boolean {
  if (fold(circle.name).includes(needle)) return true
  return (circle.accounts ?? []).some((account) => fold(accountName(account)).includes(needle))
}

function compareBy(sort: CirclesListQuery['sort']): (a: Circle, b: Circle) => number {
  if (sort === 'name') return (a, b) => collator.compare(a.name, b.name)
  const field = sort === 'created_at' ? 'created_at' : 'updated_at'
  return (a, b) => timeOf(a[field]) - timeOf(b[field])
}

export function toCircleRow(circle: Circle): CircleRow {
  const accounts = circle.accounts ?? []
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

/** Search, sort and slice the whole list; ties fall back to name then uuid so paging is stable. */
export function pageOfCircles(circles: readonly Circle[], query: CirclesListQuery, syncedAt: string | null): CirclesPage {
  const needle = fold(query.search.trim())
  const found = needle === '' ? [...circles] : circles.filter((circle) => matches(circle, needle))
  const primary = compareBy(query.sort)
  const sign = query.direction === 'desc' ? -1 : 1
  found.sort(
    (a, b) =>
      sign * primary(a, b) || collator.compare(a.name, b.name) || compareIds(a.uuid, b.uuid),
  )
  return {
    rows: found.slice(query.offset, query.offset + query.limit).map(toCircleRow),
    total: found.length,
    grandTotal: circles.length,
    syncedAt,
  }
}
