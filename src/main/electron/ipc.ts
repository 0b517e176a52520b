import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CALL_CHANNEL_PREFIX, CALL_NAMES, EVENT_CHANNEL } from '@shared/contract-names'
import { fail, type Result } from '@shared/result'
import type { Core } from '../core'
import { dispatchSafely } from '../core/ipc/dispatch'
import { isAppUrl } from './app-origin'
import { isOurWebContents } from './window'

type Log = { warn(message: string, detail?: unknown): void; error(message: string, detail?: unknown): void }

/**
 * A call is answered only when it comes from the main frame of a window we opened, showing our own
 * renderer. An iframe, a webview or a page that somehow navigated elsewhere gets nothing.
 */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  if (!isOurWebContents(event.sender) || frame !== event.sender.mainFrame) return false
  return isAppUrl(frame.url)
}

/**
 * Binds every call of the contract to the core's dispatcher and forwards the core's events to every
 * window. Returns the function that unbinds them.
 */
export function bindIpc(core: Core, log: Log): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(CALL_CHANNEL_PREFIX + name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log.warn(`Refused ${name} from an untrusted frame`, event.senderFrame?.url.slice(0, 200))
        return fail('forbidden_sender', 'This call did not come from Plannr Desktop’s own window.')
      }
      return dispatchSafely(core.dispatch, name, input, log)
    })
  }

  const unsubscribe = core.events.subscribe((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed() && isOurWebContents(window.webContents)) {
        window.webContents.send(EVENT_CHANNEL, name, payload)
      }
    }
  })

  return () => {
    unsubscribe()
    for (const name of CALL_NAMES) ipcMain.removeHandler(CALL_CHANNEL_PREFIX + name)
  }
}
