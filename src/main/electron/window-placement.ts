/**
 * The main window opens where the user left it — size, position, maximised — clamped to the displays
 * connected now, and its state is saved as it changes.
 */
import { join } from 'node:path'
import { app, screen, type BrowserWindow } from 'electron'
import type { CoreLog } from '../core/log'
import { placeWindow } from '../core/desktop/window-state'
import { loadWindowState, saveWindowState, saveWindowStateSync } from '../core/desktop/window-state-file'

const SAVE_DELAY_MS = 500

/** Call right after creating the window, before it is shown. */
export function rememberWindowPlacement(window: BrowserWindow, log: CoreLog): void {
  const file = join(app.getPath('userData'), 'window-state.json')
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id)
  const placement = placeWindow(loadWindowState(file, log), [primary, ...others].map((display) => display.workArea))

  if (placement.x !== undefined && placement.y !== undefined) {
    window.setBounds({ x: placement.x, y: placement.y, width: placement.width, height: placement.height })
  } else {
    window.setSize(placement.width, placement.height)
    window.center()
  }
  if (placement.maximized) window.maximize()

  let timer: NodeJS.Timeout | undefined
  /** The normal bounds, so that un-maximising after a restart goes back to the size the user chose. */
  const current = () => (window.isDestroyed() || window.isMinimized() || window.isFullScreen() ? undefined : { ...window.getNormalBounds(), maximized: window.isMaximized() })
  const save = (): void => {
    clearTimeout(timer)
    timer = undefined
    const state = current()
    if (state) void saveWindowState(file, state, log)
  }
  const saveSoon = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, SAVE_DELAY_MS)
  }
  // Closing may be the app's last moment: written before the window goes.
  const saveNow = (): void => {
    clearTimeout(timer)
    timer = undefined
    const state = current()
    if (state) saveWindowStateSync(file, state, log)
  }
  window.on('resize', saveSoon)
  window.on('move', saveSoon)
  window.on('maximize', saveSoon)
  window.on('unmaximize', saveSoon)
  window.on('close', saveNow)
}
