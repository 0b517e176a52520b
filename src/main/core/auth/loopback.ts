import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const CALLBACK_PATH = '/callback'

/** What arrived at the callback: the query of the one request that carried the expected `state`. */
export type CallbackResult = { kind: 'code'; code: string } | { kind: 'error'; error: string; description?: string } | { kind: 'wrong-state' }

export interface Loopback {
  /** http://127.0.0.1:<port>/callback */
  redirectUri: string
  /** Settles with the first callback request; the server closes right after answering it. */
  result: Promise<CallbackResult>
  close(): Promise<void>
}

const PAGE = (heading: string, text: string) =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${heading} — Plannr Desktop</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem"><h1>${heading}</h1><p>${text}</p></body></html>`

/**
 * The redirect target of RFC 8252 §7.3: an HTTP server on 127.0.0.1 and an ephemeral port, listening
 * for exactly one request to /callback. That request settles the result whatever it carries (a wrong
 * `state` ends the attempt: it did not come from the browser this app sent), then the server closes.
 * Anything else (a favicon, a stray path) is answered 404 and ignored.
 */
export async function startLoopback(expectedState: string): Promise<Loopback> {
  let settle: (result: CallbackResult) => void = () => {}
  const result = new Promise<CallbackResult>((resolve) => {
    settle = resolve
  })
  let answered = false

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (answered || req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not found')
      return
    }
    answered = true
    const query = url.searchParams
    let outcome: CallbackResult
    if (query.get('state') !== expectedState) outcome = { kind: 'wrong-state' }
    else if (query.get('error')) {
      const description = query.get('error_description')
      outcome = { kind: 'error', error: query.get('error') ?? 'unknown', ...(description ? { description } : {}) }
    } else {
      const code = query.get('code')
      outcome = code ? { kind: 'code', code } : { kind: 'error', error: 'invalid_request' }
    }
    const done = outcome.kind === 'code'
    res
      .writeHead(done ? 200 : 400, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Referrer-Policy': 'no-referrer',
        Connection: 'close',
      })
      .end(
        done
          ? PAGE('You are signing in', 'Return to Plannr Desktop to carry on. You can close this tab.')
          : PAGE('Sign-in did not finish', 'Return to Plannr Desktop to try again. You can close this tab.'),
      )
    settle(outcome)
    void close()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  let closing: Promise<void> | undefined
  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeIdleConnections()
    })
    return closing
  }

  return { redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`, result, close }
}
