import { AppError } from '@shared/result'
import type { TokenSource } from '../plannr/client'
import type { LoginSecrets } from './login-secrets'
import { GrantRefused, requestTokens, type TokenEndpoint } from './token-endpoint'

/** Refresh this long before expiry at most; less for short-lived tokens (a fifth of their lifetime). */
const MAX_EARLY_REFRESH_MS = 60_000

export const SESSION_ENDED_MESSAGE = 'Your Plannr sign-in has ended. Please sign in again.'

export interface RefreshingTokenOptions extends TokenEndpoint {
  secrets: LoginSecrets
  /** Stores rotated tokens; awaited before the new token is used, so a restart never holds a spent one. */
  persist: (secrets: LoginSecrets) => Promise<void>
  /** Plannr refused the refresh token (or a fresh access token): the sign-in is over. */
  onRefused: () => void
}

/**
 * An OAuth access token that renews itself: shortly before it expires, and when Plannr answers 401.
 * However many requests notice at once, one refresh runs and all of them wait for it (single flight).
 * Refresh tokens are rotated: each refresh stores the new pair before anyone uses it.
 */
export class RefreshingTokens implements TokenSource {
  private secrets: LoginSecrets
  private refreshing: Promise<string | null> | undefined
  private ended = false

  constructor(private readonly options: RefreshingTokenOptions) {
    this.secrets = options.secrets
  }

  async current(): Promise<string> {
    if (this.ended) throw new AppError('unauthenticated', SESSION_ENDED_MESSAGE)
    if (!this.dueForRefresh()) return this.secrets.accessToken
    const before = this.secrets.accessToken
    try {
      const renewed = await this.refreshOnce()
      if (renewed) return renewed
    } catch (error) {
      // Plannr out of reach: an access token that has not yet expired may still work.
      if (!this.expired()) return before
      throw error
    }
    throw new AppError('unauthenticated', SESSION_ENDED_MESSAGE)
  }

  async renew(rejected: string): Promise<string | null> {
    if (this.ended) return null
    // Someone else already replaced the token this request used: use theirs.
    if (rejected !== this.secrets.accessToken) return this.secrets.accessToken
    return this.refreshOnce()
  }

  /** The tokens as they stand, for the keychain. */
  secretsNow(): LoginSecrets {
    return this.secrets
  }

  refused(): void {
    this.end()
  }

  private dueForRefresh(): boolean {
    const { expiresAt, issuedAt, refreshToken } = this.secrets
    if (expiresAt === undefined || !refreshToken) return false
    const lifetime = issuedAt !== undefined ? expiresAt - issuedAt : MAX_EARLY_REFRESH_MS * 5
    return this.options.now() >= expiresAt - Math.min(MAX_EARLY_REFRESH_MS, lifetime / 5)
  }

  private expired(): boolean {
    const { expiresAt } = this.secrets
    return expiresAt !== undefined && this.options.now() >= expiresAt
  }

  private refreshOnce(): Promise<string | null> {
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined
    })
    return this.refreshing
  }

  private async refresh(): Promise<string | null> {
    const refreshToken = this.secrets.refreshToken
    if (!refreshToken) {
      this.end()
      return null
    }
    let next: LoginSecrets
    try {
      next = await requestTokens(this.options, { grant_type: 'refresh_token', refresh_token: refreshToken }, SESSION_ENDED_MESSAGE)
    } catch (error) {
      if (error instanceof GrantRefused) {
        this.end()
        return null
      }
      throw error
    }
    // Plannr may leave the refresh token out when it does not rotate it: keep the one we have.
    const rotated: LoginSecrets = { ...next, refreshToken: next.refreshToken ?? refreshToken }
    await this.options.persist(rotated)
    this.secrets = rotated
    return rotated.accessToken
  }

  private end(): void {
    if (this.ended) return
    this.ended = true
    this.options.onRefused()
  }
}
