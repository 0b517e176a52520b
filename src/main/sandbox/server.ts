/**
 * The HTTP front of the sandbox: control routes, then faults, the rate limit, routing, auth and the
 * journal, in the order a real deployment would apply them.
 */
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Prng, deriveSeed } from './data/prng'
import type { World } from './data/world'
import { FORBIDDEN, HttpError, UNAUTHENTICATED, routeNotFound } from './http-error'
import { Journal } from './journal'
import { flatQuery } from './query'
import { RateLimiter, rateHeaders } from './rate-limit'
import { Router, type RouteContext } from './router'
import { routes } from './routes'
import { handleOAuth } from './routes/oauth'
import { DEFAULT_OAUTH_SETTINGS, OAuthGrants, type OAuthSettings } from './routes/oauth-grants'
import { fingerprintAuthorization } from './fingerprint'
import type { Faults, ForcedResponse, SandboxControl } from './types'

const MAX_BODY_BYTES = 1_000_000
const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' }

interface Answer {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface ServerOptions {
  world: World
  seed: number
  rateLimitPerMinute: number
  info: () => unknown
  oauth?: Partial<OAuthSettings>
  control?: SandboxControl
}

export class SandboxServer {
  readonly journal = new Journal()
  readonly oauth: OAuthGrants
  faults: Faults = { latencyMs: 0, failureRate: 0, offline: false, queue: [] }
  url = ''

  private readonly server: Server
  private readonly router = new Router(routes)
  private readonly limiter: RateLimiter
  private readonly faultRng: Prng
  private readonly idRng: Prng
  private readonly timers = new Set<NodeJS.Timeout>()

  constructor(private readonly options: ServerOptions) {
    this.limiter = new RateLimiter(options.rateLimitPerMinute)
    this.oauth = new OAuthGrants({ ...DEFAULT_OAUTH_SETTINGS, ...options.oauth })
    this.faultRng = new Prng(deriveSeed(options.seed, 'faults'))
    this.idRng = new Prng(deriveSeed(options.seed, 'runtime-ids'))
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('sandbox: unexpected failure', error)
        if (!res.headersSent) this.send(res, { status: 500, body: { message: 'Server Error' } })
      })
    })
  }

  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => {
        const address = this.server.address() as AddressInfo
        this.url = `http://127.0.0.1:${address.port}`
        resolve(this.url)
      })
    })
  }

  close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const raw = await readBody(req)

    const control = this.options.control
    if (control?.owns(url.pathname)) {
      const state = { journal: this.journal, faults: this.faults, oauth: this.oauth, info: this.options.info }
      const expectedHost = new URL(this.url).host
      this.send(res, control.handle(state, { method, path: url.pathname, headers: req.headers as Record<string, string | undefined>, expectedHost, rawBody: raw ?? '' }))
      return
    }

    const at = new Date().toISOString()
    const query = flatQuery(url.searchParams)
    const headers = flatHeaders(req)
    const parsed = parseJson(raw)
    // The journal never holds a bearer token: a real one pasted into the demo by mistake would end up there.
    const journaled = headers.authorization === undefined ? headers : { ...headers, authorization: fingerprintAuthorization(headers.authorization) }
    const record = (status: number) =>
      this.journal.record({ method, path: url.pathname, query, headers: journaled, body: parsed.ok ? parsed.value : null, status, at })

    if (this.faults.latencyMs > 0) await this.delay(this.faults.latencyMs)
    if (this.faults.offline) {
      record(0)
      req.socket.destroy()
      return
    }

    let answer: Answer
    const oauth = raw === null ? undefined : this.oauthAnswer(method, url, raw, headers)
    if (raw === null) {
      answer = { status: 413, body: { message: 'The request body is too large.' } }
    } else if (oauth) {
      answer = oauth
    } else {
      const next = this.faults.queue[0]
      const forced = next && (next.method === undefined || next.method.toUpperCase() === method) ? this.faults.queue.shift() : undefined
      if (forced?.afterWork) {
        // The work is done (and journaled with its real status); only the answer is lost or replaced.
        record(this.answer(method, url, query, headers, parsed).status)
        if (forced.holdMs) await this.hold(req, forced.holdMs)
        // The caller may have given up meanwhile: nothing is left to answer.
        if (req.socket.destroyed) return
        if (forced.status === 0) req.socket.destroy()
        else this.send(res, this.forcedAnswer(forced))
        return
      }
      if (forced?.status === 0) {
        record(0)
        req.socket.destroy()
        return
      }
      answer = forced ? this.forcedAnswer(forced) : this.answer(method, url, query, headers, parsed)
    }
    record(answer.status)
    this.send(res, answer)
  }

  /** The OAuth server's routes sit outside the API: no bearer token, no rate limit, form bodies. */
  private oauthAnswer(method: string, url: URL, raw: string, headers: Record<string, string>): Answer | undefined {
    if (!url.pathname.startsWith('/oauth/')) return undefined
    if (this.faults.queue.length > 0) return this.forcedAnswer(this.faults.queue.shift() as ForcedResponse)
    return handleOAuth(this.oauth, this.options.world, { method, url, raw, contentType: headers['content-type'] ?? '', now: Date.now() })
  }

  private answer(method: string, url: URL, query: Record<string, string>, headers: Record<string, string>, parsed: ParsedBody): Answer {
    const now = Date.now()
    const token = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim() ?? ''
    const decision = this.limiter.take(token, now)
    const limitHeaders = rateHeaders(decision, now)
    if (!decision.allowed) return { status: 429, body: { message: 'Too Many Attempts.' }, headers: limitHeaders }
    if (this.faults.failureRate > 0 && this.faultRng.next() < this.faults.failureRate) {
      return { status: 500, body: { message: 'Server Error' }, headers: limitHeaders }
    }
    try {
      return { ...this.route(method, url, query, headers, parsed, token, now), headers: limitHeaders }
    } catch (error) {
      if (error instanceof HttpError) return { status: error.status, body: error.body, headers: { ...limitHeaders, ...error.headers } }
      console.error('sandbox: route failed', error)
      return { status: 500, body: { message: 'Server Error' }, headers: limitHeaders }
    }
  }

  private route(method: string, url: URL, query: Record<string, string>, headers: Record<string, string>, parsed: ParsedBody, token: string, now: number): Answer {
    const match = this.router.match(method, url.pathname)
    if (match.kind === 'none') throw routeNotFound(url.pathname)
    if (match.kind === 'wrong-method') {
      throw new HttpError(
        405,
        { message: `The ${method} method is not supported for route ${url.pathname.replace(/^\//, '')}. Supported methods: ${match.allowed.join(', ')}.` },
        { Allow: match.allowed.join(', ') },
      )
    }
    const { world } = this.options
    const user = world.usersByToken.get(token) ?? this.oauth.userFor(token, now)
    if (!user) throw UNAUTHENTICATED()

    const accountUuid = headers['x-plannr-account-uuid']?.trim()
    let login = accountUuid ? user.logins.find((l) => l.accountUuid === accountUuid) : undefined
    if (match.route.scope === 'account') {
      if (!accountUuid) throw new HttpError(400, { message: 'The X-PLANNR-ACCOUNT-UUID header is required.' })
      if (!login) throw FORBIDDEN()
    }
    login ??= user.logins.find((l) => l.accountUuid === user.preferredAccountUuid) ?? user.logins[0]
    const actor = login ? world.accounts.get(login.accountUuid) : undefined
    if (!login || !actor) throw FORBIDDEN()
    // Firm-wide data is for staff: a client login acting here is refused (it may still use /me and /logins).
    if (match.route.scope === 'account' && actor.type !== 'employee') throw FORBIDDEN()
    if (!parsed.ok) throw new HttpError(400, { message: `The request body is not valid JSON: ${parsed.error}` })

    const context: RouteContext = {
      world, user, actor, login, params: match.params, query, body: parsed.value,
      url: `${this.url}${url.pathname}`, now, newUuid: () => this.idRng.uuid(),
    }
    return match.route.handle(context)
  }

  private forcedAnswer(forced: ForcedResponse): Answer {
    const headers: Record<string, string> = {}
    if (forced.retryAfter !== undefined) {
      headers['Retry-After'] = String(forced.retryAfter)
      headers['X-Ratelimit-Reset'] = String(Math.ceil(Date.now() / 1000) + forced.retryAfter)
    }
    if (forced.status === 429) {
      headers['X-Ratelimit-Limit'] = String(this.limiter.limit)
      headers['X-Ratelimit-Remaining'] = '0'
    }
    return { status: forced.status, body: forced.body ?? { message: defaultMessage(forced.status) }, headers }
  }

  private send(res: ServerResponse, answer: Answer): void {
    const noBody = answer.status === 204 || answer.status === 304 || answer.body === undefined
    res.writeHead(answer.status, { ...(noBody ? {} : JSON_HEADERS), ...answer.headers })
    res.end(noBody ? undefined : JSON.stringify(answer.body))
  }

  /** Waits `ms`, or less if the caller hangs up first. */
  private hold(req: IncomingMessage, ms: number): Promise<void> {
    return Promise.race([this.delay(ms), new Promise<void>((resolve) => req.socket.once('close', () => resolve()))])
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }
}

function defaultMessage(status: number): string {
  if (status === 429) return 'Too Many Attempts.'
  if (status === 500) return 'Server Error'
  if (status === 401) return 'Unauthenticated.'
  if (status === 403) return 'This action is unauthorized.'
  return STATUS_CODES[status] ?? 'Error'
}

type ParsedBody = { ok: true; value: unknown } | { ok: false; error: string }

function parseJson(raw: string | null): ParsedBody {
  if (raw === null || raw.trim() === '') return { ok: true, value: null }
  try {
    return { ok: true, value: JSON.parse(raw) as unknown }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'unreadable' }
  }
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return headers
}

/** The body as text, or null when it is larger than the sandbox accepts. */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
