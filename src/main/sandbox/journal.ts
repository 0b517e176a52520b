import type { RecordedRequest } from './types'

/** The request journal tests read. Capped so a long-running demo cannot grow it without bound. */
export class Journal {
  /** One array for the sandbox's lifetime: `sandbox.requests` stays the same reference. */
  readonly entries: RecordedRequest[] = []

  constructor(private readonly cap = 5_000) {}

  record(entry: RecordedRequest): void {
    this.entries.push(entry)
    if (this.entries.length > this.cap) this.entries.splice(0, this.entries.length - this.cap)
  }

  clear(): void {
    this.entries.length = 0
  }
}
