import { join } from 'node:path'
import { app, BrowserWindow, type WebContents } from 'electron'
import { describeLoadFailure, isSupersededLoad, loadFailurePageUrl } from '../shell/load-failure'
import { showWhenReady } from '../shell/show-window'
import { isAppUrl, rendererEntryUrl } from './app-origin'
import { rememberWindowPlacement } from './window-placement'

type Log = { info(message: string, detail?: unknown): void; warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void }

const PRODUCT_NAME = 'Plannr Desktop'

/** Windows this app opened. IPC answers only their main frames. */
const ourWindows = new WeakSet<WebContents>()

export function isOurWebContents(contents: WebContents): boolean {
  return ourWindows.has(contents)
}

/**
 * macOS and Windows check spelling with the OS's own dictionaries. On Linux Chromium would download
 * Hunspell dictionaries from Google's servers, which an adviser's firm may not expect: off there.
 */
function spellcheckEnabled(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32'
}

/** A window that could not load the interface shows a plain page saying so, instead of staying invisible. */
function showLoadFailure(window: BrowserWindow, error: unknown, log: Log): void {
  const failure = describeLoadFailure(error)
  if (isSupersededLoad(failure) || window.isDestroyed()) return
  log.error('The window could not load the interface', failure)
  window.loadURL(loadFailurePageUrl(failure, PRODUCT_NAME)).catch((pageError: unknown) => log.error('Could not show the error page either', describeLoadFailure(pageError)))
  if (!window.isVisible()) window.show()
}

export function createMainWindow(log: Log): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    autoHideMenuBar: process.platform !== 'darwin',
    backgroundColor: '#ffffff',
    webPreferences: {
      // electron-vite emits the preload next to main: out/preload/index.js beside out/main/index.js.
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: spellcheckEnabled(process.platform),
      // An installed app has no DevTools: they would let anyone at the keyboard script the signed-in window.
      devTools: !app.isPackaged,
    },
  })
  ourWindows.add(window.webContents)
  // Where the user left it, clamped to the displays connected now; saved as it moves.
  rememberWindowPlacement(window, log)

  // Shown once painted (no white flash), or once loaded where `ready-to-show` never comes (Wayland).
  void showWhenReady({
    onceReadyToShow: (listener) => window.once('ready-to-show', listener),
    onceFinishedLoad: (listener) => window.webContents.once('did-finish-load', listener),
    isDestroyed: () => window.isDestroyed(),
    isVisible: () => window.isVisible(),
    show: () => window.show(),
  }).then((reason) => {
    if (reason === 'timer') log.warn('The window was shown before it reported being ready')
  })
  // The renderer's <title> may change; the window keeps the product name.
  window.on('page-title-updated', (event) => event.preventDefault())

  window.loadURL(rendererEntryUrl()).catch((error: unknown) => showLoadFailure(window, error, log))
  // A missing file in the build is answered, not failed (app:// replies 404): the same page, not "Not found".
  window.webContents.on('did-navigate', (_event, url, httpResponseCode) => {
    if (isAppUrl(url) && httpResponseCode >= 400) {
      showLoadFailure(window, Object.assign(new Error(`${url} answered ${httpResponseCode}`), { code: `HTTP_${httpResponseCode}` }), log)
    }
  })
  return window
}
