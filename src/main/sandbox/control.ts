/**
 * /__sandbox/... — for tests in another process: read and clear the journal, set faults.
 * Never journaled, rate-limited or faulted.
 */
import { z } from 'zod'
import type { Journal } from './journal'
import type { Faults } from './types'

export const FaultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    failureRate: z.number().min(0).max(1),
    offline: z.boolean(),
    queue: z.array(
      z.object({
        status: z.number().int().min(100).max(599),
        retryAfter: z.number().min(0).optional(),
        body: z.unknown().optional(),
      }),
    ),
  })
  .partial()
  .strict()

export interface ControlState {
  journal: Journal
  faults: Faults
  info: () => unknown
}

export interface ControlReply {
  status: number
  body?: unknown
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
      return { status: 404, body: { message: `No sandbox control route ${route}.` } }
  }
}
