import { createHash } from 'node:crypto'

/**
 * A token as the journal keeps it: the first 6 hex digits of its SHA-256. Enough to tell the demo users'
 * tokens apart in a test; useless to anyone who reads the journal, even if a real token was pasted by mistake.
 */
export function tokenFingerprint(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex').slice(0, 6)}`
}

/** An Authorization header with its credentials replaced by their fingerprint; the scheme is kept. */
export function fingerprintAuthorization(header: string): string {
  const match = /^(\S+)\s+(.*)$/s.exec(header.trim())
  if (!match) return tokenFingerprint(header)
  return `${match[1]} ${tokenFingerprint((match[2] ?? '').trim())}`
}
