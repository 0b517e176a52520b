import type { CircleDetail } from '@shared/models/circles'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'

/**
 * The circle open in the detail pane. Opening another circle while one is loading drops the earlier
 * answer, so the pane always shows the circle the user last chose.
 */
export class CircleDetailState {
  /** The circle asked for; null when the pane is closed. */
  uuid = $state<string | null>(null)
  detail = $state.raw<CircleDetail | null>(null)
  loading = $state(false)
  error = $state<IpcError | null>(null)

  readonly #client: Client
  #generation = 0

  constructor(client: Client) {
    this.#client = client
  }

  async open(uuid: string): Promise<void> {
    const generation = ++this.#generation
    this.uuid = uuid
    this.loading = true
    this.error = null
    if (this.detail?.uuid !== uuid) this.detail = null
    const result = await this.#client.api.circles.get({ uuid })
    if (generation !== this.#generation) return
    this.loading = false
    if (!result.ok) {
      this.error = result.error
      return
    }
    this.detail = result.value
  }

  retry(): Promise<void> {
    return this.uuid === null ? Promise.resolve() : this.open(this.uuid)
  }

  /** Fetch the open circle again (its data changed), keeping it on screen meanwhile. */
  async refresh(): Promise<void> {
    if (this.uuid === null || this.loading) return
    const generation = ++this.#generation
    const result = await this.#client.api.circles.get({ uuid: this.uuid })
    if (generation !== this.#generation || !result.ok) return
    this.detail = result.value
  }

  close(): void {
    this.#generation++
    this.uuid = null
    this.detail = null
    this.loading = false
    this.error = null
  }
}
