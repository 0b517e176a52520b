import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { BUILT_FILES, electronPath, ROOT, rootArgs, skipReason } from './support/electron-binary'

/*
 * The desktop shell itself: window, preload, sandbox and navigation policy. It needs Electron's binary,
 * which `npm start` (or `npx install-electron`) downloads, and a display. Where either is missing the
 * suite reports itself skipped with the reason, never as passed.
 */

// Said in the run's output too, not only in the report's annotations: a skip must say why where it is read.
if (skipReason !== null) console.log(`Electron smoke suite skipped — ${skipReason}`)

test.describe('Electron shell', () => {
  test.skip(skipReason !== null, skipReason ?? '')

  let app: ElectronApplication
  let page: Page

  test.beforeAll(async () => {
    for (const file of BUILT_FILES) expect(existsSync(join(ROOT, file)), `${file} — run npx electron-vite build`).toBe(true)
    app = await electron.launch({
      executablePath: electronPath,
      args: ['.', ...rootArgs],
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

  test('opens nothing outside the app unless the user clicks, then https, mailto: and tel: in the system’s handlers', async () => {
    // Record instead of launching the system browser or mail app during the test.
    await app.evaluate(({ shell }) => {
      const opened: string[] = []
      ;(globalThis as unknown as { openedExternally: string[] }).openedExternally = opened
      shell.openExternal = async (url: string) => {
        opened.push(url)
      }
    })
    const opened = (): Promise<string[]> => app.evaluate(() => (globalThis as unknown as { openedExternally: string[] }).openedExternally.slice())

    // A page opening things on its own (no click): nothing leaves the app, and it stays where it is.
    const popup = await page.evaluate(() => window.open('https://example.com/popup') === null)
    expect(popup).toBe(true)
    expect(app.windows()).toHaveLength(1)
    await page.evaluate(() => {
      window.location.href = 'https://example.com/navigated'
    })
    await page.evaluate(() => {
      window.location.href = 'file:///etc/passwd'
    })
    await expect.poll(() => page.url()).toBe('app://plannr/index.html')

    // Links the user clicks: added to our own page, clicked with real input events.
    await page.evaluate(() => {
      const links: Array<[string, string, string | null]> = [
        ['smoke-https', 'https://example.com/clicked', '_blank'],
        ['smoke-mailto', 'mailto:jane.doe@example.co.uk', null],
        ['smoke-tel', 'tel:+442079460000', null],
        ['smoke-file', 'file:///etc/passwd', null],
      ]
      for (const [id, href, target] of links) {
        const link = document.createElement('a')
        link.id = id
        link.href = href
        link.textContent = id
        if (target) link.target = target
        document.body.prepend(link)
      }
    })
    for (const id of ['smoke-https', 'smoke-mailto', 'smoke-tel', 'smoke-file']) await page.click(`#${id}`)
    await expect.poll(opened).toEqual(['https://example.com/clicked', 'mailto:jane.doe@example.co.uk', 'tel:+442079460000'])
    expect(page.url()).toBe('app://plannr/index.html')
    expect(app.windows()).toHaveLength(1)
  })
})
