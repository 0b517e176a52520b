/**
 * /__sandbox/oauth — lets a test in another process steer the OAuth server: refuse consent, pick the
 * user the authorise page signs in as, shorten token lifetimes, revoke every token. Never journaled.
 */
import { z } from 'zod'
import { SANDBOX_TOKENS, type SandboxUserKey } from '../tokens'
import type { OAuthGrants } from './oauth-grants'

const USER_KEYS = Object.keys(SANDBOX_TOKENS) as [SandboxUserKey, ...SandboxUserKey[]]

export const OAuthSettingsPatch = z
  .strictObject({
    user: z.enum(USER_KEYS),
    refuseConsent: z.boolean(),
    accessTokenTtlSeconds: z.number().int().min(1).max(31_536_000),
  })
  .partial()

export function handleOAuthControl(
  grants: OAuthGrants,
  method: string,
  path: string,
  rawBody: string,
): { status: number; body?: unknown } | undefined {
  const route = `${method} ${path.replace(/\/+$/, '')}`
  const view = () => ({ ...grants.settings, issued: { ...grants.issued } })
  switch (route) {
    case 'GET /__sandbox/oauth':
      return { status: 200, body: view() }
    case 'PUT /__sandbox/oauth': {
      let json: unknown
      try {
        json = JSON.parse(rawBody || '{}')
      } catch {
        return { status: 400, body: { message: 'The body is not valid JSON.' } }
      }
      const parsed = OAuthSettingsPatch.safeParse(json)
      if (!parsed.success) {
        return { status: 422, body: { message: 'Invalid OAuth settings.', errors: z.flattenError(parsed.error).fieldErrors } }
      }
      Object.assign(grants.settings, parsed.data)
      return { status: 200, body: view() }
    }
    case 'POST /__sandbox/oauth/revoke':
      grants.revokeAll()
      return { status: 204 }
    default:
      return undefined
  }
}
