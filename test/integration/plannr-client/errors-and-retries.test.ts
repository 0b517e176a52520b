import { inspect } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SANDBOX_TOKENS, startSandbox } from '../../../src/main/sandbox'
import {
  PlannrError,
  createConversation,
  createPlannrClient,
  getCircle,
  getMe,
  listCircles,
  type PlannrClient,
} from '../../../src/main/core/plannr'
import { adviserClient, clientFor, only, type Sandbox } from './helpers'

let sandbox: Sandbox
let client: PlannrClient

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' })
  client = await adviserClient(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.faults.queue.length = 0
  sandbox.faults.offline = false
  sandbox.faults.latencyMs = 0
  sandbox.clearRequests()
})

async function failure(promise: Promise<unknown>): Promise<PlannrError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PlannrError)
  return error as PlannrError
}

describe('errors map to codes and plain-English messages', () => {
  it('401: a token Plannr does not know', async () => {
    const stranger = createPlannrClient({ baseUrl: sandbox.url, token: 'not-a-real-token' })
    const error = await failure(getMe(stranger))
    expect(error.code).toBe('unauthenticated')
    expect(error.status).toBe(401)
    expect(error.message).toMatch(/^Plannr did not accept your token/)
    expect(sandbox.requests).toHaveLength(1)
  })

  it('403', async () => {
    sandbox.faults.queue.push({ status: 403, body: { message: 'This action is unauthorized.' } })
    const error = await failure(listCircles(client))
    expect(error.code).toBe('forbidden')
    expect(error.serverMessage).toBe('This action is unauthorized.')
  })

  it('404: a circle that does not exist', async () => {
    const error = await failure(getCircle(client, '00000000-0000-4000-8000-000000000000'))
    expect(error.code).toBe('not_found')
    expect(error.status).toBe(404)
  })

  it('422 keeps the field errors and Plannr’s message', async () => {
    sandbox.faults.queue.push({
      status: 422,
      body: { message: 'The name field is required.', errors: { name: ['The name field is required.'] } },
    })
    const error = await failure(createConversation(client, { name: '' }))
    expect(error.code).toBe('validation')
    expect(error.message).toBe('The name field is required.')
    expect(error.fields).toEqual({ name: ['The name field is required.'] })
    expect(error.toIpcError().fields).toEqual({ name: ['The name field is required.'] })
  })

  it('5xx after retries run out', async () => {
    sandbox.faults.queue.push({ status: 502 }, { status: 503 }, { status: 504 })
    const error = await failure(listCircles(client))
    expect(error.code).toBe('server')
    expect(error.status).toBe(504)
    expect(only(sandbox, 'GET', '/api/v1/circles')).toHaveLength(3)
  })

  it('a 500 is not retried: it is a bug on the server, not a blip', async () => {
    sandbox.faults.queue.push({ status: 500 })
    const error = await failure(listCircles(client))
    expect(error.code).toBe('server')
    expect(only(sandbox, 'GET', '/api/v1/circles')).toHaveLength(1)
  })

  it('network: Plannr drops the connection', async () => {
    sandbox.faults.offline = true
    const error = await failure(getMe(client))
    expect(error.code).toBe('network')
    expect(error.message).toMatch(/^Can’t reach Plannr/)
  })

  it('network: nothing listening at the address', async () => {
    const closed = await startSandbox({ size: 'small' })
    const url = closed.url
    await closed.close()
    const error = await failure(getMe(createPlannrClient({ baseUrl: url, token: 'x', retryBaseDelayMs: 5 })))
    expect(error.code).toBe('network')
    // A create that could not even connect never reached Plannr: saying "try again" is true there.
    const create = await failure(createConversation(createPlannrClient({ baseUrl: url, token: 'x', accountUuid: 'a' }), { name: 'Review' }))
    expect(create.code).toBe('network')
    expect(create.toIpcError().maybeSaved).toBeUndefined()
    expect(create.message).toMatch(/Can’t reach Plannr/)
  })

  it('an answer that does not match the schema is a server error, with the reasons kept for logs', async () => {
    sandbox.faults.queue.push({ status: 200, body: { data: [{ name: 'no uuid here' }] } })
    const error = await failure(listCircles(client))
    expect(error.code).toBe('server')
    expect(error.message).toBe(
      'Plannr sent a response Plannr Desktop could not read. Please try again; if it keeps happening, tell your support team.',
    )
    expect(error.issues?.length).toBeGreaterThan(0)
    expect(error.message).not.toContain('uuid')
  })

  it('a bare string where an object belongs is a server error too', async () => {
    sandbox.faults.queue.push({ status: 200, body: 'Welcome to nginx' })
    const error = await failure(client.get('/api/v1/circles', z.object({ data: z.array(z.unknown()) })))
    expect(error.code).toBe('server')
  })
})

describe('wait and retry', () => {
  it('429: waits as long as Retry-After says, then succeeds', async () => {
    sandbox.faults.queue.push({ status: 429, retryAfter: 1 })
    const started = Date.now()
    const circles = await listCircles(client)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(circles.length).toBeGreaterThan(0)
    const hits = only(sandbox, 'GET', '/api/v1/circles')
    expect(hits.map((r) => r.status)).toEqual([429, 200])
  })

  it('429: gives up once retries run out, saying how long to wait', async () => {
    sandbox.faults.queue.push({ status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 }, { status: 429, retryAfter: 0 })
    const error = await failure(getMe(client))
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfter).toBe(0)
    expect(sandbox.requests).toHaveLength(3)
  })

  it('429 asking for longer than we are willing to wait fails at once', async () => {
    const patient = clientFor(sandbox, { maxRetryAfterSeconds: 5 }).withAccount(client.accountUuid ?? '')
    sandbox.faults.queue.push({ status: 429, retryAfter: 30 })
    const error = await failure(listCircles(patient))
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfter).toBe(30)
    expect(error.message).toContain('30 seconds')
    expect(sandbox.requests).toHaveLength(1)
  })

  it('a GET is retried after a 503', async () => {
    sandbox.faults.queue.push({ status: 503 })
    await listCircles(client)
    expect(only(sandbox, 'GET', '/api/v1/circles').map((r) => r.status)).toEqual([503, 200])
  })

  it('a POST is never repeated after a 5xx: Plannr may already have acted on it', async () => {
    for (const status of [500, 502, 503, 504]) {
      sandbox.clearRequests()
      sandbox.faults.queue.push({ status })
      const error = await failure(createConversation(client, { name: 'Annual review' }))
      expect(error.code).toBe('server')
      expect(only(sandbox, 'POST', '/api/v1/conversation')).toHaveLength(1)
      // Nor is the user invited to resend blindly: it may be in Plannr already.
      expect(error.toIpcError()).toMatchObject({ maybeSaved: true, message: expect.stringContaining('may have received it') })
      expect(error.message).not.toMatch(/try again/i)
    }
  })

  it('a create Plannr refused (4xx) is not reported as possibly saved', async () => {
    for (const status of [403, 404, 422, 429]) {
      sandbox.faults.queue.push({ status, ...(status === 429 ? { retryAfter: 120 } : {}) })
      const error = await failure(createConversation(client, { name: 'Annual review' }))
      expect(error.toIpcError().maybeSaved).toBeUndefined()
    }
  })

  it('a GET or PUT that fails is not reported as possibly saved', async () => {
    sandbox.faults.offline = true
    expect((await failure(listCircles(client))).toIpcError().maybeSaved).toBeUndefined()
  })

  it('a POST is never repeated after the connection drops', async () => {
    sandbox.faults.offline = true
    const error = await failure(createConversation(client, { name: 'Annual review' }))
    expect(error.code).toBe('network')
    expect(only(sandbox, 'POST', '/api/v1/conversation').length).toBeLessThanOrEqual(1)
    expect(error.toIpcError()).toMatchObject({ maybeSaved: true })
    expect(error.message).not.toMatch(/try again/i)
  })

  it('a POST is retried after a 429: Plannr did not process it', async () => {
    sandbox.faults.queue.push({ status: 429, retryAfter: 0 })
    const conversation = await createConversation(client, { name: 'Retried after 429' })
    expect(conversation.name).toBe('Retried after 429')
    expect(only(sandbox, 'POST', '/api/v1/conversation').map((r) => r.status)).toEqual([429, 200])
  })

  it('a slow answer times out as network; a GET is tried again, a POST is not', async () => {
    const impatient = clientFor(sandbox, { timeoutMs: 100 }).withAccount(client.accountUuid ?? '')
    sandbox.faults.latencyMs = 300
    const slowGet = await failure(listCircles(impatient))
    expect(slowGet.code).toBe('network')
    expect(slowGet.message).toContain('too long')
    const slowPost = await failure(createConversation(impatient, { name: 'Slow' }))
    expect(slowPost.code).toBe('network')
    // The sandbox journals a request once its delay has passed.
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(only(sandbox, 'GET', '/api/v1/circles')).toHaveLength(3)
    expect(only(sandbox, 'POST', '/api/v1/conversation')).toHaveLength(1)
  })

  it('keeps no trace of the token in a network error, so logging one cannot leak it', async () => {
    const impatient = clientFor(sandbox, { timeoutMs: 100 }).withAccount(client.accountUuid ?? '')
    sandbox.faults.latencyMs = 300
    const timedOut = await failure(listCircles(impatient))
    sandbox.faults.latencyMs = 0
    sandbox.faults.offline = true
    const unreachable = await failure(listCircles(client))
    for (const error of [timedOut, unreachable]) {
      expect(error.code).toBe('network')
      const logged = inspect(error, { depth: 10, showHidden: true })
      expect(logged).not.toContain(SANDBOX_TOKENS.adviser)
      expect(String(error.cause)).not.toBe('')
    }
    await new Promise((resolve) => setTimeout(resolve, 400))
  })

  it('tracks X-Ratelimit-Remaining so callers can pace themselves', async () => {
    await getMe(client)
    const first = client.rateLimitRemaining
    expect(typeof first).toBe('number')
    await getMe(client)
    expect(client.rateLimitRemaining).toBeLessThan(first ?? 0)
  })
})
