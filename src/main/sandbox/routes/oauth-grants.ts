/**
 * What the sandbox's OAuth server remembers, as Laravel Passport would: authorisation codes (single use,
 * bound to a client, a redirect URI and a PKCE challenge), access tokens with an expiry, and refresh
 * tokens that are rotated on use. Tokens are random and never derived from anything a test could guess.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { UserRecord } from '../data/world'
import type { SandboxUserKey } from '../tokens'

/** Public (secret-less) clients registered with the sandbox; a desktop app is one. */
export const SANDBOX_OAUTH_CLIENTS = ['plannr-desktop'] as const

export interface OAuthSettings {
  /** The user the authorise page signs in as (the sandbox has no login form). */
  user: SandboxUserKey
  /** When true, the authorise page answers as if the user pressed "Cancel" (access_denied). */
  refuseConsent: boolean
  /** Lifetime of an access token; Passport's default is a year, tests use seconds. */
  accessTokenTtlSeconds: number
}

export const DEFAULT_OAUTH_SETTINGS: OAuthSettings = {
  user: 'adviser',
  refuseConsent: false,
  accessTokenTtlSeconds: 3600,
}

const CODE_TTL_MS = 10 * 60_000

interface CodeGrant {
  clientId: string
  redirectUri: string
  challenge: string
  user: UserRecord
  expiresAt: number
}

interface AccessGrant {
  user: UserRecord
  expiresAt: number
}

interface RefreshGrant {
  clientId: string
  user: UserRecord
  /** The access token issued with it, revoked when this refresh token is used (Passport does the same). */
  accessToken: string
}

export interface IssuedTokens {
  token_type: 'Bearer'
  expires_in: number
  access_token: string
  refresh_token: string
}

export class OAuthGrants {
  private readonly codes = new Map<string, CodeGrant>()
  private readonly access = new Map<string, AccessGrant>()
  private readonly refresh = new Map<string, RefreshGrant>()
  /** How many tokens each grant type has issued: lets tests count refreshes without reading secrets. */
  readonly issued = { authorization_code: 0, refresh_token: 0 }

  constructor(readonly settings: OAuthSettings = { ...DEFAULT_OAUTH_SETTINGS }) {}

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>, now: number): string {
    const code = randomToken('sbx_code')
    this.codes.set(code, { ...grant, expiresAt: now + CODE_TTL_MS })
    return code
  }

  /** Spends a code: whatever the outcome, it cannot be used again. */
  takeCode(code: string, now: number): CodeGrant | undefined {
    const grant = this.codes.get(code)
    this.codes.delete(code)
    if (!grant || grant.expiresAt < now) return undefined
    return grant
  }

  issueTokens(clientId: string, user: UserRecord, now: number, kind: keyof OAuthGrants['issued']): IssuedTokens {
    const ttl = this.settings.accessTokenTtlSeconds
    const accessToken = randomToken('sbx_at')
    const refreshToken = randomToken('sbx_rt')
    this.access.set(accessToken, { user, expiresAt: now + ttl * 1000 })
    this.refresh.set(refreshToken, { clientId, user, accessToken })
    this.issued[kind] += 1
    return { token_type: 'Bearer', expires_in: ttl, access_token: accessToken, refresh_token: refreshToken }
  }

  /** Rotation: the old refresh token and its access token stop working the moment a new pair is issued. */
  rotate(refreshToken: string, clientId: string, now: number): IssuedTokens | undefined {
    const grant = this.refresh.get(refreshToken)
    if (!grant || grant.clientId !== clientId) return undefined
    this.refresh.delete(refreshToken)
    this.access.delete(grant.accessToken)
    return this.issueTokens(clientId, grant.user, now, 'refresh_token')
  }

  /** The user an unexpired, unrevoked access token belongs to. */
  userFor(accessToken: string, now: number): UserRecord | undefined {
    const grant = this.access.get(accessToken)
    if (!grant || grant.expiresAt <= now) return undefined
    return grant.user
  }

  /** As if the user removed the app's access in Plannr: every token stops working. */
  revokeAll(): void {
    this.codes.clear()
    this.access.clear()
    this.refresh.clear()
  }
}

/** RFC 7636 S256: BASE64URL(SHA256(ASCII(code_verifier))). */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}
