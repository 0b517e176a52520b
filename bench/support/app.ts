import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { deleteKeychainService } from '../../test/e2e/fixtures/keychain'
import { controlHeaders } from '../../test/e2e/fixtures/sandbox'
import { startPreview, stopPreview, type WebPreview } from '../../test/e2e/fixtures/web-preview'
import type { BenchConfig } from './config'

/**
 * The real app for the UI benchmarks: the built web preview (core + sandbox in Node) with the sandbox
 * adding network latency, opened in headless Chromium and signed in to the demo workspace.
 */
export interface BenchApp {
  page: Page
  cdp: CDPSession
  preview: WebPreview
  browser: Browser
  close(): Promise<void>
}

/** Outcome of one timed interaction, measured in the page (see probe.js). */
export interface Timing {
  /** Input event → the DOM shows the result. */
  dom: number
  /** Input event → the end of the frame that paints it. */
  frame: number
  /** Of `dom`, how long the event waited before the page's first handler ran. */
  queued: number
}

const PROBE = resolve(__dirname, 'probe.js')

export function chromiumPath(): string | undefined {
  return process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
}

export async function openBenchApp(config: BenchConfig, name: string): Promise<BenchApp> {
  const keychainService = `Plannr Desktop bench ${process.pid} ${name}`
  const { preview, child } = await startPreview(keychainService, { sandboxSize: config.size })
  let browser: Browser | undefined
  try {
    const faults = await fetch(`${preview.sandboxUrl}/__sandbox/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...controlHeaders(preview.sandboxUrl) },
      body: JSON.stringify({ latencyMs: config.latencyMs }),
    })
    if (!faults.ok) throw new Error(`PUT /__sandbox/faults answered ${faults.status}`)

    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    await page.addInitScript({ path: PROBE })
    await page.goto(preview.url)
    await page.getByRole('button', { name: 'Explore the demo workspace' }).click({ timeout: 30_000 })
    await page.getByRole('navigation', { name: 'Main' }).waitFor({ timeout: 30_000 })
    const cdp = await page.context().newCDPSession(page)
    const opened = browser
    return {
      page,
      cdp,
      preview,
      browser: opened,
      async close() {
        await opened.close()
        await stopPreview(child)
        await deleteKeychainService(keychainService)
        if (problems.length > 0) throw new Error(`uncaught errors in the page: ${problems.join('; ')}`)
      },
    }
  } catch (error) {
    await browser?.close()
    await stopPreview(child)
    await deleteKeychainService(keychainService)
    throw error
  }
}

export type Check =
  | { check: 'list'; params: { noun: string; list: string; query: string } }
  | { check: 'switcher'; params: { query: string } }
  | { check: 'view'; params: { heading: string; list: string } }

/** Arms the page's probe, runs `act` (a key press), and returns how long until `expect` held. */
export async function timed(page: Page, expect: Check, from: 'input' | 'keydown', act: () => Promise<void>): Promise<Timing> {
  await page.evaluate(([check, params, start]) => window.__bench.arm(check, params, start), [expect.check, expect.params, from] as const)
  await act()
  const outcome = await page.evaluate(() => window.__bench.result())
  if ('error' in outcome) throw new Error(outcome.error)
  return outcome
}

/** The JS heap in use after a full collection (MB), as Chromium's DevTools reports it. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 1024 / 1024
}

export interface ScrollOutcome {
  intervals: number[]
  longTasks: Array<{ start: number; duration: number }>
  blankFrames: number
  maxNodes: number
  scrolledPx: number
}

declare global {
  interface Window {
    __bench: {
      arm(check: string, params: unknown, from: 'input' | 'keydown'): void
      result(): Promise<Timing | { error: string }>
      scroll(selector: string, seconds: number, pxPerSecond: number): Promise<ScrollOutcome | { error: string }>
      domNodes(): number
    }
  }
}

/**
 * Waits until the whole book has landed (the first sync shows its first page at once and fetches the rest
 * behind it): nothing is syncing and the list's count line ("20,000 clients") has stopped moving.
 * Returns that line.
 */
export async function syncedTotal(page: Page, noun: string, timeoutMs = 300_000): Promise<string> {
  const status = page.getByRole('status').filter({ hasText: new RegExp(`^[\\d,]+ ${noun}s?$`) })
  const idle = page.locator('footer[aria-label="Sync status"] button.sync-now:enabled')
  const deadline = Date.now() + timeoutMs
  let previous = ''
  for (;;) {
    await status.waitFor({ timeout: Math.max(1, deadline - Date.now()) })
    await idle.waitFor({ timeout: Math.max(1, deadline - Date.now()) })
    const text = ((await status.textContent()) ?? '').trim()
    if (text === previous) return text
    if (Date.now() > deadline) throw new Error(`the ${noun} list was still changing after ${timeoutMs} ms (${text})`)
    previous = text
    await page.waitForTimeout(500)
  }
}
