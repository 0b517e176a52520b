/** The sandbox's public types (the fixed cross-team interface). */
import type { OAuthSettings } from './routes/oauth-grants'

export type SandboxSize = 'small' | 'demo' | 'large' | { clients: number; circles: number }

export interface SandboxOptions {
  /** Default 0: any free port. */
  port?: number
  /** Default 1. The same seed gives the same world (on the same UTC day). */
  seed?: number
  /** Default 'demo'. */
  size?: SandboxSize
  /** Default 500, Plannr's documented limit. */
  rateLimitPerMinute?: number
  /** The OAuth server's starting settings (user, refuseConsent, accessTokenTtlSeconds); changeable later. */
  oauth?: Partial<OAuthSettings>
}

export interface RecordedRequest {
  method: string
  path: string
  /** Flat query, keys as sent, e.g. { 'filter[name]': 'okafor', per_page: '500' }. */
  query: Record<string, string>
  /** Lower-cased header names. */
  headers: Record<string, string>
  /** Parsed JSON body, or null when there was none (or it was not JSON). */
  body: unknown
  /** 0 when the request was dropped by the offline fault. */
  status: number
  at: string
}

export interface ForcedResponse {
  status: number
  retryAfter?: number
  body?: unknown
}

export interface Faults {
  latencyMs: number
  /** 0..1: that fraction of requests answer 500, chosen by the seeded PRNG. */
  failureRate: number
  /** Destroy each socket without answering. */
  offline: boolean
  /** The next responses, first in first out, whatever the request. */
  queue: ForcedResponse[]
}

export interface Sandbox {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string
  close(): Promise<void>
  requests: RecordedRequest[]
  clearRequests(): void
  faults: Faults
  /** The OAuth server: its settings (mutable), tokens issued per grant type, and revoking every token. */
  oauth: SandboxOAuth
}

export interface SandboxOAuth {
  settings: OAuthSettings
  readonly issued: { authorization_code: number; refresh_token: number }
  revokeAll(): void
}
