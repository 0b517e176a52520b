/**
 * The Plannr sandbox: a Plannr-compatible HTTP server on 127.0.0.1 with a seeded, realistic UK
 * workspace. It is the app's demo workspace and the server every test talks to. See README.md.
 */
import { SIZES, type BookSize } from './data/fixed'
import { generateWorld } from './data/generate'
import { startOfUtcDay } from './data/time'
import { SandboxServer } from './server'
import { SANDBOX_TOKENS } from './tokens'
import type { Faults, Sandbox, SandboxOptions, SandboxSize } from './types'

export { SANDBOX_TOKENS } from './tokens'
export { tokenFingerprint } from './fingerprint'
export { NAMED_SIZES } from './types'
export type {
  Faults,
  ForcedResponse,
  NamedSize,
  RecordedRequest,
  Sandbox,
  SandboxControl,
  SandboxOAuth,
  SandboxOptions,
  SandboxSize,
} from './types'
export { SANDBOX_OAUTH_CLIENTS } from './routes/oauth-grants'

export const DEFAULT_SEED = 1

/** A named size, or explicit counts (conversations scale with circles). */
export function resolveSize(size: SandboxSize = 'demo'): BookSize {
  if (typeof size === 'string') return SIZES[size]
  const whole = (n: number, name: string) => {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`sandbox size: ${name} must be a whole number ≥ 0, got ${n}`)
    return n
  }
  const clients = whole(size.clients, 'clients')
  const circles = whole(size.circles, 'circles')
  return { clients, circles, conversations: circles === 0 ? 0 : Math.min(200, Math.max(5, Math.round(circles / 7))) }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED
  const size = resolveSize(options.size)
  const world = generateWorld({ seed, size, anchor: startOfUtcDay(Date.now()) })
  const server = new SandboxServer({
    world,
    seed,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 500,
    oauth: options.oauth,
    ...(options.control ? { control: options.control } : {}),
    info: () => ({
      seed,
      size,
      tokens: SANDBOX_TOKENS,
      firms: [...world.firms.values()].map((f) => f.name),
      accounts: world.accounts.size,
      circles: world.circles.size,
      conversations: world.conversations.size,
      contact_details: world.contactDetails.size,
    }),
  })
  const url = await server.listen(options.port ?? 0)
  return {
    url,
    close: () => server.close(),
    get requests() {
      return server.journal.entries
    },
    clearRequests: () => server.journal.clear(),
    controlSecret: options.control?.secret,
    get faults(): Faults {
      return server.faults
    },
    set faults(value: Faults) {
      server.faults = value
    },
    oauth: {
      settings: server.oauth.settings,
      issued: server.oauth.issued,
      revokeAll: () => server.oauth.revokeAll(),
    },
  }
}
