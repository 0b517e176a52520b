import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyInstance, type RetryOptions } from 'ky'
import type { z } from 'zod'
import { MAX_PER_PAGE, paginated } from '@shared/plannr'
import { MAX_BODY_BYTES, readBodyText } from './body-limit'
import { PlannrError, toPlannrError, unreadableResponse } from './errors'
import { RateLimitTracker, type RateLimitSnapshot } from './rate-limit'
import { parseRetryAfter } from './retry-after'
import { toSearchParams, type QueryParams } from './query'
import { uncertainIfCreate } from './uncertain-create'

export type WriteMethod = 'POST' | 'PUT' | 'DELETE'

/**
 * Where the bearer token comes from, asked on every request: an OAuth token changes under a running
 * client (refresh, rotation), and a token Plannr refuses must end the session rather than fail forever.
 */
export interface TokenSource {
  /** The token to send now (an OAuth source refreshes first when it is about to expire). */
  current(): Promise<string>
  /** Plannr answered 401 to `rejected`: a fresh token (one shared refresh for every caller), or null if none. */
  renew(rejected: string): Promise<string | null>
  /** Plannr refused even the renewed token: nothing more can be done with this sign-in. */
  refused(token: string): void
}

/** A token that never changes: a 401 means it is no longer accepted. */
export function fixedToken(token: string, onRefused: () => void = () => {}): TokenSource {
  return {
    current: async () => token,
    renew: async () => {
      onRefused()
      return null
    },
    refused: () => onRefused(),
  }
}

export interface PlannrClientOptions {
  /** e.g. https://api.plannrcrm.com — paths such as /api/v1/me are joined to it. */
  baseUrl: string
  /** The bearer token: fixed, or a source asked per request. */
  token: string | TokenSource
  /** Sent as X-PLANNR-ACCOUNT-UUID; most routes need it, /me and /logins do not. */
  accountUuid?: string
  /** Electron passes net.fetch (system proxy and certificate store); plain Node uses the global fetch. */
  fetch?: typeof fetch
  /** Retries after 429, 502/503/504 and network failures (POST only after 429). Default 2. */
  maxRetries?: number
  /** A 429 asking for a longer wait than this fails at once as rate_limited. Default 60. */
  maxRetryAfterSeconds?: number
  /** Per-attempt timeout. Default 30 000 ms. */
  timeoutMs?: number
  /** First backoff delay before jitter; doubles on each retry. Default 500 ms. */
  retryBaseDelayMs?: number
  /** Longest backoff delay between two attempts. Default 10 000 ms. */
  retryMaxDelayMs?: number
  /** How long the pager pauses when the allowance runs out and Plannr gives no reset time. Default 60 000 ms. */
  rateLimitWindowMs?: number
  /** The pager refuses to read more pages than this (500 items each). Default 2 000. */
  maxPages?: number
  /** Identifies the app to Plannr, e.g. "PlannrDesktop/0.1.0". */
  userAgent?: string
  /** Larger answers fail as a `server` error without being read. Default 50 MB. */
  maxBodyBytes?: number
}

export interface PlannrClient {
  readonly baseUrl: string
  readonly accountUuid: string | undefined
  /** Requests left in the current rate-limit window, as Plannr last reported; undefined before any answer. */
  readonly rateLimitRemaining: number | undefined
  readonly rateLimit: RateLimitSnapshot
  withAccount(accountUuid: string): PlannrClient
  get<S extends z.ZodType>(path: string, schema: S, query?: QueryParams): Promise<z.output<S>>
  send<S extends z.ZodType>(method: WriteMethod, path: string, schema: S, body?: unknown): Promise<z.output<S>>
  /** Every page of a Laravel-paginated list, 500 at a time, in order. */
  getAll<S extends z.ZodType>(path: string, item: S, query?: QueryParams): Promise<z.output<S>[]>
}

type Method = 'GET' | WriteMethod

const RETRY_STATUSES = [429, 502, 503, 504]

interface Settings {
  baseUrl: string
  maxRetries: number
  maxRetryAfterSeconds: number
  retryBaseDelayMs: number
  retryMaxDelayMs: number
  maxPages: number
  maxBodyBytes: number
}

export function createPlannrClient(options: PlannrClientOptions): PlannrClient {
  const rate = new RateLimitTracker(options.rateLimitWindowMs ?? 60_000)
  const tokens = typeof options.token === 'string' ? fixedToken(options.token) : options.token
  const base = ky.create({
    prefix: options.baseUrl,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    timeout: options.timeoutMs ?? 30_000,
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(options.userAgent ? { 'User-Agent': options.userAgent } : {}),
    },
    hooks: {
      afterResponse: [
        ({ response }) => {
          rate.observe(response.headers)
        },
      ],
    },
  })
  const settings: Settings = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    maxRetries: options.maxRetries ?? 2,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds ?? 60,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
    retryMaxDelayMs: options.retryMaxDelayMs ?? 10_000,
    maxPages: options.maxPages ?? 2_000,
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
  }
  return bindAccount(base, rate, settings, tokens, options.accountUuid)
}

function isUnauthorised(error: unknown): boolean {
  return isHTTPError(error) && error.response.status === 401
}

function bindAccount(
  base: KyInstance,
  rate: RateLimitTracker,
  settings: Settings,
  tokens: TokenSource,
  accountUuid: string | undefined,
): PlannrClient {
  const api = accountUuid ? base.extend({ headers: { 'X-PLANNR-ACCOUNT-UUID': accountUuid } }) : base

  async function call<S extends z.ZodType>(method: Method, path: string, schema: S, query?: QueryParams, body?: unknown): Promise<z.output<S>> {
    const send = async (token: string) => {
      const response = await api(path, {
        method,
        headers: { Authorization: `Bearer ${token}` },
        searchParams: toSearchParams(query),
        ...(body !== undefined ? { json: body } : {}),
        retry: retryPolicy(method, settings),
      })
      return readBodyText(response, settings.maxBodyBytes)
    }
    let text: string
    const token = await tokens.current()
    try {
      text = await send(token)
    } catch (error) {
      if (!isUnauthorised(error)) throw toPlannrError(error)
      // An expired or rotated token: one shared refresh, then one retry. A 401 never changed anything.
      const renewed = await tokens.renew(token)
      if (renewed === null) throw toPlannrError(error)
      try {
        text = await send(renewed)
      } catch (retryError) {
        if (isUnauthorised(retryError)) tokens.refused(renewed)
        throw toPlannrError(retryError)
      }
    }
    return parseBody(text, schema)
  }

  const client: PlannrClient = {
    baseUrl: settings.baseUrl,
    accountUuid,
    get rateLimitRemaining() {
      return rate.snapshot().remaining
    },
    get rateLimit() {
      return rate.snapshot()
    },
    withAccount: (uuid) => bindAccount(base, rate, settings, tokens, uuid),
    get: (path, schema, query) => call('GET', path, schema, query),
    send: (method, path, schema, body) =>
      call(method, path, schema, undefined, body).catch((error: unknown) => {
        throw uncertainIfCreate(method, error)
      }),
    async getAll<S extends z.ZodType>(path: string, item: S, query: QueryParams = {}): Promise<z.output<S>[]> {
      const pageSchema = paginated(item)
      const items: z.output<S>[] = []
      for (let page = 1; ; page++) {
        if (page > settings.maxPages) {
          throw new PlannrError('server', 'Plannr kept sending more pages than Plannr Desktop can read. Please try again later.', {
            serverMessage: `stopped after ${settings.maxPages} pages of ${path}`,
          })
        }
        // Out of allowance: wait for the window to reset rather than spend the next page on a 429.
        const wait = page > 1 ? rate.waitMs() : 0
        if (wait > 0) await sleep(wait)
        const result = await client.get(path, pageSchema, { ...query, per_page: MAX_PER_PAGE, page })
        const data = result.data as z.output<S>[]
        items.push(...data)
        if (data.length === 0) break
        const meta = result.meta
        if (meta) {
          if (meta.current_page !== page) {
            throw unreadableResponse({ serverMessage: `asked for page ${page} of ${path}, got page ${meta.current_page}` })
          }
          if (meta.current_page >= meta.last_page) break
        } else if (!result.links?.next) {
          break
        }
      }
      return items
    },
  }
  return client
}

/**
 * When to try again. Plannr has no idempotency keys, so a POST that may have reached it (a 5xx, a
 * dropped connection, a timeout) is never repeated; a 429 means it was not processed, so a POST may
 * wait and retry. A wait longer than maxRetryAfterSeconds is not worth blocking on: fail at once.
 */
function retryPolicy(method: Method, settings: Settings): RetryOptions {
  return {
    limit: settings.maxRetries,
    methods: ['get', 'put', 'delete', 'post'],
    statusCodes: RETRY_STATUSES,
    afterStatusCodes: [429, 503],
    maxRetryAfter: settings.maxRetryAfterSeconds * 1000,
    delay: (attempt) => settings.retryBaseDelayMs * 2 ** (attempt - 1),
    // Half fixed, half random: spreads clients out without ever retrying instantly.
    jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
    backoffLimit: settings.retryMaxDelayMs,
    retryOnTimeout: method !== 'POST',
    shouldRetry: ({ error }) => {
      if (isHTTPError(error)) {
        const asked = parseRetryAfter(error.response.headers.get('retry-after'))
        if (asked !== undefined && asked > settings.maxRetryAfterSeconds) return false
        if (error.response.status !== 429 && method === 'POST') return false
        return undefined
      }
      if (method === 'POST') return false
      if (isNetworkError(error) || isTimeoutError(error)) return undefined
      // Connection failures ky does not recognise by message (e.g. from Electron's net.fetch).
      return error instanceof TypeError ? true : undefined
    },
  }
}

function parseBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let json: unknown
  if (text.trim() === '') {
    json = undefined
  } else {
    try {
      json = JSON.parse(text)
    } catch (error) {
      throw unreadableResponse({ cause: error, serverMessage: text.slice(0, 200) })
    }
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) throw unreadableResponse({ issues: parsed.error.issues, cause: parsed.error })
  return parsed.data
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
