import { CALL_NAMES } from '@shared/contract-names'
import type { CallInput, CallName, CallOutput, EventName, EventPayload } from '@shared/contract'
import type { PlannrBridge } from '@shared/bridge'
import type { Result } from '@shared/result'

/**
 * The typed client, inferred from the contract: 'circles.list' becomes `api.circles.list(query)`.
 * Only types come from the contract, so zod stays out of the renderer bundle; main parses every input.
 * Calls never throw: a failure comes back as `{ ok: false, error }`, just as it crossed the boundary.
 */

type Namespace<N extends string> = N extends `${infer NS}.${string}` ? NS : never

/** Calls whose input is all optional (or empty) may be called with no argument. */
type CallFn<N extends CallName> = Record<never, never> extends CallInput<N>
  ? (input?: CallInput<N>) => Promise<Result<CallOutput<N>>>
  : (input: CallInput<N>) => Promise<Result<CallOutput<N>>>

export type Api = {
  [NS in Namespace<CallName>]: {
    [N in CallName as N extends `${NS}.${infer Method}` ? Method : never]: CallFn<N>
  }
}

export interface Client {
  api: Api
  onEvent<N extends EventName>(name: N, listener: (payload: EventPayload<N>) => void): () => void
}

const UNREACHABLE_MESSAGE = 'Plannr Desktop lost touch with its background process. Please try again.'

export function createClient(bridge: PlannrBridge): Client {
  async function call(name: CallName, input: unknown): Promise<Result<unknown>> {
    try {
      return await bridge.invoke(name, input ?? {})
    } catch {
      // The transport itself failed (e.g. the preview's socket closed): report it like any other failure.
      return { ok: false, error: { code: 'internal', message: UNREACHABLE_MESSAGE } }
    }
  }

  const namespaces: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const name of CALL_NAMES) {
    const [ns, method] = name.split('.') as [string, string]
    ;(namespaces[ns] ??= {})[method] = (input?: unknown) => call(name, input)
  }

  return {
    // Main parses every output against the contract before it leaves, so the renderer trusts the shapes.
    api: namespaces as unknown as Api,
    onEvent(name, listener) {
      return bridge.on(name, (payload) => listener(payload as EventPayload<typeof name>))
    },
  }
}
