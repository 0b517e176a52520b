import { createHash, randomBytes } from 'node:crypto'

export interface Pkce {
  /** Kept by the app and sent only to the token endpoint. */
  verifier: string
  /** Sent with the authorise request: BASE64URL(SHA256(verifier)), RFC 7636 §4.2. */
  challenge: string
}

/** The S256 challenge for a verifier. */
export function challengeFor(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

/** 32 random bytes as base64url: a 43-character verifier, the minimum RFC 7636 allows, with 256 bits of entropy. */
export function createPkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: challengeFor(verifier) }
}

/** An unguessable `state`, tying the callback to the request this app made (RFC 6749 §10.12). */
export function createState(): string {
  return randomBytes(24).toString('base64url')
}
