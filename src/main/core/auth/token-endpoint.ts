import { z } from 'zod'
import { AppError } from '@shared/result'
import type { LoginSecrets } from './login-secrets'

/** Plannr's /oauth/token answer (Laravel Passport). */
const TokenResponse = z.object({
  token_type: z.string().regex(/^bearer$/i),
  access_token: z.string().min(1).max(2048),
  refresh_token: z.string().min(1).max(2048).optional(),
  expires_in: z.number().int().positive().optional(),
})

/** An OAuth error body: `{ error, error_description?, hint?, message? }`. */
const OAuthErrorBody = z.object({ error: z.string(), error_description: z.string().optional(), hint: z.string().optional() })

export const UNREACHABLE_MESSAGE = "Plannr can't be reached. Check your internet connection, then try again."

/** Plannr answered, and said no: the grant (code or refresh token) is not, or no longer, good. */
export class GrantRefused extends AppError {
  constructor(
    message: string,
    readonly oauthError: string,
  ) {
    super('unauthenticated', message)
    this.name = 'GrantRefused'
  }
}

export interface TokenEndpoint {
  apiUrl: string
  clientId: string
  fetch?: typeof fetch
  now: () => number
  timeoutMs?: number
}

export function tokenUrl(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/oauth/token`
}

/**
 * One form-encoded POST to /oauth/token. Network trouble and server errors are AppErrors the caller may
 * retry later; a 400/401 is a GrantRefused. The request body (code, verifier, refresh token) is never
 * logged or put in an error.
 */
export async function requestTokens(endpoint: TokenEndpoint, params: Record<string, string>, refusedMessage: string): Promise<LoginSecrets> {
  const fetcher = endpoint.fetch ?? globalThis.fetch.bind(globalThis)
  const body = new URLSearchParams({ ...params, client_id: endpoint.clientId })
  let response: Response
  try {
    response = await fetcher(tokenUrl(endpoint.apiUrl), {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
      signal: AbortSignal.timeout(endpoint.timeoutMs ?? 30_000),
    })
  } catch {
    throw new AppError('network', UNREACHABLE_MESSAGE)
  }
  const text = await response.text().catch(() => '')
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (response.status === 400 || response.status === 401) {
    const error = OAuthErrorBody.safeParse(json)
    throw new GrantRefused(refusedMessage, error.success ? error.data.error : `http_${response.status}`)
  }
  if (!response.ok) {
    throw new AppError('server', `Plannr could not complete the sign-in just now (error ${response.status}). Please try again.`)
  }
  const parsed = TokenResponse.safeParse(json)
  if (!parsed.success) throw new AppError('server', 'Plannr sent a sign-in answer Plannr Desktop could not read. Please try again.')
  const issuedAt = endpoint.now()
  const { access_token, refresh_token, expires_in } = parsed.data
  return {
    accessToken: access_token,
    ...(refresh_token ? { refreshToken: refresh_token } : {}),
    ...(expires_in ? { expiresAt: issuedAt + expires_in * 1000, issuedAt } : {}),
  }
}
