import { z } from 'zod'

/**
 * A login's secrets, the only thing kept in the keychain (one entry per login). Small on purpose:
 * Windows Credential Manager refuses anything over 2,560 bytes.
 */
export const LoginSecrets = z.object({
  accessToken: z.string().min(1).max(2048),
  /** OAuth only; rotated on every refresh. */
  refreshToken: z.string().min(1).max(2048).optional(),
  /** When the access token expires (ms since the epoch); OAuth only. */
  expiresAt: z.number().int().optional(),
  /** When it was issued, to refresh a little before expiry in proportion to its lifetime. */
  issuedAt: z.number().int().optional(),
})
export type LoginSecrets = z.infer<typeof LoginSecrets>

export function readSecrets(raw: string | null): LoginSecrets | null {
  if (raw === null) return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    return null
  }
  const parsed = LoginSecrets.safeParse(json)
  return parsed.success ? parsed.data : null
}
