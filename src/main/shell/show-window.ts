/**
 * A new window starts hidden (no white flash, no half-drawn frame) and is shown on the first of:
 * painted (`ready-to-show`), loaded (`did-finish-load`), or a short timer. `ready-to-show` alone is not
 * enough: under Wayland, Electron's default on Linux since 38, it is never emitted, and a window waiting
 * for it would never appear (electron/electron#48859).
 */

/** Long enough for a normal first paint; short enough that a user never waits on a missing window. */
export const SHOW_FALLBACK_MS = 3_000

export type ShowReason = 'ready-to-show' | 'did-finish-load' | 'timer'

export interface HiddenWindow {
  onceReadyToShow(listener: () => void): void
  onceFinishedLoad(listener: () => void): void
  isDestroyed(): boolean
  isVisible(): boolean
  show(): void
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** Shows `window` once, on the first signal; resolves with that signal (or null if it closed first). */
export function showWhenReady(window: HiddenWindow, fallbackMs = SHOW_FALLBACK_MS, timers: Timers = realTimers): Promise<ShowReason | null> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (reason: ShowReason): void => {
      if (settled) return
      settled = true
      timers.clearTimeout(timer)
      if (window.isDestroyed()) {
        resolve(null)
        return
      }
      if (!window.isVisible()) window.show()
      resolve(reason)
    }
    const timer = timers.setTimeout(() => settle('timer'), fallbackMs)
    window.onceReadyToShow(() => settle('ready-to-show'))
    window.onceFinishedLoad(() => settle('did-finish-load'))
  })
}
