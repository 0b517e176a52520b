import { contract, type EventName, type EventPayload } from '@shared/contract'

export type EventListener = (name: EventName, payload: unknown) => void

/**
 * Events from the core to every connected renderer. Payloads are checked against the contract when
 * emitted, so a transport only forwards what the contract allows.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  emit<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const checked = contract.events[name].parse(payload)
    for (const listener of this.listeners) listener(name, checked)
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
