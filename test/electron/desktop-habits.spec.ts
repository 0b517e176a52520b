import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { BUILT_FILES, electronPath, ROOT, rootArgs, skipReason } from './support/electron-binary'

/*
 * The desktop app's native habits, in Electron itself: deep links opening an item at start-up and from a
 * second launch, the menu's "Check for Updates…" opening the about panel (which says why updates are off
 * in a development build), DevTools offered only because this build is unpackaged, and the window
 * reopening where it was left, clamped to the screen. Each launch gets its own data folder (Linux's
 * XDG_CONFIG_HOME), so the user's own is never touched. Skipped, with the reason, where Electron's binary
 * or a display is missing.
 */

if (skipReason !== null) console.log(`Electron desktop-habits suite skipped — ${skipReason}`)

/** userData follows XDG_CONFIG_HOME on Linux only: elsewhere a launch would use the user's real data folder. */
const platformProblem = process.platform === 'linux' ? null : 'these launches isolate the data folder through XDG_CONFIG_HOME, which only Linux honours'
const reason = skipReason ?? platformProblem

async function launch(configHome: string, extraArgs: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
  for (const file of BUILT_FILES) expect(existsSync(join(ROOT, file)), `${file} — run npx electron-vite build`).toBe(true)
  const app = await electron.launch({
    executablePath: electronPath,
    args: ['.', ...rootArgs, ...extraArgs],
    cwd: ROOT,
    env: { ...process.env, ELECTRON_RENDERER_URL: '', XDG_CONFIG_HOME: configHome },
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page }
}

async function openDemoWorkspace(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Explore the demo workspace' }).click()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
}

/** The first circle of the demo workspace, asked of the app itself. */
async function firstCircle(page: Page): Promise<{ uuid: string; name: string }> {
  return page.evaluate(async () => {
    const bridge = (window as unknown as { plannr: { invoke(name: string, input: unknown): Promise<{ ok: boolean; value?: { items: Array<{ uuid: string; name: string }> } }> } }).plannr
    const result = await bridge.invoke('circles.list', { limit: 1 })
    const circle = result.value?.items[0]
    if (!circle) throw new Error('the demo workspace has no circles')
    return { uuid: circle.uuid, name: circle.name }
  })
}

/** Clicks a menu item by its label, as the user would from the menu bar. */
async function clickMenuItem(app: ElectronApplication, label: string): Promise<void> {
  const clicked = await app.evaluate(({ Menu, BrowserWindow }, wanted) => {
    type Item = { label: string; submenu?: { items: Item[] } | null; click: (event: unknown, window: unknown, contents: unknown) => void }
    const find = (items: Item[]): Item | undefined => {
      for (const item of items) {
        if (item.label === wanted) return item
        const inner = item.submenu ? find(item.submenu.items) : undefined
        if (inner) return inner
      }
      return undefined
    }
    const item = find((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[])
    const window = BrowserWindow.getAllWindows()[0]
    item?.click({}, window, window?.webContents)
    return item !== undefined
  }, label)
  expect(clicked, `menu item ${label}`).toBe(true)
}

test.describe('Electron desktop habits', () => {
  test.skip(reason !== null, reason ?? '')

  let configHome: string

  test.beforeEach(() => {
    configHome = mkdtempSync(join(tmpdir(), 'plannr-desktop-electron-'))
  })
  test.afterEach(() => {
    rmSync(configHome, { recursive: true, force: true })
  })

  test('a plannr-desktop:// link opens its item at start-up and from a second launch; a malformed one opens nothing', async () => {
    // First run: sign in to the demo workspace (kept for the next start) and learn a circle to link to.
    const first = await launch(configHome)
    await openDemoWorkspace(first.page)
    const circle = await firstCircle(first.page)
    await first.app.close()

    // Started by a link: the app opens signed in, on that circle.
    const second = await launch(configHome, [`plannr-desktop://circle/${circle.uuid}`])
    try {
      await expect(second.page.getByRole('heading', { level: 1, name: 'Circles' })).toBeVisible()
      await expect(second.page.getByRole('heading', { level: 2, name: circle.name })).toBeVisible()

      // Back to conversations, then links from launches while it runs (how Windows and Linux pass them on).
      await second.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Conversations', exact: true }).click()
      await expect(second.page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      const secondLaunch = (link: string) =>
        second.app.evaluate(({ app }, argv) => {
          app.emit('second-instance', {}, argv, process.cwd(), {})
        }, ['electron', '.', link])
      await secondLaunch('plannr-desktop://circle/../../etc/passwd')
      await secondLaunch(`plannr-desktop://settings/${circle.uuid}`)
      await expect(second.page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await secondLaunch(`plannr-desktop://circle/${circle.uuid}`)
      await expect(second.page.getByRole('heading', { level: 2, name: circle.name })).toBeVisible()
      expect(second.app.windows()).toHaveLength(1)
    } finally {
      await second.app.close()
    }
  })

  test('Check for Updates… opens the about panel, which says updates are off in a development build; DevTools are offered only because this build is unpackaged', async () => {
    const { app, page } = await launch(configHome)
    try {
      await openDemoWorkspace(page)
      await clickMenuItem(app, 'Check for Updates…')
      const about = page.getByRole('dialog', { name: 'About Plannr Desktop' })
      await expect(about.getByRole('status')).toHaveText('Updates are off in a development build.')
      await expect(about.getByRole('button', { name: 'Restart to update' })).toHaveCount(0)

      const packaged = await app.evaluate(({ app: electronApp }) => electronApp.isPackaged)
      const devTools = await app.evaluate(({ Menu }) => {
        type Item = { role?: string; submenu?: { items: Item[] } | null }
        const roles = (items: Item[]): string[] => items.flatMap((item) => [item.role ?? '', ...(item.submenu ? roles(item.submenu.items) : [])])
        return roles((Menu.getApplicationMenu()?.items ?? []) as unknown as Item[]).some((role) => role.toLowerCase() === 'toggledevtools')
      })
      expect(packaged).toBe(false)
      expect(devTools).toBe(true)
    } finally {
      await app.close()
    }
  })

  test('the window reopens where it was left, and back on screen when that place is gone', async () => {
    const first = await launch(configHome)
    const userData = await first.app.evaluate(({ app }) => app.getPath('userData'))
    // Somewhere inside the screen, whatever its size: then wherever the window manager settled it is "where it was left".
    const left = await first.app.evaluate(({ BrowserWindow, screen }) => {
      const area = screen.getPrimaryDisplay().workArea
      const window = BrowserWindow.getAllWindows()[0]
      window?.setBounds({ x: area.x + 20, y: area.y + 20, width: Math.max(800, area.width - 60), height: Math.max(560, area.height - 60) })
      return window?.getNormalBounds()
    })
    await first.app.close()
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as Record<string, unknown>
    expect(saved).toEqual({ ...left, maximized: false })

    const second = await launch(configHome)
    const bounds = await second.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getNormalBounds())
    expect(bounds).toEqual(left)
    await second.app.close()

    // A display that is no longer there: the window comes back inside the one that is.
    writeFileSync(join(userData, 'window-state.json'), JSON.stringify({ x: 20_000, y: 15_000, width: 900, height: 640, maximized: false }))
    const third = await launch(configHome)
    try {
      const placed = await third.app.evaluate(({ BrowserWindow, screen }) => ({
        bounds: BrowserWindow.getAllWindows()[0]?.getNormalBounds(),
        area: screen.getPrimaryDisplay().workArea,
      }))
      expect(placed.bounds).toBeDefined()
      const { bounds: b, area } = placed as { bounds: { x: number; y: number; width: number; height: number }; area: { x: number; y: number; width: number; height: number } }
      expect(b.x).toBeGreaterThanOrEqual(area.x)
      expect(b.y).toBeGreaterThanOrEqual(area.y)
      expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width)
      expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height)
    } finally {
      await third.app.close()
    }
  })
})
