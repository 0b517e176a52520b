/**
 * spatie/laravel-query-builder conventions (filter[x]=a,b, include=a,b, sort=-field) and Laravel's
 * LengthAwarePaginator envelope, as Plannr answers them.
 */
import { HttpError } from './http-error'
import { messages, validationError } from './validation'

export type Query = Record<string, string>

export const MAX_PER_PAGE = 500

/** A flat view of the query string; a repeated key keeps its last value. */
export function flatQuery(params: URLSearchParams): Query {
  const query: Query = {}
  for (const [key, value] of params) query[key] = value
  return query
}

function commaList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined
  return value.split(',').map((s) => s.trim()).filter(Boolean)
}

/** A comma-list filter, e.g. filter[uuid]=a,b → ['a','b']; undefined when absent or empty. */
export function filterList(query: Query, name: string): string[] | undefined {
  const list = commaList(query[`filter[${name}]`])
  return list && list.length > 0 ? list : undefined
}

export function filterText(query: Query, name: string): string | undefined {
  const value = query[`filter[${name}]`]?.trim()
  return value ? value : undefined
}

/** Spatie rejects filters a route does not allow with a 400. */
export function checkFilters(query: Query, allowed: readonly string[]): void {
  const unknown = Object.keys(query)
    .map((key) => /^filter\[([^\]]+)\]/.exec(key)?.[1])
    .filter((name): name is string => name !== undefined && !allowed.includes(name))
  if (unknown.length > 0) {
    throw new HttpError(400, {
      message: `Requested filter(s) \`${unknown.join(', ')}\` are not allowed. Allowed filter(s) are \`${allowed.join(', ')}\`.`,
    })
  }
}

export function parseIncludes(query: Query, allowed: readonly string[]): Set<string> {
  const requested = commaList(query.include) ?? []
  const unknown = requested.filter((name) => !allowed.includes(name))
  if (unknown.length > 0) {
    throw new HttpError(400, {
      message: `Requested include(s) \`${unknown.join(', ')}\` are not allowed. Allowed include(s) are \`${allowed.join(', ')}\`.`,
    })
  }
  return new Set(requested)
}

export interface SortKey {
  field: string
  descending: boolean
}

export function parseSort(query: Query, allowed: readonly string[], fallback: string): SortKey[] {
  const requested = commaList(query.sort)
  const list = requested && requested.length > 0 ? requested : [fallback]
  const keys = list.map((s) => ({ field: s.replace(/^-/, ''), descending: s.startsWith('-') }))
  const unknown = keys.filter((k) => !allowed.includes(k.field)).map((k) => k.field)
  if (unknown.length > 0) {
    throw new HttpError(400, {
      message: `Requested sort(s) \`${unknown.join(', ')}\` is not allowed. Allowed sort(s) are \`${allowed.join(', ')}\``,
    })
  }
  return keys
}

export type SortValue = string | number | null

/**
 * Sorts a copy of `items` by the keys (stable, so ties keep insertion order). Strings compare
 * case-insensitively; nulls sort last ascending and first descending, as MySQL does.
 */
export function sortItems<T>(items: readonly T[], keys: SortKey[], accessors: Record<string, (item: T) => SortValue>): T[] {
  const decorated = items.map((item, index) => ({ item, index, values: keys.map((k) => normalise(accessors[k.field]?.(item) ?? null)) }))
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const order = compare(a.values[i] ?? null, b.values[i] ?? null)
      if (order !== 0) return keys[i]?.descending ? -order : order
    }
    return a.index - b.index
  })
  return decorated.map((d) => d.item)
}

function normalise(value: SortValue): SortValue {
  return typeof value === 'string' ? value.toLowerCase() : value
}

function compare(a: SortValue, b: SortValue): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** per_page: an integer from 1 to 500, else 422 as Laravel's validator answers. */
export function perPage(query: Query, fallback: number): number {
  const raw = query.per_page
  if (raw === undefined || raw === '') return fallback
  if (!/^-?\d+$/.test(raw.trim())) throw validationError({ per_page: [messages.integer('per_page')] })
  const n = Number(raw)
  if (n < 1) throw validationError({ per_page: [messages.minNumber('per_page', 1)] })
  if (n > MAX_PER_PAGE) throw validationError({ per_page: [messages.maxNumber('per_page', MAX_PER_PAGE)] })
  return n
}

/** page: Laravel falls back to 1 for anything that is not a positive integer. */
export function pageNumber(query: Query): number {
  const n = Number(query.page)
  return Number.isInteger(n) && n >= 1 ? n : 1
}

export interface PageContext {
  /** e.g. http://127.0.0.1:PORT/api/v1/circles */
  path: string
  query: Query
}

function pageUrl(context: PageContext, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(context.query)) if (key !== 'page') params.set(key, value)
  params.set('page', String(page))
  return `${context.path}?${params.toString()}`
}

/** Laravel's page window: the ends, and three pages either side of the current one. */
function pageLinks(context: PageContext, current: number, last: number) {
  const pages = new Set<number>([1, 2, last - 1, last])
  for (let p = current - 3; p <= current + 3; p++) pages.add(p)
  const sorted = [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b)
  const links: Array<{ url: string | null; label: string; active: boolean }> = [
    { url: current > 1 ? pageUrl(context, current - 1) : null, label: '&laquo; Previous', active: false },
  ]
  let previous = 0
  for (const p of sorted) {
    if (p - previous > 1) links.push({ url: null, label: '...', active: false })
    links.push({ url: pageUrl(context, p), label: String(p), active: p === current })
    previous = p
  }
  links.push({ url: current < last ? pageUrl(context, current + 1) : null, label: 'Next &raquo;', active: false })
  return links
}

export function paginate<T>(items: readonly T[], context: PageContext, defaultPerPage: number, present: (item: T) => unknown) {
  const size = perPage(context.query, defaultPerPage)
  const current = pageNumber(context.query)
  const total = items.length
  const last = Math.max(1, Math.ceil(total / size))
  const start = (current - 1) * size
  const slice = items.slice(start, start + size)
  return {
    data: slice.map(present),
    links: {
      first: pageUrl(context, 1),
      last: pageUrl(context, last),
      prev: current > 1 ? pageUrl(context, Math.min(current - 1, last)) : null,
      next: current < last ? pageUrl(context, current + 1) : null,
    },
    meta: {
      current_page: current,
      from: slice.length > 0 ? start + 1 : null,
      last_page: last,
      links: pageLinks(context, current, last),
      path: context.path,
      per_page: size,
      to: slice.length > 0 ? start + slice.length : null,
      total,
    },
  }
}
