/**
 * When a window's interface cannot be loaded (a missing or corrupt build, a dev server that is not
 * running), the window must not stay invisible and the failure must not become an unhandled rejection:
 * it shows this plain page instead, saying what happened and what to do.
 */

export interface LoadFailure {
  /** Chromium's error name, e.g. ERR_FILE_NOT_FOUND, when known. */
  code: string | null
  message: string
}

/** What a rejected `loadURL` carries: Electron sets `code` (e.g. 'ERR_ABORTED') and `errno`. */
export function describeLoadFailure(error: unknown): LoadFailure {
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null
  const message = error instanceof Error ? error.message : String(error)
  return { code, message: message.slice(0, 500) }
}

/**
 * ERR_ABORTED means another navigation replaced this one (a reload, the dev server's own reload): the
 * window is loading something else, so it is not a failure to show.
 */
export function isSupersededLoad(failure: LoadFailure): boolean {
  return failure.code === 'ERR_ABORTED'
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** A self-contained page (no scripts, no network) as a data: URL. */
export function loadFailurePageUrl(failure: LoadFailure, productName: string): string {
  const detail = failure.code ? `${failure.code}: ${failure.message}` : failure.message
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(productName)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;color:#222}
code{white-space:pre-wrap;word-break:break-word}@media(prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}}</style>
</head><body>
<h1>${escapeHtml(productName)} could not open its window</h1>
<p>Its interface did not load. Quit and start ${escapeHtml(productName)} again; if this keeps happening, reinstall it.
When running from source, run <code>npm run build</code> (or keep <code>npm run dev</code> running) and try again.</p>
<p>Details: <code>${escapeHtml(detail)}</code></p>
</body></html>`
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`
}
