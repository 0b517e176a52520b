/*
 * The renderer's Content-Security-Policy, defined once for everything that serves the renderer: the
 * desktop app's app:// protocol (electron/protocol.ts), the web preview's HTTP server and the dev server
 * (electron.vite.config.ts). Plain TypeScript with no imports, so the build config can use it too.
 */

/**
 * Its own scripts only, no plugins, no framing, no forms posting elsewhere, and no network except back to
 * its own origin (main does all talking to Plannr). Inline styles stay allowed because Svelte's
 * transitions set them. `extraConnectSources` adds e.g. the web preview's WebSocket.
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

/** The policy as a <meta> tag can carry it (frame-ancestors is ignored there and only warns). */
export function metaContentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return contentSecurityPolicy(extraConnectSources)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ')
}
