import type { CallName, EventName } from './contract-names'
import type { Result } from './result'

/**
 * What the preload (Electron) or the web-preview bridge puts on `window.plannr`. Untyped at this level
 * on purpose: the renderer's typed client (renderer/src/lib/api.ts) narrows it with the contract.
 */
export interface PlannrBridge {
  invoke(name: CallName, input: unknown): Promise<Result<unknown>>
  /** Subscribe to an event; returns the function that unsubscribes. */
  on(name: EventName, listener: (payload: unknown) => void): () => void
}
