import { PlannrError } from './errors'

/*
 * Plannr has no idempotency keys. When a create (POST) was sent and its answer lost — the connection
 * dropped, it timed out, Plannr or a proxy failed with a 5xx, or it answered with something unreadable —
 * the record may exist already. Inviting the user to "try again" would create it twice: say what is
 * true instead, and mark the error so the interface offers to check rather than to resend.
 */

export const MAYBE_SAVED_MESSAGE =
  'Plannr did not confirm this, but it may have received it before the answer was lost. Check whether it is there before sending it again.'

/**
 * Failures to connect at all (refused, no such host, no network): the request never left, so nothing
 * can have been created. Node reports them by code, Electron's net.fetch by its net:: error name.
 */
const NEVER_CONNECTED =
  /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_CONNECTION_REFUSED|ERR_ADDRESS_UNREACHABLE|ERR_PROXY_CONNECTION_FAILED)\b/

/** True when a POST that failed this way may still have been carried out by Plannr. */
function mayHaveReachedPlannr(error: PlannrError): boolean {
  if (error.code === 'network') return !(typeof error.cause === 'string' && NEVER_CONNECTED.test(error.cause))
  // 4xx answers (other than being too many, which is not processed) mean Plannr refused it.
  return error.code === 'server' && (error.status === undefined || error.status >= 500 || error.status < 400)
}

/** The error to report for a failed write: for a create that may have gone through, the uncertain one. */
export function uncertainIfCreate(method: string, error: unknown): unknown {
  if (method !== 'POST' || !(error instanceof PlannrError) || !mayHaveReachedPlannr(error)) return error
  return new PlannrError(error.code, MAYBE_SAVED_MESSAGE, {
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.serverMessage !== undefined ? { serverMessage: error.serverMessage } : {}),
    ...(typeof error.cause === 'string' ? { cause: error.cause } : {}),
    maybeSaved: true,
  })
}
