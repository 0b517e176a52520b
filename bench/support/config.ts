/**
 * What a benchmark run measures at: the sandbox's size, the latency it adds to every Plannr request, and
 * how many trials each figure gets. `BENCH_SIZE=small` is the smoke run CI does (it must run, not meet
 * the goals); the default, `large`, is the size the goals are set for.
 */
export type BenchSize = 'small' | 'demo' | 'large'

export interface BenchConfig {
  size: BenchSize
  /** Added by the sandbox to every API request (PUT /__sandbox/faults), as a real network would. */
  latencyMs: number
  /** Keystrokes per search figure, switches per view-switch figure, windows per core query figure. */
  trials: { keystrokes: number; switches: number; queries: number }
  /** How long the scroll figure scrolls, and how fast (px per second). */
  scroll: { seconds: number; pxPerSecond: number }
}

const SIZES: readonly BenchSize[] = ['small', 'demo', 'large']

function whole(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${JSON.stringify(text)}`)
  return value
}

export function benchConfig(): BenchConfig {
  const size = (process.env.BENCH_SIZE ?? 'large') as BenchSize
  if (!SIZES.includes(size)) throw new Error(`BENCH_SIZE must be one of ${SIZES.join(', ')}, not ${JSON.stringify(size)}`)
  const smoke = size === 'small'
  return {
    size,
    latencyMs: whole('BENCH_LATENCY_MS', 40),
    trials: smoke ? { keystrokes: 8, switches: 4, queries: 20 } : { keystrokes: 40, switches: 20, queries: 200 },
    scroll: smoke ? { seconds: 1, pxPerSecond: 3_000 } : { seconds: 6, pxPerSecond: 6_000 },
  }
}
