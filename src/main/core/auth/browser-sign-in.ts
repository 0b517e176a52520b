import { AppError } from '@shared/result'
import type { LoginSecrets } from './login-secrets'
import { startLoopback, type CallbackResult } from './loopback'
import { createPkce, createState } from './pkce'
import { GrantRefused, requestTokens, type TokenEndpoint } from './token-endpoint'

export const SIGN_IN_TIMEOUT_MS = 5 * 60_000

export const SIGN_IN_MESSAGES = {
  cancelled: 'Sign-in cancelled.',
  timedOut: 'Sign-in timed out: nothing came back from your browser within 5 minutes. Please try again.',
  denied: 'You did not allow Plannr Desktop to use your Plannr account, so you are not signed in.',
  wrongState:
    'That sign-in reply did not match the request Plannr Desktop made, so it was ignored for your safety. Please try again.',
  exchangeRefused: 'Plannr did not accept the sign-in. Please try again.',
  failed: 'Plannr could not complete the sign-in. Please try again.',
  couldNotOpen: 'Plannr Desktop could not open your browser. Copy the sign-in link into your browser instead.',
} as const

export interface BrowserSignInOptions extends TokenEndpoint {
  scope: string
  /** Hands the authorise page to the user's browser (and, in the UI, shows the link). */
  open: (url: string) => Promise<void>
  timeoutMs?: number
  signal: AbortSignal
}

export function authorizeUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/oauth/authorize`
}

/**
 * Authorization code with PKCE for a native app (RFC 8252): the browser signs in at Plannr, which
 * redirects to a one-shot loopback server; the code is exchanged with the verifier only this process
 * knows. Ends with tokens, or an AppError saying plainly why not (cancelled, timed out, refused).
 */
export async function signInWithBrowser(options: BrowserSignInOptions): Promise<LoginSecrets> {
  const pkce = createPkce()
  const state = createState()
  const loopback = await startLoopback(state)
  const timeoutMs = options.timeoutMs ?? SIGN_IN_TIMEOUT_MS
  let timer: NodeJS.Timeout | undefined
  let onAbort: (() => void) | undefined
  try {
    const url = new URL(authorizeUrl(options.apiUrl))
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: options.clientId,
      redirect_uri: loopback.redirectUri,
      scope: options.scope,
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
    }).toString()

    const ended = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppError('unauthenticated', SIGN_IN_MESSAGES.timedOut)), timeoutMs)
      onAbort = () => reject(new AppError('unauthenticated', SIGN_IN_MESSAGES.cancelled))
      if (options.signal.aborted) onAbort()
      else options.signal.addEventListener('abort', onAbort, { once: true })
    })
    ended.catch(() => undefined)

    // A browser that cannot be opened is not the end: the UI shows the link to copy.
    const opening = options.open(url.toString()).catch(() => undefined)
    const callback: CallbackResult = await Promise.race([loopback.result, ended])
    await opening
    if (callback.kind === 'wrong-state') throw new AppError('unauthenticated', SIGN_IN_MESSAGES.wrongState)
    if (callback.kind === 'error') {
      throw new AppError(callback.error === 'access_denied' ? 'forbidden' : 'unauthenticated', callback.error === 'access_denied' ? SIGN_IN_MESSAGES.denied : SIGN_IN_MESSAGES.failed)
    }
    const exchange = requestTokens(
      options,
      { grant_type: 'authorization_code', code: callback.code, redirect_uri: loopback.redirectUri, code_verifier: pkce.verifier },
      SIGN_IN_MESSAGES.exchangeRefused,
    )
    try {
      return await Promise.race([exchange, ended])
    } catch (error) {
      if (error instanceof GrantRefused) throw new AppError('unauthenticated', SIGN_IN_MESSAGES.exchangeRefused)
      throw error
    }
  } finally {
    clearTimeout(timer)
    if (onAbort) options.signal.removeEventListener('abort', onAbort)
    await loopback.close()
  }
}
