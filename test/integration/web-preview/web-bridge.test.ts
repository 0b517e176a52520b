import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { installWebBridge } from '../../../src/renderer/src/lib/bridge/web-bridge'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox/tokens'
import { ensureBuilt, ROOT, startPreview, stopPreview, type RunningPreview } from './preview-process'

/*
 * The renderer's side of the bridge (src/renderer/src/lib/bridge/web-bridge.ts) in real Chromium, against
 * the built web preview: the secret leaves the address bar, the app works through it, calls and events
 * flow, and a lost connection fails calls with a clear error instead of leaving them hanging.
 */

const CHROMIUM = process.env['PLAYWRIGHT_CHROMIUM_PATH'] ?? '/usr/bin/chromium'

/** The module under test as an ES module the page can import (same origin, so the CSP allows it). */
function moduleSource(path: string, rewrite: Record<string, string> = {}): string {
  let code = ts.transpileModule(readFileSync(resolve(ROOT, path), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  }).outputText
  for (const [from, to] of Object.entries(rewrite)) code = code.replaceAll(`'${from}'`, `'${to}'`)
  return code
}

type Probe = { results: unknown[]; events: unknown[] }
type BridgeModule = { installWebBridge: typeof installWebBridge }

/** Loads the module under test into the page (once per document) and returns nothing: use `bridgeModule()` inside evaluate. */
async function exposeModule(page: Page): Promise<void> {
  if (await page.evaluate(() => 'bridgeModule' in window)) return
  await page.addScriptTag({ url: '/__test__/expose.js', type: 'module' })
  await page.waitForFunction(() => 'bridgeModule' in window)
}

describe('the web bridge in Chromium', () => {
  let preview: RunningPreview
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ensureBuilt()
    preview = await startPreview()
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    })
    page = await browser.newPage()
    const modules: Record<string, string> = {
      '/__test__/web-bridge.js': moduleSource('src/renderer/src/lib/bridge/web-bridge.ts', {
        '@shared/contract-names': './contract-names.js',
        '@shared/bridge-protocol': './bridge-protocol.js',
      }),
      '/__test__/contract-names.js': moduleSource('src/shared/contract-names.ts'),
      '/__test__/bridge-protocol.js': moduleSource('src/shared/bridge-protocol.ts'),
      // A module script of the page's own origin (the CSP forbids inline ones) hands the module to the test.
      '/__test__/expose.js': "import * as bridgeModule from './web-bridge.js'\nwindow.bridgeModule = bridgeModule\n",
    }
    await page.route(`${preview.origin}/__test__/*`, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: modules[new URL(route.request().url()).pathname] ?? '' }),
    )
    await page.goto(preview.printedUrl)
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await stopPreview(preview)
  })

  it('takes the secret out of the address bar without adding a history entry', async () => {
    await page.waitForFunction(() => !location.hash.includes('bridge='))
    expect(page.url()).toBe(`${preview.origin}/`)
    // The entry was replaced, not pushed: one step back is the blank tab the test started from.
    await page.goBack()
    expect(page.url()).toBe('about:blank')
    await page.goForward()
    expect(page.url()).toBe(`${preview.origin}/`)
  })

  it('carries the app’s calls: the welcome screen renders from session.status', async () => {
    await page.getByRole('heading', { level: 1, name: 'Plannr Desktop' }).waitFor({ timeout: 15_000 })
  })

  it('still connects after a reload, though the secret is no longer in the URL', async () => {
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Plannr Desktop' }).waitFor({ timeout: 15_000 })
  })

  it('answers calls, refuses unlisted names locally, and delivers events until unsubscribed', async () => {
    await exposeModule(page)
    const probe = await page.evaluate(async (token): Promise<Probe> => {
      const { installWebBridge } = (window as unknown as { bridgeModule: BridgeModule }).bridgeModule
      const bridge = installWebBridge()
      if (!bridge) throw new Error('no bridge')
      const events: unknown[] = []
      const off = bridge.on('session.changed', (payload) => events.push(payload))
      const results: unknown[] = [
        await bridge.invoke('app.info', {}),
        await bridge.invoke('no.such.call' as 'app.info', {}),
        await bridge.invoke('session.signInWithToken', { token: 5 }),
        await bridge.invoke('session.signInWithToken', { token }),
      ]
      for (let i = 0; i < 50 && events.length === 0; i++) await new Promise((r) => setTimeout(r, 100))
      off()
      results.push(await bridge.invoke('session.signOut', {}))
      await new Promise((r) => setTimeout(r, 500))
      return { results, events }
    }, SANDBOX_TOKENS.adviser)

    expect(probe.results[0]).toMatchObject({ ok: true, value: { shell: 'web-preview' } })
    expect(probe.results[1]).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
    expect(probe.results[2]).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { token: expect.any(Array) } } })
    expect(probe.results[3]).toMatchObject({ ok: true, value: { state: 'signed-in' } })
    expect(probe.results[4]).toMatchObject({ ok: true, value: { state: 'signed-out' } })
    // Signed in, then nothing more: the sign-out event came after unsubscribing.
    expect(probe.events).toEqual([expect.objectContaining({ state: 'signed-in' })])
  })

  it('fails calls with a network error, promptly, when the preview has gone', async () => {
    await exposeModule(page)
    await page.evaluate(async () => {
      const { installWebBridge } = (window as unknown as { bridgeModule: BridgeModule }).bridgeModule
      const bridge = installWebBridge()
      ;(window as unknown as { probeBridge: unknown }).probeBridge = bridge
      await bridge?.invoke('app.info', {})
    })
    await stopPreview(preview)
    const result = await page.evaluate(async () => {
      const bridge = (window as unknown as { probeBridge: { invoke(n: string, i: unknown): Promise<unknown> } }).probeBridge
      return Promise.race([bridge.invoke('app.info', {}), new Promise((r) => setTimeout(() => r('hung'), 10_000))])
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'network', message: expect.stringContaining('Lost connection') } })
  })
})
