import type { Client } from './api'

/**
 * Rows carry how the user's unsent writes stand ("Sending…", "Waiting for connection", "Needs
 * attention"), but main reports a change of those marks — and a discarded write's change undone — as a
 * change of the outbox, not of the list. A view holding such rows re-reads them then, without a loading
 * state. Returns the stop function.
 */
export function followOutbox(client: Client, refresh: () => Promise<void> | void): () => void {
  return client.onEvent('outbox.changed', () => void refresh())
}
