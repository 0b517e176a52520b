/**
 * Quitting must not hang. The core closes by waiting for its background work (refreshes with 30 s
 * timeouts, retries, rate-limit pauses), and meanwhile the windowless process keeps the single-instance
 * lock, so launching the app again would show nothing. So shutdown first cancels network work, then
 * gives the closing steps a few seconds at most; what has not finished by then is abandoned.
 */

/** Enough to close files and sockets; short enough that a relaunch soon finds the app gone. */
export const QUIT_DEADLINE_MS = 3_000

export interface ShutdownStep {
  name: string
  run: () => Promise<unknown>
}

export interface ShutdownReport {
  finished: string[]
  failed: Array<{ name: string; error: unknown }>
  /** Steps still running at the deadline. */
  abandoned: string[]
}

/** Runs every step at once and resolves when all have settled or `deadlineMs` has passed. */
export async function runWithDeadline(steps: readonly ShutdownStep[], deadlineMs = QUIT_DEADLINE_MS): Promise<ShutdownReport> {
  const report: ShutdownReport = { finished: [], failed: [], abandoned: [] }
  const pending = new Set(steps.map((step) => step.name))
  const all = Promise.all(
    steps.map(async (step) => {
      try {
        await step.run()
        report.finished.push(step.name)
      } catch (error) {
        report.failed.push({ name: step.name, error })
      } finally {
        pending.delete(step.name)
      }
    }),
  )
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, deadlineMs)
  })
  await Promise.race([all, deadline])
  clearTimeout(timer)
  report.abandoned = [...pending]
  return report
}

/**
 * A fetch whose requests are all cancelled when `signal` aborts (at shutdown), on top of the caller's
 * own signals (a Request's, and init's: timeouts keep working). Requests started after that fail at
 * once instead of opening a connection.
 */
export function cancellableFetch(fetch: typeof globalThis.fetch, signal: AbortSignal): typeof globalThis.fetch {
  return (input, init) => {
    const signals = [signal]
    if (input instanceof Request) signals.push(input.signal)
    if (init?.signal) signals.push(init.signal)
    return fetch(input, { ...init, signal: AbortSignal.any(signals) })
  }
}
