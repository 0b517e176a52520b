import { app, BrowserWindow, net, session } from 'electron'
import { consoleLog as log, createCore, DEFAULT_API_URL, type Core } from './core'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from './sandbox'
import { bindIpc } from './electron/ipc'
import { installAppMenu } from './electron/menu'
import { builtRendererDir, registerAppScheme, serveRenderer } from './electron/protocol'
import { installSecurityPolicy } from './electron/security'
import { createMainWindow } from './electron/window'

// Privileged schemes must be registered before `ready`.
registerAppScheme()

/** Electron's fetch goes through Chromium's network stack: system proxy settings and the OS certificate store. */
const electronFetch: typeof fetch = (input, init) =>
  net.fetch(input instanceof URL ? input.toString() : input, init)

/** The demo workspace runs on a local sandbox started the first time someone asks for it. */
function lazyDemo(): { demo: () => Promise<{ apiUrl: string; token: string }>; close: () => Promise<void> } {
  let starting: Promise<Sandbox> | undefined
  return {
    demo: async () => {
      starting ??= startSandbox({ size: 'demo' }).catch((error: unknown) => {
        starting = undefined
        throw error
      })
      const sandbox = await starting
      return { apiUrl: sandbox.url, token: SANDBOX_TOKENS.adviser }
    },
    close: async () => {
      if (starting) await (await starting.catch(() => undefined))?.close()
    },
  }
}

function focus(window: BrowserWindow | undefined): void {
  if (!window) return
  if (window.isMinimized()) window.restore()
  window.focus()
}

function run(): void {
  const demo = lazyDemo()
  let core: Core | undefined
  let unbindIpc: (() => void) | undefined

  app.on('second-instance', () => focus(BrowserWindow.getAllWindows()[0]))

  app.on('window-all-closed', () => {
    // macOS apps stay running with no window until the user quits.
    if (process.platform !== 'darwin') app.quit()
  })

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })

  let shutDown = false
  app.on('will-quit', (event) => {
    if (shutDown) return
    // Keep the process alive until the core and the demo sandbox have closed their files and sockets.
    event.preventDefault()
    shutDown = true
    unbindIpc?.()
    Promise.allSettled([core?.close(), demo.close()])
      .then((results) => {
        for (const result of results) if (result.status === 'rejected') log.error('Error while closing', result.reason)
      })
      .finally(() => app.quit())
  })

  void app.whenReady().then(() => {
    installSecurityPolicy(session.defaultSession, log)
    serveRenderer(session.defaultSession, builtRendererDir())
    installAppMenu(app.getName(), process.platform)
    core = createCore({
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      apiUrl: process.env['PLANNR_API_URL'] ?? DEFAULT_API_URL,
      fetch: electronFetch,
      keychainService: 'Plannr Desktop',
      demo: demo.demo,
      log,
      dataDir: app.getPath('userData'),
    })
    unbindIpc = bindIpc(core, log)
    createMainWindow()
  }).catch((error: unknown) => {
    log.error('Plannr Desktop could not start', error)
    app.exit(1)
  })
}

// A second copy would fight the first over the keychain entry and the local cache: hand over and leave.
if (app.requestSingleInstanceLock()) run()
else app.quit()
