import { app, shell, type Session, type WebContents } from 'electron'
import { isAppUrl } from './app-origin'

type Log = { warn(message: string, detail?: unknown): void }

/** Only https links leave the app, and only to the system browser: never file:, javascript:, smb: … */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

function openInSystemBrowser(url: string, log: Log): void {
  if (!isExternalLinkAllowed(url)) {
    log.warn('Refused to open a non-https link', url.slice(0, 200))
    return
  }
  shell.openExternal(url).catch((error: unknown) => log.warn('Could not open a link in the browser', error))
}

/** No page of ours may leave the app origin, open a window or embed a webview. */
function guardWebContents(contents: WebContents, log: Log): void {
  const refuseNavigation = (event: Electron.Event, url: string): void => {
    if (isAppUrl(url)) return
    event.preventDefault()
    log.warn('Blocked navigation away from the app', url.slice(0, 200))
    openInSystemBrowser(url, log)
  }
  contents.on('will-navigate', refuseNavigation)
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url)) return
    event.preventDefault()
    log.warn('Blocked a redirect away from the app', url.slice(0, 200))
  })
  contents.setWindowOpenHandler(({ url }) => {
    openInSystemBrowser(url, log)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('Blocked a webview')
  })
}

/** The app asks for no camera, microphone, location, notifications… so every request is refused. */
function denyPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Call once, before the first window is created. */
export function installSecurityPolicy(session: Session, log: Log): void {
  denyPermissions(session)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log))
}
