/**
 * How `plannr-desktop://` links reach the app: macOS sends `open-url`; Windows and Linux start the app
 * with the link as an argument — the first instance reads its own argv, a second instance's argv arrives
 * through `second-instance`. Every link goes to the core, which parses and validates it.
 */
import { app } from 'electron'
import { deepLinkFromArgv, DEEP_LINK_SCHEME } from '../core/desktop/deep-link'

/** Where links go: the core's desktop (core/desktop/desktop.ts), which validates them. */
export interface LinkReceiver {
  receive(link: string): void
}

/** Call before `ready`: macOS may deliver the link that started the app before the window exists. */
export function listenForDeepLinks(inbox: LinkReceiver): { fromArgv: (argv: readonly string[]) => void } {
  // The installers register the scheme (electron-builder `protocols`); a development build registers
  // itself so links can be tried, pointing the OS at this Electron and this app folder.
  if (!app.isPackaged && process.defaultApp && process.argv[1] !== undefined) {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [process.argv[1]])
  }
  app.on('open-url', (event, url) => {
    event.preventDefault()
    inbox.receive(url)
  })
  const fromArgv = (argv: readonly string[]): void => {
    const link = deepLinkFromArgv(argv)
    if (link !== undefined) inbox.receive(link)
  }
  fromArgv(process.argv)
  return { fromArgv }
}
