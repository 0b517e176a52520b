import { isHTTPError, isNetworkError, isTimeoutError } from 'ky'
import type { z } from 'zod'
import { AppError, type ErrorCode } from '@shared/result'
import { ErrorBody } from '@shared/plannr'
import { retryAfterFromHeaders } from './retry-after'

export type PlannrErrorCode = Extract<
  ErrorCode,
  'unauthenticated' | 'forbidden' | 'not_found' | 'validation' | 'rate_limited' | 'server' | 'network'
>

export interface PlannrErrorDetail {
  status?: number
  fields?: Record<string, string[]>
  retryAfter?: number
  /** Plannr's own `message`, for logs (the user-facing message is ours). */
  serverMessage?: string
  /** Why a response did not match its schema, for logs; never shown to the user. */
  issues?: readonly z.core.$ZodIssue[]
  cause?: unknown
  /** A create whose answer was lost (see uncertain-create.ts). */
  maybeSaved?: boolean
}

/** A failed call to Plannr, with a message written for an adviser and a code the UI can act on. */
export class PlannrError extends AppError {
  declare readonly code: PlannrErrorCode
  readonly status?: number
  readonly serverMessage?: string
  readonly issues?: readonly z.core.$ZodIssue[]

  constructor(code: PlannrErrorCode, message: string, detail: PlannrErrorDetail = {}) {
    super(code, message, {
      ...(detail.fields ? { fields: detail.fields } : {}),
      ...(detail.retryAfter !== undefined ? { retryAfter: detail.retryAfter } : {}),
      ...(detail.maybeSaved ? { maybeSaved: true } : {}),
    })
    this.name = 'PlannrError'
    this.status = detail.status
    this.serverMessage = detail.serverMessage
    this.issues = detail.issues
    if (detail.cause !== undefined) this.cause = describeCause(detail.cause)
  }
}

/**
 * What went wrong underneath, as text only. ky's errors carry the Request, whose headers hold the
 * bearer token: keeping the object would print the token wherever the error is logged.
 */
export function describeCause(cause: unknown, depth = 0): string {
  if (!(cause instanceof Error)) return typeof cause === 'string' ? cause : 'unknown cause'
  const code = (cause as { code?: unknown }).code
  const line = `${cause.name}: ${cause.message}${typeof code === 'string' ? ` (${code})` : ''}`
  return cause.cause !== undefined && depth < 3 ? `${line} ← ${describeCause(cause.cause, depth + 1)}` : line
}

export const UNREADABLE_MESSAGE =
  'Plannr sent a response Plannr Desktop could not read. Please try again; if it keeps happening, tell your support team.'

export function unreadableResponse(detail: PlannrErrorDetail): PlannrError {
  return new PlannrError('server', UNREADABLE_MESSAGE, detail)
}

function waitPhrase(seconds: number | undefined): string {
  if (seconds === undefined) return 'in a minute'
  if (seconds <= 1) return 'in a moment'
  if (seconds < 90) return `in ${seconds} seconds`
  return `in about ${Math.round(seconds / 60)} minutes`
}

/** The error for an HTTP status Plannr answered with, its body read leniently (JSON, text or nothing). */
export function errorFromStatus(status: number, data: unknown, headers: Headers, now = Date.now()): PlannrError {
  const body = ErrorBody.safeParse(data)
  const serverMessage = body.success ? body.data.message : typeof data === 'string' ? data.slice(0, 500) : undefined
  const base = { status, ...(serverMessage ? { serverMessage } : {}) }
  switch (status) {
    case 401:
      return new PlannrError(
        'unauthenticated',
        'Plannr did not accept your token. It may have expired or been revoked: sign in again to carry on.',
        base,
      )
    case 403:
      return new PlannrError(
        'forbidden',
        'Plannr says your login is not allowed to do this. Your firm’s Plannr administrator can change your permissions.',
        base,
      )
    case 404:
      return new PlannrError(
        'not_found',
        'Plannr could not find this. It may have been deleted, or it belongs to another account.',
        base,
      )
    case 422: {
      const fields = body.success ? body.data.errors : undefined
      const message = body.success && body.data.message ? body.data.message : 'Plannr could not accept this. Check the details and try again.'
      return new PlannrError('validation', message, { ...base, ...(fields ? { fields } : {}) })
    }
    case 429: {
      const retryAfter = retryAfterFromHeaders(headers, now)
      return new PlannrError(
        'rate_limited',
        `Plannr has had too many requests from you in the last minute. Try again ${waitPhrase(retryAfter)}.`,
        { ...base, ...(retryAfter !== undefined ? { retryAfter } : {}) },
      )
    }
  }
  if (status >= 500) {
    return new PlannrError('server', `Plannr had a problem on its side (error ${status}). Such problems usually pass quickly: try again, and if it keeps happening, wait a few minutes.`, base)
  }
  return new PlannrError('server', `Plannr turned the request down (error ${status}). Please try again; if it keeps happening, tell your support team.`, base)
}

export const NETWORK_MESSAGE = 'Can’t reach Plannr. Check your internet connection and try again.'
export const TIMEOUT_MESSAGE = 'Can’t reach Plannr: it took too long to answer. Check your internet connection and try again.'

/** Anything a ky call threw, as a PlannrError. Errors we do not recognise are bugs and pass through. */
export function toPlannrError(error: unknown): unknown {
  if (error instanceof PlannrError) return error
  if (isHTTPError(error)) return errorFromStatus(error.response.status, error.data, error.response.headers)
  if (isTimeoutError(error)) return new PlannrError('network', TIMEOUT_MESSAGE, { cause: error })
  // fetch reports every failure to connect as a TypeError; ky only wraps the messages it knows.
  if (isNetworkError(error) || error instanceof TypeError) return new PlannrError('network', NETWORK_MESSAGE, { cause: error })
  return error
}
