import { isAbsolute, relative, resolve } from 'node:path'

/**
 * The file under `root` that a URL's (still percent-encoded) pathname names, or null when it would
 * escape `root` — `..`, `%2e%2e%2f`, `%5c`, NUL bytes and malformed escapes included. "/" is index.html.
 * Used by both servers of the built renderer: the app:// protocol and the web preview.
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
