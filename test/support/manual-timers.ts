/** Timers that run only when the test advances the clock: scheduling logic without waiting. */
export class ManualTimers {
  private clock = 0
  private next = 1
  private readonly pending = new Map<number, { at: number; run: () => void }>()

  now = (): number => this.clock

  setTimeout = (run: () => void, ms: number): unknown => {
    const id = this.next++
    this.pending.set(id, { at: this.clock + ms, run })
    return id
  }

  clearTimeout = (handle: unknown): void => {
    this.pending.delete(handle as number)
  }

  /** Milliseconds from now until each pending timer, soonest first. */
  due(): number[] {
    return [...this.pending.values()].map((t) => t.at - this.clock).sort((a, b) => a - b)
  }

  /** Moves the clock forward, running every timer that comes due on the way, in order. */
  advance(ms: number): void {
    const end = this.clock + ms
    for (;;) {
      const soonest = [...this.pending.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!soonest || soonest[1].at > end) break
      this.pending.delete(soonest[0])
      this.clock = soonest[1].at
      soonest[1].run()
    }
    this.clock = end
  }
}
