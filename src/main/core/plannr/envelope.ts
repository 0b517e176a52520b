import { z } from 'zod'
import { AppError } from '@shared/result'
import { paginated, wrapped, type PageLinks, type PageMeta } from '@shared/plannr'

/**
 * A single resource as Plannr returns it: the docs show bare objects, Laravel resources may wrap them
 * in `data`. Either reads as the resource.
 */
export function resource<T extends z.ZodType>(item: T) {
  return z.union([wrapped(item).transform((r) => r.data as z.output<T>), item])
}

/** One page of a Laravel-paginated list. */
export interface Page<T> {
  data: T[]
  meta?: PageMeta
  links?: z.output<typeof PageLinks>
}

/** The schema of one page of `item`s, typed as a Page. */
export function pageOf<T extends z.ZodType>(item: T): z.ZodType<Page<z.output<T>>> {
  return paginated(item) as unknown as z.ZodType<Page<z.output<T>>>
}

/** Answers whose body we do not use (e.g. pinning): anything, or nothing, is fine. */
export const Ignored = z.unknown().transform((): void => undefined)

/**
 * A request body checked against the shared request schema before it leaves: a bug on our side must
 * not reach Plannr (and, with no idempotency keys, cannot be taken back). Unknown keys are dropped.
 */
export function checkedBody<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const fields: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  throw new AppError('internal', `Plannr Desktop tried to send ${what} that Plannr would not accept, so it was not sent.`, { fields })
}
