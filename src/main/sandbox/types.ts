/** The sandbox's public types (the fixed cross-team interface). */
import type { OAuthGrants, OAuthSettings } from './routes/oauth-grants'

/** The named sizes of the workspace (see README.md); the web preview offers these on its command line. */
export const NAMED_SIZES = ['small', 'demo', 'large'] as const
export type NamedSize = (typeof NAMED_SIZES)[number]
export type SandboxSize = NamedSize | { clients: number; circles: number }

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
  /**
   * The /__sandbox control routes, for tests in another process (`sandboxControl()` from ./control).
   * Passed in rather than built in, so that the desktop app's own bundle never carries them.
   */
  control?: SandboxControl
}

export interface ControlState {
  journal: { readonly entries: RecordedRequest[]; clear(): void }
  faults: Faults
  oauth: OAuthGrants
  info: () => unknown
}

export interface ControlRequest {
  method: string
  path: string
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>
  /** host:port the sandbox listens on; any other Host is refused (against DNS rebinding). */
  expectedHost: string
  rawBody: string
}

export interface ControlReply {
  status: number
  body?: unknown
}

export interface SandboxControl {
  /** This run's secret, sent as `X-Sandbox-Control` on every control request. */
  readonly secret: string
  /** Whether a path is one of the control routes'. */
  owns(path: string): boolean
  handle(state: ControlState, request: ControlRequest): ControlReply
}

export interface RecordedRequest {
  method: string
  path: string
  /** Flat query, keys as sent, e.g. { 'filter[name]': 'okafor', per_page: '500' }. */
  query: Record<string, string>
  /** Lower-cased header names; `authorization` keeps its scheme, its token replaced by `tokenFingerprint`. */
  headers: Record<string, string>
  /** Parsed JSON body, or null when there was none (or it was not JSON). */
  body: unknown
  /** 0 when the request was dropped by the offline fault. */
  status: number
  at: string
}

export interface ForcedResponse {
  /** 0: close the connection without answering. */
  status: number
  /** Carry the request out first, then answer with this instead (an answer lost after the work was done). */
  afterWork?: boolean
  /** With `afterWork`: hold the answer this long first (a request that hangs past the caller's timeout). */
  holdMs?: number
  /** Only a request with this method takes this entry; others pass it by. */
  method?: string
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
  /** The secret of the control routes, when they were asked for. */
  controlSecret: string | undefined
}

export interface SandboxOAuth {
  settings: OAuthSettings
  readonly issued: { authorization_code: number; refresh_token: number }
  revokeAll(): void
}
