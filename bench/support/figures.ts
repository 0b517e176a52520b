import { appendFileSync, mkdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'

/**
 * One measured figure. Bench files call `recordFigure`; the run's teardown gathers every file's figures
 * into bench/results/latest.json and the table (see report.ts). A new bench file needs nothing else.
 */
export interface Figure {
  /** Stable id, e.g. 'search.contacts'. */
  id: string
  /** What it measures, as the table shows it. */
  label: string
  unit: 'ms' | 'KB' | 'MB' | 'count'
  /** The goal: the statistic it applies to must be at most `max`. */
  goal?: { stat: 'median' | 'p95'; max: number }
  median: number
  p95: number
  trials: number
  /** Extra facts for the reader (sizes, counts); shown under the table. */
  note?: string
  /** Anything else worth keeping in the JSON (raw samples, per-chunk sizes). */
  detail?: unknown
}

export const RESULTS_DIR = resolve(__dirname, '../results')
/** Where each bench file's figures wait for the report, one JSON object per line. */
export const PARTS_DIR = join(RESULTS_DIR, 'parts')

/** The value at quantile `q` (0..1) of `samples`, nearest-rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples')
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

/** A figure from raw samples: median and p95 worked out here. */
export function fromSamples(figure: Omit<Figure, 'median' | 'p95' | 'trials'>, samples: readonly number[]): Figure {
  return {
    ...figure,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    trials: samples.length,
    detail: { samples: samples.map((s) => Math.round(s * 100) / 100), ...(figure.detail as object | undefined) },
  }
}

/** A single measured value (a size, a heap): median and p95 are that value. */
export function single(figure: Omit<Figure, 'median' | 'p95' | 'trials'>, value: number): Figure {
  return { ...figure, median: value, p95: value, trials: 1 }
}

/** Keeps `figure` for the report. `from` names the bench file (pass `import.meta.filename` or `__filename`). */
export function recordFigure(from: string, figure: Figure): void {
  mkdirSync(PARTS_DIR, { recursive: true })
  appendFileSync(join(PARTS_DIR, `${basename(from)}.jsonl`), `${JSON.stringify(figure)}\n`)
  const goal = figure.goal ? ` (goal ${figure.goal.stat} ≤ ${figure.goal.max} ${figure.unit})` : ''
  console.log(`${figure.label}: median ${figure.median.toFixed(2)} ${figure.unit}, p95 ${figure.p95.toFixed(2)} ${figure.unit}, ${figure.trials} trials${goal}`)
}
