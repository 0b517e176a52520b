// `npm test`: builds the app, runs the Vitest suites and the Playwright suites, then prints one line
// that adds them up ("N passed, N failed, N skipped"). Both suites run even if the first fails, so one
// run shows everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

// Not Playwright's test-results/: Playwright empties that folder when it starts.
const results = 'test-reports'
const vitestJson = join(results, 'vitest.json')
const playwrightJson = join(results, 'playwright.json')

function run(command, args, env = {}) {
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' })
  return child.status ?? 1
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

mkdirSync(results, { recursive: true })
rmSync(vitestJson, { force: true })
rmSync(playwrightJson, { force: true })

if (run('npx', ['electron-vite', 'build']) !== 0) process.exit(1)
const vitestStatus = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const playwrightStatus = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })

const totals = { passed: 0, failed: 0, skipped: 0 }
const vitest = readJson(vitestJson)
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
}
const playwright = readJson(playwrightJson)
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky
  totals.failed += playwright.stats.unexpected
  totals.skipped += playwright.stats.skipped
}
const failed = vitestStatus !== 0 || playwrightStatus !== 0 || !vitest || !playwright
if (!vitest) console.log('\nVitest stopped before it could report its results.')
if (!playwright) console.log('\nPlaywright stopped before it could report its results.')

console.log(`\nTests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failed ? 1 : 0)
