/**
 * Runs async tasks one after another. Session changes go through one queue so that a double-clicked
 * "Sign in" or a sign-out during a background re-check cannot interleave half-applied states.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task)
    this.tail = result.catch(() => undefined)
    return result
  }
}

/** Work started in the background that `close()` must wait for, so nothing outlives the core. */
export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>()

  /** The task handles its own errors; anything it lets escape is dropped rather than left unhandled. */
  run(task: () => Promise<unknown>): void {
    const promise: Promise<unknown> = task()
      .catch(() => undefined)
      .finally(() => this.running.delete(promise))
    this.running.add(promise)
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running])
  }
}
