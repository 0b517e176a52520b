import { app, shell, type Session, type WebContents } from 'electron'
import { decideExternalLink, type LinkRoute } from '../shell/external-links'
import { UserActivation } from '../shell/user-activation'
import { isAppUrl } from './app-origin'
import { isOurWebContents } from './window'

type Log = { warn(message: string, detail?: unknown): void }

/** Each page's "the user just clicked": the only thing that lets a link leave the app. */
const activations = new WeakMap<WebContents, UserActivation>()

function activationOf(contents: WebContents): UserActivation {
  let activation = activations.get(contents)
  if (!activation) {
    activation = new UserActivation()
    activations.set(contents, activation)
  }
  return activation
}

/** Whether `contents` is one of our windows showing our own interface in its main frame. */
function isOurPage(contents: WebContents, isMainFrame: boolean): boolean {
  return isMainFrame && isOurWebContents(contents) && isAppUrl(contents.getURL())
}

/**
 * https, mailto: and tel: links the user clicked go to the system's browser, mail or phone app; the
 * rules are in shell/external-links.ts. Returns whether the link may open.
 */
function allowExternal(contents: WebContents, url: string, route: LinkRoute, isMainFrame: boolean, log: Log): boolean {
  const decision = decideExternalLink({
    url,
    route,
    fromAppMainFrame: isOurPage(contents, isMainFrame),
    userActivated: activationOf(contents).consume(),
  })
  if (!decision.open) log.warn(`Did not open a link outside the app: ${decision.reason}`, url.slice(0, 200))
  return decision.open
}

function openOutside(url: string, log: Log): void {
  shell.openExternal(url).catch((error: unknown) => log.warn('Could not open a link outside the app', error))
}

/** No page of ours may leave the app origin, open a window or embed a webview. */
function guardWebContents(contents: WebContents, log: Log): void {
  contents.on('input-event', (_event, input) => activationOf(contents).record(input.type))
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    if (allowExternal(contents, event.url, 'navigation', event.isMainFrame, log)) openOutside(event.url, log)
  })
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (isAppUrl(event.url)) return
    event.preventDefault()
    log.warn('Blocked a redirect away from the app', event.url.slice(0, 200))
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (allowExternal(contents, url, 'new-window', true, log)) openOutside(url, log)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('Blocked a webview')
  })
}

/**
 * The app asks for no camera, microphone, location, notifications… so every request is refused — except
 * `openExternal`, which is how Chromium hands a clicked mailto: or tel: link to the OS: granted by the
 * same rules as any link leaving the app.
 */
function denyPermissions(session: Session, log: Log): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    if (permission === 'openExternal' && 'externalURL' in details && details.externalURL) {
      callback(allowExternal(contents, details.externalURL, 'external-protocol', details.isMainFrame, log))
      return
    }
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Call once, before the first window is created. */
export function installSecurityPolicy(session: Session, log: Log): void {
  denyPermissions(session, log)
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, log))
}
