/** Query values as callers write them; arrays become comma lists, as Plannr's filters expect. */
export type QueryParams = Record<string, string | number | boolean | readonly string[] | undefined>

export type SortDirection = 'asc' | 'desc'

/**
 * Plannr query string from typed params. `undefined`, empty strings and empty lists are dropped: an
 * empty filter means "no filter" to every caller, and spatie/query-builder ignores empty values anyway.
 * Keys are sent as written (`filter[name]`, `include`, `sort`); URLSearchParams does the encoding.
 */
export function toSearchParams(query: QueryParams = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue
    if (typeof value === 'string') {
      if (value !== '') params.set(key, value)
    } else if (typeof value === 'number' || typeof value === 'boolean') {
      params.set(key, String(value))
    } else {
      const items = value.filter((item) => item !== '')
      if (items.length > 0) params.set(key, items.join(','))
    }
  }
  return params
}

/** `sort` as Plannr reads it: the field, with a leading '-' for descending. */
export function sortParam(field: string | undefined, direction: SortDirection = 'asc'): string | undefined {
  if (field === undefined) return undefined
  return direction === 'desc' ? `-${field}` : field
}

/** A uuid or other id placed in a path segment. */
export function segment(id: string): string {
  return encodeURIComponent(id)
}
