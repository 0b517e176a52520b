/**
 * /oauth/authorize and /oauth/token as Laravel Passport serves them to a public client with PKCE:
 * the authorise page approves at once (the sandbox has no login form) unless told to refuse, and the
 * token endpoint takes form-encoded authorization_code (with code_verifier) and refresh_token grants.
 * Errors have league/oauth2-server's shape: `{ error, error_description, hint?, message }`.
 */
import type { World } from '../data/world'
import { SANDBOX_TOKENS } from '../tokens'
import { s256, SANDBOX_OAUTH_CLIENTS, type OAuthGrants } from './oauth-grants'

export interface OAuthAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

const PKCE_VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/
const INVALID_GRANT_DESCRIPTION =
  'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.'

function oauthError(status: number, error: string, description: string, hint?: string): OAuthAnswer {
  return {
    status,
    body: { error, error_description: description, ...(hint ? { hint } : {}), message: description },
    headers: { 'Cache-Control': 'no-store' },
  }
}

const invalidRequest = (parameter: string) =>
  oauthError(
    400,
    'invalid_request',
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
    `Check the \`${parameter}\` parameter`,
  )
const invalidClient = () => oauthError(401, 'invalid_client', 'Client authentication failed')
const invalidGrant = (hint: string) => oauthError(400, 'invalid_grant', INVALID_GRANT_DESCRIPTION, hint)

function isKnownClient(clientId: string | undefined): clientId is string {
  return clientId !== undefined && (SANDBOX_OAUTH_CLIENTS as readonly string[]).includes(clientId)
}

/** RFC 8252 §7.3: a loopback redirect may use any port; the sandbox's desktop client registers /callback. */
function isRegisteredRedirect(uri: string | undefined): uri is string {
  if (!uri) return false
  try {
    const url = new URL(uri)
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.pathname === '/callback' && url.port !== ''
  } catch {
    return false
  }
}

function redirect(to: string, params: Record<string, string>): OAuthAnswer {
  const url = new URL(to)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return { status: 302, headers: { Location: url.toString(), 'Cache-Control': 'no-store' } }
}

/** GET /oauth/authorize: checks the request, then redirects back with a code (or access_denied). */
function authorize(grants: OAuthGrants, world: World, query: URLSearchParams, now: number): OAuthAnswer {
  const clientId = query.get('client_id') ?? undefined
  const redirectUri = query.get('redirect_uri') ?? undefined
  // Until the client and its redirect are known good, errors are shown here, never sent to the redirect.
  if (!isKnownClient(clientId)) return invalidClient()
  if (!isRegisteredRedirect(redirectUri)) return invalidRequest('redirect_uri')
  const state = query.get('state') ?? ''
  const back = (params: Record<string, string>) => redirect(redirectUri, { ...params, ...(state ? { state } : {}) })

  if (query.get('response_type') !== 'code') {
    return back({ error: 'unsupported_response_type', error_description: 'The authorization server does not support obtaining an authorization code using this method.' })
  }
  const challenge = query.get('code_challenge') ?? ''
  // A public client must use PKCE, and only S256 is accepted (plain would let a stolen code be spent).
  if (!/^[A-Za-z0-9\-_]{43}$/.test(challenge) || query.get('code_challenge_method') !== 'S256') {
    return back({ error: 'invalid_request', error_description: 'Code challenge must be S256 and follow the specification.' })
  }
  if (grants.settings.refuseConsent) {
    return back({ error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.' })
  }
  const user = world.usersByToken.get(SANDBOX_TOKENS[grants.settings.user])
  if (!user) return oauthError(500, 'server_error', 'The sandbox has no such user.')
  const code = grants.issueCode({ clientId, redirectUri, challenge, user }, now)
  return back({ code })
}

/** POST /oauth/token, form-encoded. */
function token(grants: OAuthGrants, form: URLSearchParams, contentType: string, now: number): OAuthAnswer {
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return invalidRequest('grant_type')
  const clientId = form.get('client_id') ?? undefined
  if (!isKnownClient(clientId)) return invalidClient()
  switch (form.get('grant_type')) {
    case 'authorization_code': {
      const code = form.get('code')
      if (!code) return invalidRequest('code')
      const verifier = form.get('code_verifier')
      if (!verifier) return invalidRequest('code_verifier')
      const grant = grants.takeCode(code, now)
      if (!grant || grant.clientId !== clientId) return invalidGrant('Authorization code has expired or was already used')
      if (grant.redirectUri !== form.get('redirect_uri')) return invalidGrant('Redirect URI does not match')
      if (!PKCE_VERIFIER.test(verifier)) return invalidRequest('code_verifier')
      if (s256(verifier) !== grant.challenge) return invalidGrant('Failed to verify `code_verifier`.')
      return { status: 200, body: grants.issueTokens(clientId, grant.user, now, 'authorization_code'), headers: { 'Cache-Control': 'no-store' } }
    }
    case 'refresh_token': {
      const refreshToken = form.get('refresh_token')
      if (!refreshToken) return invalidRequest('refresh_token')
      const issued = grants.rotate(refreshToken, clientId, now)
      if (!issued) return invalidGrant('Token has been revoked')
      return { status: 200, body: issued, headers: { 'Cache-Control': 'no-store' } }
    }
    default:
      return oauthError(400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server.', 'Check that all required parameters have been provided')
  }
}

/** The answer for an /oauth/... request, or undefined when the path is not one of them. */
export function handleOAuth(
  grants: OAuthGrants,
  world: World,
  request: { method: string; url: URL; raw: string; contentType: string; now: number },
): OAuthAnswer | undefined {
  const { method, url, raw, contentType, now } = request
  if (url.pathname === '/oauth/authorize') {
    if (method !== 'GET') return { status: 405, body: { message: 'Method not allowed.' }, headers: { Allow: 'GET' } }
    return authorize(grants, world, url.searchParams, now)
  }
  if (url.pathname === '/oauth/token') {
    if (method !== 'POST') return { status: 405, body: { message: 'Method not allowed.' }, headers: { Allow: 'POST' } }
    return token(grants, new URLSearchParams(raw), contentType, now)
  }
  return undefined
}
