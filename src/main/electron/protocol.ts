import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { net, protocol, type Session } from 'electron'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { contentSecurityPolicy } from '../renderer-serving/content-security-policy'
import { resolveInside } from '../renderer-serving/resolve-inside'

/**
 * `app://plannr/…` serves the built renderer. A privileged standard scheme gives the renderer a real,
 * stable origin (unlike file://), so the CSP's 'self' means exactly these files.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ])
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/** Serves `rendererDir` (out/renderer) on app://plannr with the CSP header on every response. */
export function serveRenderer(session: Session, rendererDir: string): void {
  const root = resolve(rendererDir)
  const csp = contentSecurityPolicy()
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return plainResponse(404, 'Not found')
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Method not allowed')
    const file = resolveInside(root, url.pathname)
    if (!file) return plainResponse(403, 'Forbidden')
    let fetched: Response
    try {
      fetched = await net.fetch(pathToFileURL(file).toString())
    } catch {
      return plainResponse(404, 'Not found')
    }
    if (!fetched.ok) return plainResponse(404, 'Not found')
    const headers = new Headers(fetched.headers)
    headers.set('content-security-policy', csp)
    headers.set('x-content-type-options', 'nosniff')
    return new Response(fetched.body, { status: 200, headers })
  })
}

/** Where electron-vite puts the built renderer, relative to out/main/index.js. */
export function builtRendererDir(): string {
  return join(__dirname, '../renderer')
}
