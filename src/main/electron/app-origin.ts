/**
 * Where the renderer comes from: the `app://plannr` origin in a packaged or previewed build, or the
 * electron-vite dev server while developing. Everything that decides "is this us?" asks here.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'plannr'
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** The dev server's URL, set by `electron-vite dev` only. */
export function devServerUrl(): string | undefined {
  const url = process.env['ELECTRON_RENDERER_URL']
  return url && url.length > 0 ? url : undefined
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True when `url` belongs to the app itself. `URL.origin` is "null" for non-special schemes such as
 * app:, so scheme and host are compared instead.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
  const dev = devServerUrl()
  const devParsed = dev ? parse(dev) : null
  return devParsed !== null && parsed.origin === devParsed.origin
}

/** The URL a new window loads. */
export function rendererEntryUrl(): string {
  return devServerUrl() ?? APP_ENTRY_URL
}
