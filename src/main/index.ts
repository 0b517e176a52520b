import { app, BrowserWindow, dialog, net, powerMonitor, session, shell } from 'electron'
import { OutboxSummary, unsentWarning } from '@shared/models/outbox'
import { consoleLog as log, createCore, DEFAULT_API_URL, isOpenableExternal, type Core, type ShellPorts } from './core'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from './sandbox'
import { listenForDeepLinks } from './electron/deep-links'
import { bindIpc } from './electron/ipc'
import { installAppMenu } from './electron/menu'
import { setUnreadBadge, showMessageNotification } from './electron/notifications'
import { builtRendererDir, registerAppScheme, serveRenderer } from './electron/protocol'
import { installSecurityPolicy } from './electron/security'
import { electronUpdaterShell } from './electron/updater'
import { createMainWindow } from './electron/window'
import { checkApiUrl } from './shell/api-url'
import { bringWindowForward } from './shell/launch-window'
import { cancellableFetch, runWithDeadline } from './shell/shutdown'

// Privileged schemes must be registered before `ready`.
registerAppScheme()

/** Windows groups notifications by this id; it must match the installer's (electron-builder `appId`). */
const APP_USER_MODEL_ID = 'com.plannrcrm.desktop'
/** How often the network is looked at: Electron's main process has no online/offline event. */
const CONNECTIVITY_POLL_MS = 15_000

/** Aborted when quitting begins: background refreshes stop instead of holding the app open. */
const shutdownSignal = new AbortController()

/**
 * Electron's fetch goes through Chromium's network stack: system proxy settings and the OS certificate
 * store. Every request is cancelled when the app quits.
 */
const electronFetch: typeof fetch = cancellableFetch(
  (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init),
  shutdownSignal.signal,
)

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

/** The desktop ports Electron gives the core: notifications, the badge, focus, wake-ups, the network. */
function desktopPorts(bringForward: () => void): Omit<ShellPorts, 'openExternal' | 'updater'> {
  return {
    notify: (notification, onClick) => showMessageNotification(notification, onClick),
    setBadge: (count) => setUnreadBadge(count),
    isFocused: () => BrowserWindow.getFocusedWindow() !== null,
    onFocus: (listener) => {
      app.on('browser-window-focus', listener)
      return () => app.off('browser-window-focus', listener)
    },
    onPowerResume: (listener) => {
      powerMonitor.on('resume', listener)
      return () => powerMonitor.off('resume', listener)
    },
    onConnectivityChange: (listener) => {
      let online = net.isOnline()
      const timer = setInterval(() => {
        const now = net.isOnline()
        if (now !== online) listener((online = now))
      }, CONNECTIVITY_POLL_MS)
      timer.unref()
      return () => clearInterval(timer)
    },
    showWindow: bringForward,
  }
}

function run(): void {
  const demo = lazyDemo()
  let core: Core | undefined
  let unbindIpc: (() => void) | undefined
  let shutDown = false

  // The Plannr server carries the user's token: https only (a sandbox on this computer may be http).
  const apiUrlSetting = process.env['PLANNR_API_URL']
  const apiUrl = apiUrlSetting === undefined || apiUrlSetting === '' ? { ok: true as const, url: DEFAULT_API_URL } : checkApiUrl(apiUrlSetting)

  // Links can arrive before the core exists (the app was started by one): they wait for it.
  const early: string[] = []
  const links = listenForDeepLinks({ receive: (link) => (core ? core.desktop.openLink(link) : early.push(link)) })

  // Launching the app again, or clicking its Dock icon, always puts a window in front of the user. A
  // launch during the seconds a quit takes starts the app again once this process has exited (macOS
  // may also activate an app as it quits, so `activate` never relaunches).
  let relaunching = false
  const bringForward = (source: 'second-instance' | 'activate'): void => {
    const outcome = bringWindowForward(BrowserWindow.getAllWindows(), { ready: app.isReady(), quitting: shutDown }, () => createMainWindow(log))
    if (outcome === 'relaunch' && source === 'second-instance' && !relaunching) {
      relaunching = true
      app.relaunch()
    }
  }
  app.on('second-instance', (_event, argv) => {
    bringForward('second-instance')
    links.fromArgv(argv)
  })
  app.on('activate', () => bringForward('activate'))

  app.on('window-all-closed', () => {
    // macOS apps stay running with no window until the user quits.
    if (process.platform !== 'darwin') app.quit()
  })

  // Quitting with writes not yet on Plannr asks first (they are kept, and sent at the next sign-in).
  let quitConfirmed = false
  app.on('before-quit', (event) => {
    if (quitConfirmed || shutDown || !core) return
    event.preventDefault()
    void core
      .dispatch('outbox.list', {})
      .then((result) => {
        const summary = result.ok ? OutboxSummary.safeParse(result.value) : null
        const warning = unsentWarning(summary?.success ? summary.data.count : 0, 'quit')
        if (warning) {
          const choice = dialog.showMessageBoxSync({ type: 'question', buttons: ['Quit', 'Cancel'], defaultId: 1, cancelId: 1, message: warning })
          if (choice !== 0) return
        }
        quitConfirmed = true
        app.quit()
      })
      .catch(() => {
        quitConfirmed = true
        app.quit()
      })
  })

  app.on('will-quit', (event) => {
    if (shutDown) return
    // Keep the process alive while the core and the demo sandbox close their files and sockets — for a
    // few seconds at most, with network work cancelled first, so quitting never hangs.
    event.preventDefault()
    shutDown = true
    unbindIpc?.()
    shutdownSignal.abort()
    void runWithDeadline([
      { name: 'core', run: async () => core?.close() },
      { name: 'demo workspace', run: () => demo.close() },
    ])
      .then((report) => {
        for (const { name, error } of report.failed) log.error(`Error while closing the ${name}`, error)
        if (report.abandoned.length > 0) log.warn('Quit before these finished closing', report.abandoned)
      })
      .finally(() => app.quit())
  })

  void app.whenReady().then(() => {
    if (!apiUrl.ok) {
      log.error(apiUrl.message)
      dialog.showErrorBox('Plannr Desktop cannot start', apiUrl.message)
      app.exit(1)
      return
    }
    if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
    installSecurityPolicy(session.defaultSession, log)
    serveRenderer(session.defaultSession, builtRendererDir())
    const forward = (): void => bringForward('activate')
    core = createCore({
      shell: 'electron',
      version: app.getVersion(),
      platform: process.platform,
      apiUrl: apiUrl.url,
      fetch: electronFetch,
      keychainService: 'Plannr Desktop',
      dataDir: app.getPath('userData'),
      ports: {
        openExternal: async (url) => {
          if (!isOpenableExternal(url)) throw new Error('Only https pages (or this computer) are opened in the browser')
          await shell.openExternal(url)
        },
        ...desktopPorts(forward),
        updater: (settingsFeedUrl) =>
          electronUpdaterShell({
            feedUrl: process.env['PLANNR_UPDATE_FEED_URL'] || settingsFeedUrl,
            log,
            window: () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0],
          }),
      },
      ...(process.env['PLANNR_OAUTH_CLIENT_ID'] ? { oauth: { clientId: process.env['PLANNR_OAUTH_CLIENT_ID'] } } : {}),
      demo: demo.demo,
      log,
    })
    const desktop = core.desktop
    installAppMenu({
      productName: app.getName(),
      platform: process.platform,
      developer: !app.isPackaged,
      onAbout: () => {
        forward()
        desktop.open({ kind: 'about' })
      },
      onCheckForUpdates: () => {
        forward()
        desktop.open({ kind: 'about' })
        void desktop.updates?.checkNow()
      },
    })
    unbindIpc = bindIpc(core, log)
    createMainWindow(log)
    for (const link of early.splice(0)) desktop.openLink(link)
    desktop.start()
  }).catch((error: unknown) => {
    log.error('Plannr Desktop could not start', error)
    app.exit(1)
  })
}

// A second copy would fight the first over the keychain entry and the local cache: hand over and leave.
if (app.requestSingleInstanceLock()) run()
else app.quit()
