import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { benchConfig } from './config'
import { PARTS_DIR } from './figures'
import { writeReport } from './report'

/*
 * Before the bench files: build the app if the sources are newer than out/ (the UI benchmarks drive the
 * built web preview), and forget the previous run's figures. After them: the report.
 */

const ROOT = resolve(__dirname, '../..')
const BUILT = join(ROOT, 'out/renderer/index.html')

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs)
}

function buildIfNeeded(): void {
  const sources = ['src', 'electron.vite.config.ts', 'package.json', 'svelte.config.mjs'].map((name) => join(ROOT, name))
  const built = existsSync(BUILT) ? Math.min(newest(BUILT), newest(join(ROOT, 'out/main/web-preview.js'))) : 0
  if (built > Math.max(...sources.map(newest))) return
  console.log('Building the app (electron-vite build) for the benchmarks…')
  const run = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' })
  if (run.status !== 0) throw new Error('electron-vite build failed')
}

export default function setup(): () => void {
  const config = benchConfig()
  buildIfNeeded()
  rmSync(PARTS_DIR, { recursive: true, force: true })
  return () => {
    console.log(`\n${writeReport(config)}\n\nWritten to bench/results/latest.json and latest.md`)
  }
}
