import type { SyncStatus } from '@shared/models/sync'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'

/** The status bar's state: what main says about connection, sync progress, pauses and the saved data. */
export class SyncState {
  status = $state.raw<SyncStatus | null>(null)
  /** Ticks every second while something counts down or changes with the clock. */
  now = $state(Date.now())
  syncing = $state(false)
  error = $state<IpcError | null>(null)

  readonly #client: Client

  constructor(client: Client) {
    this.#client = client
  }

  /** First status, then every change main reports. Returns the stop function. */
  start(): () => void {
    const unsubscribe = this.#client.onEvent('sync.changed', (status) => {
      this.status = status
    })
    const timer = setInterval(() => (this.now = Date.now()), 1000)
    void this.#client.api.sync.status().then((result) => {
      if (result.ok && this.status === null) this.status = result.value
    })
    return () => {
      unsubscribe()
      clearInterval(timer)
    }
  }

  /** "Sync now": a full pass of every list opened this run. */
  async syncNow(): Promise<void> {
    this.syncing = true
    this.error = null
    const result = await this.#client.api.sync.now()
    this.syncing = false
    if (result.ok) this.status = result.value
    else this.error = result.error
  }
}
