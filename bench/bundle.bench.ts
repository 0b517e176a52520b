import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, it } from 'vitest'
import { recordFigure, single } from './support/figures'
import type { ChunkSize } from './support/report'

/*
 * The renderer's JavaScript as built (out/renderer, by the run's set-up): every chunk raw and gzipped,
 * and what the window must load before its first paint — the entry script and the modules index.html
 * preloads.
 */

const OUT = resolve(__dirname, '../out/renderer')

it('sizes the renderer chunks', () => {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1]))
  const chunks: ChunkSize[] = readdirSync(join(OUT, 'assets'))
    .filter((file) => file.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(join(OUT, 'assets', file))
      return { file, raw: bytes.length, gzip: gzipSync(bytes).length, initial: initial.has(file) }
    })
  expect(chunks.filter((chunk) => chunk.initial).length).toBeGreaterThan(0)
  const first = chunks.filter((chunk) => chunk.initial)
  const kb = (bytes: number) => bytes / 1024
  recordFigure(
    __filename,
    single(
      {
        id: 'bundle.initial',
        label: 'Initial renderer JS (entry + preloaded), gzip',
        unit: 'KB',
        goal: { stat: 'median', max: 150 },
        note: `${kb(first.reduce((sum, chunk) => sum + chunk.raw, 0)).toFixed(0)} KB raw in ${first.length} file(s); all ${chunks.length} chunks: ${kb(chunks.reduce((sum, chunk) => sum + chunk.gzip, 0)).toFixed(0)} KB gzip`,
        detail: { chunks },
      },
      kb(first.reduce((sum, chunk) => sum + chunk.gzip, 0)),
    ),
  )
})
