/**
 * Launching the app while it runs (Windows, Linux: `second-instance`) or clicking its Dock icon (macOS:
 * `activate`) must always put a window in front of the user. With no window left — macOS after the last
 * one closed, or any platform while a window was being closed — focusing "the first window" shows
 * nothing, so one is created.
 */

export interface LaunchableWindow {
  isDestroyed(): boolean
  isMinimized(): boolean
  isVisible(): boolean
  restore(): void
  show(): void
  focus(): void
}

export interface LaunchState {
  /** `app.isReady()`: before that, the startup code creates the first window itself. */
  ready: boolean
  /** Shutting down: a window would be closed again at once. */
  quitting: boolean
}

/**
 * - `relaunch`: the app is quitting (for a few seconds at most) and still holds the single-instance
 *   lock, so the launch that asked cannot start: start the app again once this one has exited.
 */
export type LaunchOutcome = 'focused' | 'created' | 'relaunch' | 'ignored'

export function bringWindowForward<W extends LaunchableWindow>(windows: readonly W[], state: LaunchState, create: () => W): LaunchOutcome {
  if (state.quitting) return 'relaunch'
  if (!state.ready) return 'ignored'
  const window = windows.find((candidate) => !candidate.isDestroyed())
  if (!window) {
    create()
    return 'created'
  }
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
  return 'focused'
}
