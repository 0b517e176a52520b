import { z } from 'zod'

/**
 * Building blocks for Plannr resources. Resources parse leniently: unknown fields pass through
 * (`z.looseObject`) and fields we do not depend on may be absent or null, because the documented
 * examples are partly broken (see plannr-api/reference.md) and the live API adds fields over time.
 */

/** Plannr ids are UUIDs in practice, but the docs show ids such as "abc-123": accept any non-empty string. */
export const PlannrId = z.string().min(1).max(100)

/** ISO-8601 with offset, e.g. 2025-04-22T13:44:18+01:00. Kept as text; the UI formats it. */
export const Timestamp = z.string().min(1)

export const optionalText = z.string().nullish()

/** Money at its lowest denomination, e.g. { amount: "4000", currency: "GBP", formatted: "£40.00" }. */
export const Money = z.looseObject({
  amount: z.union([z.string(), z.number()]).nullish(),
  currency: optionalText,
  formatted: optionalText,
})

export const Tag = z.looseObject({
  uuid: PlannrId,
  name: z.string(),
  slug: optionalText,
  colour: optionalText,
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
})
export type Tag = z.infer<typeof Tag>

export const ExternalReference = z.looseObject({
  uuid: PlannrId,
  reference: z.string(),
  third_party: optionalText,
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
})
export type ExternalReference = z.infer<typeof ExternalReference>

/**
 * A relation the docs sometimes render as a placeholder string ("App\\Http\\Resources\\…") or as a
 * single object where a list is meant. Anything that is not a list of valid items reads as absent.
 */
export function relationList<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (Array.isArray(value)) return value
    if (value !== null && typeof value === 'object') return [value]
    return undefined
  }, z.array(item).optional())
}

/** A single related object the docs sometimes render as a placeholder string: a non-object reads as absent. */
export function relation<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined),
    item.optional(),
  )
}

/** Laravel's LengthAwarePaginator envelope. */
export const PageMeta = z.looseObject({
  current_page: z.number().int(),
  last_page: z.number().int(),
  per_page: z.union([z.number(), z.string()]).transform(Number),
  total: z.number().int(),
  from: z.number().int().nullish(),
  to: z.number().int().nullish(),
  path: optionalText,
})
export type PageMeta = z.infer<typeof PageMeta>

export const PageLinks = z.looseObject({
  first: optionalText,
  last: optionalText,
  prev: optionalText,
  next: optionalText,
})

export function paginated<T extends z.ZodType>(item: T) {
  return z.looseObject({
    data: z.array(item),
    links: PageLinks.optional(),
    meta: PageMeta.optional(),
  })
}

/** `{ data: T }` — how Plannr wraps single resources on some routes. */
export function wrapped<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: item })
}

/** Laravel's error body: 422 carries `errors`, every other status only `message`. */
export const ErrorBody = z.looseObject({
  message: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** The largest page Plannr serves. */
export const MAX_PER_PAGE = 500
