/**
 * Which links may leave the app. Only three kinds, each to the system's own handler: https pages to the
 * browser, `mailto:` to the mail app, `tel:` to the phone app — never file:, javascript:, smb:, custom
 * app schemes or plain http. And only when the user clicked in the app's own window just before: a page
 * (or anything injected into it) cannot open things on its own.
 */

export type LinkRoute =
  /** The window tried to navigate to it (a plain link). */
  | 'navigation'
  /** window.open or a link with target="_blank". */
  | 'new-window'
  /** Chromium asked to hand an external protocol (mailto:, tel:) to the OS. */
  | 'external-protocol'

export interface LinkRequest {
  url: string
  route: LinkRoute
  /** The request came from the main frame of our own window, showing our own interface. */
  fromAppMainFrame: boolean
  /** The user clicked or pressed a key there just before (see UserActivation). */
  userActivated: boolean
}

export type LinkDecision = { open: true; url: string } | { open: false; reason: string }

/** Longer than any link the app shows; a mailto: with a long body still fits. */
const MAX_URL_LENGTH = 4_096

/** A phone number: digits, an optional leading +, and the usual separators. */
const PHONE = /^\+?[0-9][0-9 ().-]{2,30}$/

/** Percent-decoded text, or null when the escapes are malformed. */
function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text)
  } catch {
    return null
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Why `url` is not a link the app opens outside itself, or null when it is. */
export function externalUrlProblem(url: string): string | null {
  if (url.length > MAX_URL_LENGTH) return 'the link is too long'
  const parsed = parse(url)
  if (!parsed) return 'the link is not a valid URL'
  switch (parsed.protocol) {
    case 'https:':
      if (parsed.username || parsed.password) return 'https links with a user name or password are not opened'
      return null
    case 'mailto:': {
      const to = decoded(parsed.pathname)
      const first = to?.split(',')[0] ?? ''
      if (!/^[^\s@]+@[^\s@]+$/.test(first)) return 'the mailto: link has no email address'
      return null
    }
    case 'tel:': {
      const number = decoded(parsed.pathname)
      return number !== null && PHONE.test(number) ? null : 'the tel: link is not a phone number'
    }
    default:
      return `${parsed.protocol} links are not opened outside the app`
  }
}

export function decideExternalLink(request: LinkRequest): LinkDecision {
  const problem = externalUrlProblem(request.url)
  if (problem) return { open: false, reason: problem }
  if (!request.fromAppMainFrame) return { open: false, reason: 'the request did not come from the app’s own page' }
  if (!request.userActivated) return { open: false, reason: 'the user did not click a link' }
  return { open: true, url: request.url }
}
