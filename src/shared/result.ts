import { z } from 'zod'

/**
 * What crosses the IPC boundary. ipcMain.handle would keep only an error's message, so failures travel
 * as values: `{ ok: false, error }` with a code the UI can act on.
 */
export const ERROR_CODES = [
  'invalid_input', // the caller sent something the contract does not accept
  'unknown_call', // a name the contract does not list
  'forbidden_sender', // the call came from a frame or connection we do not trust
  'not_signed_in', // the call needs a session and there is none
  'unauthenticated', // Plannr rejected the token (401)
  'forbidden', // Plannr refused the action (403)
  'not_found', // Plannr has no such thing (404)
  'validation', // Plannr rejected the input (422), with `fields`
  'rate_limited', // Plannr asked us to slow down (429) and retries ran out
  'server', // Plannr failed (5xx) or answered with something we could not read
  'network', // Plannr could not be reached
  'keychain', // the OS keychain failed
  'internal', // a bug on our side
] as const
export const ErrorCode = z.enum(ERROR_CODES)
export type ErrorCode = z.infer<typeof ErrorCode>

export const IpcError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field name → messages, for validation errors. */
  fields: z.record(z.string(), z.array(z.string())).optional(),
  /** Seconds to wait before trying again, when the server said so. */
  retryAfter: z.number().optional(),
  /** A create whose answer was lost: it may have reached Plannr, so check before sending it again. */
  maybeSaved: z.boolean().optional(),
})
export type IpcError = z.infer<typeof IpcError>

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, extra: Omit<IpcError, 'code' | 'message'> = {}): Result<never> {
  return { ok: false, error: { code, message, ...extra } }
}

/** An error a handler throws to fail a call with a specific code; anything else becomes `internal`. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string[]>
  readonly retryAfter?: number
  readonly maybeSaved?: boolean

  constructor(code: ErrorCode, message: string, extra: Omit<IpcError, 'code' | 'message'> = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.fields = extra.fields
    this.retryAfter = extra.retryAfter
    if (extra.maybeSaved) this.maybeSaved = true
  }

  toIpcError(): IpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      ...(this.maybeSaved ? { maybeSaved: true } : {}),
    }
  }
}
