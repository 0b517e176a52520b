import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { resolveInside } from '../renderer-serving/resolve-inside'

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export interface StaticServerOptions {
  root: string
  /** Headers every response carries (the CSP among them). */
  headers: () => Record<string, string>
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
  res.end(text)
}

/**
 * Serves the built renderer. Paths are resolved inside `root` only (a path that would leave it is
 * refused with 403); an unknown path without a file extension gets index.html, so a reload on any
 * in-app location still finds the app.
 */
export function createStaticHandler(options: StaticServerOptions) {
  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = options.headers()
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed', { ...headers, allow: 'GET, HEAD' })
      return
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/'
    const file = resolveInside(options.root, rawPath)
    if (!file) {
      sendText(res, 403, 'Forbidden', headers)
      return
    }
    let target = file
    if (!(await isFile(target))) {
      if (extname(target) !== '') {
        sendText(res, 404, 'Not found', headers)
        return
      }
      target = join(options.root, 'index.html')
      if (!(await isFile(target))) {
        sendText(res, 404, 'The renderer is not built: run `npx electron-vite build` first.', headers)
        return
      }
    }
    const isHtml = extname(target) === '.html'
    res.writeHead(200, {
      ...headers,
      'content-type': MIME_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
      // The HTML names the hashed assets: always fetch it fresh; the assets themselves never change.
      'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    })
    if (req.method === 'HEAD') {
      res.end()
      return
    }
    const stream = createReadStream(target)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }
}
