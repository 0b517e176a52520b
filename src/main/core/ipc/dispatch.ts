import type { z } from 'zod'
import { contract, isCallName, type CallName, type CallOutput, type ParsedInput } from '@shared/contract'
import { AppError, fail, ok, type IpcError, type Result } from '@shared/result'

/** One handler per call, typed by the contract: input already parsed, output checked on the way out. */
export type Handlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<CallOutput<N>> }

export interface DispatchLog {
  error(message: string, detail?: unknown): void
}

/** Field path → messages, from a zod error, for the renderer to show at the right field. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

const INTERNAL: IpcError = { code: 'internal', message: 'Something went wrong inside Plannr Desktop. Please try again.' }

/** Turns anything a handler threw into an error the renderer may see: no stack, no internals. */
export function toIpcError(error: unknown, log: DispatchLog): IpcError {
  if (error instanceof AppError) return error.toIpcError()
  log.error('Unexpected error in a call handler', error)
  return { ...INTERNAL }
}

/** A name that is not one of the contract's, described without calling anything on it (it may be hostile). */
function describeName(name: unknown): string {
  if (typeof name === 'string') return JSON.stringify(name.slice(0, 100))
  return `of type ${Array.isArray(name) ? 'array' : name === null ? 'null' : typeof name}`
}

/**
 * The single entry point for every call, whichever transport carried it (Electron IPC or the web
 * preview's WebSocket). It never throws: an unknown name, a malformed input or a failing handler all
 * come back as `{ ok: false, error }`.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog) {
  async function answer(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    // The type first: anything else (an object with a hostile toString, a symbol) is never coerced.
    if (typeof name !== 'string' || !isCallName(name)) {
      return fail('unknown_call', `There is no call named ${describeName(name)}.`)
    }
    const spec = contract.calls[name]
    // Structured clone can carry Dates, Maps and class instances, which a schema for an empty object
    // would accept: only plain objects (or nothing, for calls without input) go on to the schema.
    if (rawInput != null && !isPlainObject(rawInput)) {
      return fail('invalid_input', `The input to ${name} must be an object.`, { fields: { _: ['Expected an object'] } })
    }
    const parsed = spec.input.safeParse(rawInput ?? {})
    if (!parsed.success) {
      return fail('invalid_input', `The input to ${name} was not valid.`, { fields: fieldErrors(parsed.error) })
    }
    // The map is typed per name; TypeScript cannot correlate the two generics here.
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    const output = await handler(parsed.data)
    const checked = spec.output.safeParse(output)
    if (!checked.success) {
      log.error(`The ${name} handler returned something the contract does not allow`, checked.error)
      return { ok: false, error: { ...INTERNAL } }
    }
    return ok(checked.data)
  }

  return async function dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    try {
      return await answer(name, rawInput)
    } catch (error) {
      // A failing handler, or an input whose getters throw while it is parsed.
      return { ok: false, error: toIpcError(error, log) }
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>

/**
 * For transports: the answer to a call, even if dispatch itself were ever to fail, so that a bad frame
 * can never take down the process that carries it.
 */
export async function dispatchSafely(dispatch: Dispatch, name: unknown, input: unknown, log: DispatchLog): Promise<Result<unknown>> {
  try {
    return await dispatch(name, input)
  } catch (error) {
    log.error('A call failed outside its handler', error instanceof Error ? error.message : typeof error)
    return { ok: false, error: { ...INTERNAL } }
  }
}
