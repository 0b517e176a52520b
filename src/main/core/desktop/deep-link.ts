/**
 * `plannr-desktop://` links: which item a link opens, or why it opens nothing. Links come from other apps
 * and web pages, so everything about them is untrusted: exactly a kind and a UUID, nothing else.
 */

/** The URL scheme the installers register with the OS. */
export const DEEP_LINK_SCHEME = 'plannr-desktop'

export type DeepLinkTarget =
  | { kind: 'conversation'; uuid: string }
  | { kind: 'circle'; uuid: string }
  | { kind: 'client'; uuid: string }

export type DeepLinkKind = DeepLinkTarget['kind']

export type DeepLinkResult = { ok: true; target: DeepLinkTarget } | { ok: false; reason: string }

const KINDS: readonly DeepLinkKind[] = ['conversation', 'circle', 'client']
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Longer than any link the app makes by far: refuse before parsing. */
const MAX_LENGTH = 200

function isKind(value: string): value is DeepLinkKind {
  return (KINDS as readonly string[]).includes(value)
}

/** Shortens what a stranger sent before it goes into a log line. */
function quoted(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?')
  return JSON.stringify(clean.length > 80 ? `${clean.slice(0, 80)}…` : clean)
}

export function parseDeepLink(link: string): DeepLinkResult {
  if (link.length > MAX_LENGTH) return { ok: false, reason: `link longer than ${MAX_LENGTH} characters` }
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return { ok: false, reason: `not a URL: ${quoted(link)}` }
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return { ok: false, reason: `not a ${DEEP_LINK_SCHEME}: link: ${quoted(link)}` }
  if (url.username !== '' || url.password !== '' || url.port !== '') return { ok: false, reason: `unexpected parts in link: ${quoted(link)}` }
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: `query or fragment not allowed: ${quoted(link)}` }
  // plannr-desktop://conversation/<uuid>: the kind is the host, the UUID the single path segment.
  // Windows may add a trailing slash when it passes a link on the command line.
  const kind = url.hostname.toLowerCase()
  if (!isKind(kind)) return { ok: false, reason: `unknown kind ${quoted(kind)} (expected ${KINDS.join(', ')})` }
  const path = /^\/([^/]+)\/?$/.exec(url.pathname)
  if (!path) return { ok: false, reason: `expected ${DEEP_LINK_SCHEME}://${kind}/<uuid>, got ${quoted(link)}` }
  const uuid = path[1] ?? ''
  if (!UUID.test(uuid)) return { ok: false, reason: `not a UUID: ${quoted(uuid)}` }
  // The URL parser resolves dot segments and escapes: only the link exactly as written is accepted.
  if (link.replace(/\/$/, '').toLowerCase() !== `${DEEP_LINK_SCHEME}://${kind}/${uuid}`.toLowerCase()) {
    return { ok: false, reason: `not a plain ${DEEP_LINK_SCHEME}://${kind}/<uuid> link: ${quoted(link)}` }
  }
  return { ok: true, target: { kind, uuid: uuid.toLowerCase() } }
}

/**
 * The deep link among a process's command-line arguments: how Windows and Linux hand a link to the app
 * (on first start, and to the running instance through `second-instance`). macOS uses `open-url` instead.
 */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  const prefix = `${DEEP_LINK_SCHEME}:`
  return argv.find((arg) => arg.toLowerCase().startsWith(prefix))
}
