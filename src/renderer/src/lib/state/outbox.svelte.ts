import type { OutboxSummary } from '@shared/models/outbox'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'

/** The unsent writes, as main reports them: the status bar's "Outbox" count and its list. */
export class OutboxState {
  summary = $state.raw<OutboxSummary | null>(null)
  error = $state<IpcError | null>(null)
  busy = $state<string | null>(null)

  readonly #client: Client

  constructor(client: Client) {
    this.#client = client
  }

  get count(): number {
    return this.summary?.count ?? 0
  }

  start(): () => void {
    const unsubscribe = this.#client.onEvent('outbox.changed', (summary) => {
      this.summary = summary
    })
    void this.refresh()
    return unsubscribe
  }

  async refresh(): Promise<void> {
    const result = await this.#client.api.outbox.list()
    if (result.ok) this.summary = result.value
  }

  async retry(id: string, fix?: { field: 'contents' | 'name' | 'adviserKey'; value: string }): Promise<void> {
    this.busy = id
    this.error = null
    const result = await this.#client.api.outbox.retry(fix ? { id, fix } : { id })
    this.busy = null
    if (result.ok) this.summary = result.value
    else this.error = result.error
  }

  async discard(id: string): Promise<void> {
    this.busy = id
    this.error = null
    const result = await this.#client.api.outbox.discard({ id })
    this.busy = null
    if (result.ok) this.summary = result.value
    else this.error = result.error
  }
}
