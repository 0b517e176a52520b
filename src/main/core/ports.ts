import type { MessageNotification } from '@shared/models/desktop'
import type { UpdateAvailability } from './update/availability'
import type { RestartQuestion } from './update/service'
import type { UpdaterPort } from './update/types'

/** How the shell updates the app: whether it can here (and why not), the port, and how it asks to restart. */
export interface UpdaterShell {
  availability: UpdateAvailability
  /** Required when availability is enabled. */
  port: UpdaterPort | undefined
  /** Asks the user before restarting over unsent work; resolves true to restart anyway. */
  confirmRestart(question: RestartQuestion): Promise<boolean>
}

/**
 * What the core asks of the shell it runs in. Electron and the web preview each provide these; the
 * core never reaches for a window, a browser or the OS itself. Subscriptions return how to stop.
 * Everything but `openExternal` is optional: a shell without it (a test harness) simply has none.
 */
export interface ShellPorts {
  /**
   * Opens a web address in the user's browser (Plannr's sign-in page). Electron uses the system browser;
   * the web preview prints `OPEN_EXTERNAL=<url>` for whoever plays the browser and the UI shows the link.
   */
  openExternal(url: string): Promise<void>
  /**
   * Shows a notification; `onClick` runs when the user clicks it. Electron: the OS's notifications.
   * Web preview: an `app.notify` event, shown by the page with the browser's Notification API.
   */
  notify?(notification: MessageNotification, onClick: () => void): void
  /** The unread count on the dock or taskbar icon (0 clears it). */
  setBadge?(count: number): void
  /** Whether the user is looking at the app (a window has focus); false when the shell cannot tell. */
  isFocused?(): boolean
  /** A window of the app gained focus. */
  onFocus?(listener: () => void): () => void
  /** The computer woke from sleep. */
  onPowerResume?(listener: () => void): () => void
  /** The network came back (true) or went away (false). */
  onConnectivityChange?(listener: (online: boolean) => void): () => void
  /** Brings the app's window forward (a notification was clicked). */
  showWindow?(): void
  /**
   * The shell's updater, given the feed named in the user's settings file (undefined when none is).
   * Absent: this shell has no updater, and the about panel says updates are not available.
   */
  updater?(settingsFeedUrl: string | undefined): UpdaterShell
}

/**
 * The only addresses the app opens in a browser: https pages, and plain http on the loopback address
 * (a sandbox standing in for Plannr on this machine, or the sign-in callback itself).
 */
export function isOpenableExternal(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1'
}
