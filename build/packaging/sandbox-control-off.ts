/**
 * What the packaged app's demo sandbox has in place of its control routes: nothing. Reading the request
 * journal or injecting faults is for tests; in the app `/__sandbox/...` is an unknown route.
 */
import type { ControlReply, ControlState } from '../../src/main/sandbox/control'

export function handleControl(_state: ControlState, _method: string, _path: string, _rawBody: string): ControlReply {
  return { status: 404, body: { message: 'Not Found' } }
}
