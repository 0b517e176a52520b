import { join } from 'node:path'
import { BrowserWindow, type WebContents } from 'electron'
import { rendererEntryUrl } from './app-origin'

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

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Plannr Desktop',
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
    },
  })
  ourWindows.add(window.webContents)

  // Showing only once painted avoids a white flash and a half-drawn window.
  window.once('ready-to-show', () => window.show())
  // The renderer's <title> may change; the window keeps the product name.
  window.on('page-title-updated', (event) => event.preventDefault())

  void window.loadURL(rendererEntryUrl())
  return window
}
