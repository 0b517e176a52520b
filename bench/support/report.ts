import { cpus, platform, release, totalmem } from 'node:os'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BenchConfig } from './config'
import { PARTS_DIR, RESULTS_DIR, type Figure } from './figures'

/** The bundle figure's detail: every chunk of out/renderer/assets. */
export interface ChunkSize {
  file: string
  raw: number
  gzip: number
  /** Loaded before the first paint (the entry and what index.html preloads). */
  initial: boolean
}

export interface BenchResults {
  generatedAt: string
  config: BenchConfig
  machine: { cores: number; cpu: string; memoryGb: number; os: string; node: string }
  figures: Figure[]
}

/** Figures in a stable order: the order first, then anything else (store, outbox …) by id. */
const ORDER = ['search.', 'switch.', 'scroll.', 'bundle.', 'heap.', 'core.']
function rank(id: string): number {
  const at = ORDER.findIndex((prefix) => id.startsWith(prefix))
  return at === -1 ? ORDER.length : at
}

export function readFigures(): Figure[] {
  if (!existsSync(PARTS_DIR)) return []
  const figures = readdirSync(PARTS_DIR)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) =>
      readFileSync(join(PARTS_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Figure),
    )
  return figures.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))
}

export function collect(config: BenchConfig): BenchResults {
  const cpu = cpus()
  return {
    generatedAt: new Date().toISOString(),
    config,
    machine: {
      cores: cpu.length,
      cpu: cpu[0]?.model.trim() ?? 'unknown',
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      os: `${platform()} ${release()}`,
      node: process.version,
    },
    figures: readFigures(),
  }
}

function amount(value: number, unit: Figure['unit']): string {
  if (unit === 'count') return Math.round(value).toLocaleString('en-GB')
  const digits = unit === 'ms' && value < 100 ? 1 : unit === 'KB' && value >= 100 ? 0 : 1
  return `${value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`
}

export function met(figure: Figure): boolean | null {
  if (!figure.goal) return null
  return figure[figure.goal.stat] <= figure.goal.max
}

/** The results as Markdown: a line about the run, the figures, then the renderer's chunks. */
export function table(results: BenchResults): string {
  const { config, machine } = results
  const lines = [
    `Run ${results.generatedAt.slice(0, 16).replace('T', ' ')} UTC · ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node} · sandbox ${config.size}, ${config.latencyMs} ms API latency`,
    '',
    '| Figure | Goal | Median | p95 | Trials | Met |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const figure of results.figures) {
    const goal = figure.goal ? `${figure.goal.stat} ≤ ${amount(figure.goal.max, figure.unit)}` : '—'
    const ok = met(figure)
    const p95 = figure.trials > 1 ? amount(figure.p95, figure.unit) : '—'
    lines.push(`| ${figure.label} | ${goal} | ${amount(figure.median, figure.unit)} | ${p95} | ${figure.trials} | ${ok === null ? '' : ok ? 'yes' : 'no'} |`)
  }
  const notes = results.figures.filter((figure) => figure.note)
  if (notes.length > 0) {
    lines.push('')
    for (const figure of notes) lines.push(`- ${figure.label}: ${figure.note}`)
  }
  const bundle = results.figures.find((figure) => figure.id === 'bundle.initial')
  const chunks = (bundle?.detail as { chunks?: ChunkSize[] } | undefined)?.chunks
  if (chunks) {
    lines.push('', '| Renderer chunk | Raw | Gzip | Initial |', '| --- | --- | --- | --- |')
    for (const chunk of [...chunks].sort((a, b) => b.gzip - a.gzip)) {
      lines.push(`| ${chunk.file} | ${amount(chunk.raw / 1024, 'KB')} | ${amount(chunk.gzip / 1024, 'KB')} | ${chunk.initial ? 'yes' : ''} |`)
    }
  }
  return lines.join('\n')
}

/** Writes bench/results/latest.json and latest.md, and returns the table. */
export function writeReport(config: BenchConfig): string {
  const results = collect(config)
  const text = table(results)
  mkdirSync(RESULTS_DIR, { recursive: true })
  writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
  writeFileSync(join(RESULTS_DIR, 'latest.md'), `${text}\n`)
  return text
}
