/** Where updating itself cannot work, the updater is off and the about panel says why. */

export type UpdateAvailability = { enabled: true } | { enabled: false; reason: string }

export interface AvailabilityInput {
  /** Electron's `app.isPackaged`. */
  packaged: boolean
  platform: string
  env: Readonly<Record<string, string | undefined>>
  /** The feed from settings; undefined when none is set. */
  feedUrl: string | undefined
}

/** Set by the test runners (Vitest; Playwright's workers pass theirs on to the apps they launch). */
const TEST_RUNNER_VARIABLES = ['VITEST', 'TEST_WORKER_INDEX'] as const

export function underTest(env: AvailabilityInput['env']): boolean {
  return env['PLANNR_UPDATES'] === 'off' || TEST_RUNNER_VARIABLES.some((name) => env[name] !== undefined)
}

export function updateAvailability(input: AvailabilityInput): UpdateAvailability {
  if (!input.packaged) return { enabled: false, reason: 'Updates are off in a development build.' }
  if (underTest(input.env)) return { enabled: false, reason: 'Updates are off while tests run.' }
  // electron-updater replaces the running AppImage; a deb or other package is updated by the system's
  // package manager, which the app must not fight.
  if (input.platform === 'linux' && !input.env['APPIMAGE']) {
    return { enabled: false, reason: 'This installation is updated by your package manager.' }
  }
  if (!['darwin', 'win32', 'linux'].includes(input.platform)) {
    return { enabled: false, reason: `Updates are not available on ${input.platform}.` }
  }
  const feed = checkFeedUrl(input.feedUrl)
  if (!feed.ok) return { enabled: false, reason: feed.reason }
  return { enabled: true }
}

/** An update feed must be https (a local test feed on loopback may be http). */
export function checkFeedUrl(feedUrl: string | undefined): { ok: true; url: string } | { ok: false; reason: string } {
  if (feedUrl === undefined || feedUrl.trim() === '') return { ok: false, reason: 'No update feed is set.' }
  let url: URL
  try {
    url = new URL(feedUrl)
  } catch {
    return { ok: false, reason: 'The update feed address is not a URL.' }
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return { ok: false, reason: 'The update feed must be an https address.' }
  }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'The update feed address must not carry credentials.' }
  // A build made without a feed carries a .invalid placeholder (app-update-config.ts).
  if (url.hostname.endsWith('.invalid')) return { ok: false, reason: 'No update feed is set.' }
  return { ok: true, url: url.toString().replace(/\/+$/, '') }
}
