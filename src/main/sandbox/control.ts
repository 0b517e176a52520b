/**
 * /__sandbox/... — for tests in another process: read and clear the journal, set faults, steer the OAuth
 * server (/__sandbox/oauth).
 * Never journaled, rate-limited or faulted. Only callers that import this module and pass
 * `sandboxControl()` to `startSandbox` have them (the app itself never does), and every request must
 * name this run's secret and reach the sandbox's own Host.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { handleOAuthControl } from './routes/oauth-control'
import type { ControlReply, ControlRequest, ControlState, SandboxControl } from './types'

export const CONTROL_HEADER = 'x-sandbox-control'

export const FaultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    failureRate: z.number().min(0).max(1),
    offline: z.boolean(),
    queue: z.array(
      z.object({
        status: z.number().int().min(0).max(599).refine((status) => status === 0 || status >= 100, 'A status is 0 (drop) or 100–599.'),
        retryAfter: z.number().min(0).optional(),
        afterWork: z.boolean().optional(),
        holdMs: z.number().int().min(0).max(120_000).optional(),
        method: z.string().toUpperCase().optional(),
        body: z.unknown().optional(),
      }),
    ),
  })
  .partial()
  .strict()

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

/** Control routes guarded by a fresh per-run secret (or the one given, e.g. by a test). */
export function sandboxControl(secret = randomBytes(32).toString('base64url')): SandboxControl {
  const expected = digest(secret)
  return {
    secret,
    owns: (path) => path === '/__sandbox' || path.startsWith('/__sandbox/'),
    handle(state: ControlState, request: ControlRequest): ControlReply {
      if (request.headers['host'] !== request.expectedHost) {
        return { status: 403, body: { message: 'This sandbox answers its own address only.' } }
      }
      const given = request.headers[CONTROL_HEADER]
      if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
        return { status: 401, body: { message: `The control routes need this run's secret in ${CONTROL_HEADER}.` } }
      }
      return handleControl(state, request.method, request.path, request.rawBody)
    },
  }
}

export function handleControl(state: ControlState, method: string, path: string, rawBody: string): ControlReply {
  const route = `${method} ${path.replace(/\/+$/, '')}`
  switch (route) {
    case 'GET /__sandbox':
      return { status: 200, body: state.info() }
    case 'GET /__sandbox/requests':
      return { status: 200, body: state.journal.entries }
    case 'DELETE /__sandbox/requests':
      state.journal.clear()
      return { status: 204 }
    case 'GET /__sandbox/faults':
      return { status: 200, body: state.faults }
    case 'PUT /__sandbox/faults': {
      let json: unknown
      try {
        json = JSON.parse(rawBody || '{}')
      } catch {
        return { status: 400, body: { message: 'The body is not valid JSON.' } }
      }
      const parsed = FaultsPatch.safeParse(json)
      if (!parsed.success) {
        return { status: 422, body: { message: 'Invalid faults.', errors: z.flattenError(parsed.error).fieldErrors } }
      }
      const patch = parsed.data
      if (patch.latencyMs !== undefined) state.faults.latencyMs = patch.latencyMs
      if (patch.failureRate !== undefined) state.faults.failureRate = patch.failureRate
      if (patch.offline !== undefined) state.faults.offline = patch.offline
      if (patch.queue !== undefined) state.faults.queue.splice(0, state.faults.queue.length, ...patch.queue)
      return { status: 200, body: state.faults }
    }
    default:
      return (
        handleOAuthControl(state.oauth, method, path, rawBody) ?? {
          status: 404,
          body: { message: `No sandbox control route ${route}.` },
        }
      )
  }
}
