import { isAbsolute, relative, resolve } from 'node:path'

/*
 * How the built renderer is served: by the web preview's HTTP server here, and by the desktop app's
 * app:// protocol (electron/protocol.ts imports this plain-Node module so both enforce the same policy).
 */

/**
 * The renderer's Content-Security-Policy: its own scripts only, no plugins, no framing, no forms posting
 * elsewhere, and no network except back to its own origin (main does all talking to Plannr).
 * Inline styles stay allowed because Svelte's transitions set them.
 */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ["connect-src 'self'", ...extraConnectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ')
}

/**
 * The file under `root` that a URL's (still percent-encoded) pathname names, or null when it would
 * escape `root` — `..`, `%2e%2e%2f`, `%5c`, NUL bytes and malformed escapes included. "/" is index.html.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || !decoded.startsWith('/')) return null
  const base = resolve(root)
  const file = resolve(base, '.' + (decoded === '/' ? '/index.html' : decoded))
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null
  return file
}
