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

/** Turns anything a handler threw into an error the renderer may see: no stack, no internals. */
export function toIpcError(error: unknown, log: DispatchLog): IpcError {
  if (error instanceof AppError) return error.toIpcError()
  log.error('Unexpected error in a call handler', error)
  return { code: 'internal', message: 'Something went wrong inside Plannr Desktop. Please try again.' }
}

/**
 * The single entry point for every call, whichever transport carried it (Electron IPC or the web
 * preview's WebSocket). It never throws: an unknown name, a malformed input or a failing handler all
 * come back as `{ ok: false, error }`.
 */
export function createDispatcher(handlers: Handlers, log: DispatchLog) {
  return async function dispatch(name: unknown, rawInput: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      return fail('unknown_call', `There is no call named ${JSON.stringify(String(name).slice(0, 100))}.`)
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
    try {
      // The map is typed per name; TypeScript cannot correlate the two generics here.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>
      const output = await handler(parsed.data)
      const checked = spec.output.safeParse(output)
      if (!checked.success) {
        log.error(`The ${name} handler returned something the contract does not allow`, checked.error)
        return fail('internal', 'Something went wrong inside Plannr Desktop. Please try again.')
      }
      return ok(checked.data)
    } catch (error) {
      return { ok: false, error: toIpcError(error, log) }
    }
  }
}

export type Dispatch = ReturnType<typeof createDispatcher>
