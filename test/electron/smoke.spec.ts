import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'

/*
 * The desktop shell itself: window, preload, sandbox and navigation policy. It needs Electron's binary,
 * which `npm install` downloads on an ordinary machine; where it could not be downloaded
 * (ELECTRON_SKIP_BINARY_DOWNLOAD) the suite reports itself skipped with the reason, never as passed.
 */

const ROOT = resolve(__dirname, '../..')

/**
 * Where the electron package says its binary is. Not `require('electron')`: that would try to download
 * the binary when it is missing.
 */
function electronBinary(): { path: string | null; reason: string } {
  const pkg = join(ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) {
    return { path: null, reason: `${pathFile} is missing: the binary was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD)` }
  }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `${binary} does not exist` }
}

const binary = electronBinary()
// Said in the run's output too, not only in the report's annotations: a skip must say why where it is read.
if (binary.path === null) console.log(`Electron smoke suite skipped — Electron binary not installed: ${binary.reason}`)

test.describe('Electron shell', () => {
  test.skip(binary.path === null, `Electron binary not installed: ${binary.reason}`)

  let app: ElectronApplication
  let page: Page

  test.beforeAll(async () => {
    const built = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
    for (const file of built) expect(existsSync(join(ROOT, file)), `${file} — run npx electron-vite build`).toBe(true)
    app = await electron.launch({
      executablePath: binary.path ?? undefined,
      // Chromium refuses to run as root with its sandbox on; the renderer is still `sandbox: true`.
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: ROOT,
      env: { ...process.env, ELECTRON_RENDERER_URL: '' },
    })
    page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
  })

  test.afterAll(async () => {
    await app?.close()
  })

  test('opens one window titled Plannr Desktop, served from app://plannr', async () => {
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle())
    expect(title).toBe('Plannr Desktop')
    expect(page.url()).toBe('app://plannr/index.html')
    expect(app.windows()).toHaveLength(1)
  })

  test('renders the sign-in screen', async () => {
    await expect(page.getByRole('heading', { name: 'Sign in with a personal access token' })).toBeVisible()
  })

  test('exposes only invoke and on, and no Node to the renderer', async () => {
    const surface = await page.evaluate(() => {
      const bridge = (window as unknown as { plannr?: Record<string, unknown> }).plannr
      const scope = window as unknown as Record<string, unknown>
      return {
        keys: bridge ? Object.keys(bridge).sort() : null,
        require: typeof scope['require'],
        process: typeof scope['process'],
        module: typeof scope['module'],
        Buffer: typeof scope['Buffer'],
      }
    })
    expect(surface).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' })
  })

  test('answers a contract call and rejects an unlisted one', async () => {
    const results = await page.evaluate(async () => {
      const bridge = (window as unknown as { plannr: { invoke(name: string, input: unknown): Promise<unknown> } }).plannr
      return [await bridge.invoke('app.info', {}), await bridge.invoke('shell.openExternal', { url: 'file:///etc/passwd' })]
    })
    expect(results[0]).toMatchObject({ ok: true, value: { shell: 'electron' } })
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'unknown_call' } })
  })

  test('denies window.open and navigation away from the app', async () => {
    // Record instead of launching the system browser during the test.
    await app.evaluate(({ shell }) => {
      const opened: string[] = []
      ;(globalThis as unknown as { openedExternally: string[] }).openedExternally = opened
      shell.openExternal = async (url: string) => {
        opened.push(url)
      }
    })

    const popup = await page.evaluate(() => window.open('https://example.com/') === null)
    expect(popup).toBe(true)
    expect(app.windows()).toHaveLength(1)

    await page.evaluate(() => {
      window.location.href = 'https://example.com/'
    })
    await page.waitForTimeout(1_000)
    expect(page.url()).toBe('app://plannr/index.html')

    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd'
    })
    await page.waitForTimeout(500)
    expect(page.url()).toBe('app://plannr/index.html')

    const opened = await app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally)
    // https links go to the system browser; file: never does.
    expect(opened).toContain('https://example.com/')
    expect(opened.some((url) => url.startsWith('file:'))).toBe(false)
  })
})
