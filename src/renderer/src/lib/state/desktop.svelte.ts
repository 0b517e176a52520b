import type { AppSettings, MessageNotification, OpenTarget } from '@shared/models/desktop'
import type { RestartOutcome, UpdateState } from '@shared/models/updates'
import type { IpcError } from '@shared/result'
import type { Client } from '../api'

/** Whether the browser can show notifications from this page (the web preview), and if not, why. */
export type BrowserNotifications = 'granted' | 'default' | 'denied' | 'unsupported'

/**
 * The desktop side of the window: the updater's state, the user's settings, and what the shell asks the
 * window to open (a deep link, a clicked notification, "About" in the menu). In the web preview it also
 * shows the core's notifications with the browser's Notification API.
 */
export class DesktopState {
  update = $state<UpdateState | null>(null)
  settings = $state<AppSettings | null>(null)
  restartAnswer = $state<RestartOutcome | null>(null)
  error = $state<IpcError | null>(null)
  checking = $state(false)
  browserNotifications = $state<BrowserNotifications>(browserPermission())

  readonly #client: Client
  readonly #open: (target: OpenTarget) => void

  constructor(client: Client, open: (target: OpenTarget) => void) {
    this.#client = client
    this.#open = open
  }

  /** Follows the shell's events; returns the function that stops. */
  start(): () => void {
    const stops = [
      this.#client.onEvent('updates.changed', (state) => (this.update = state)),
      // An item is taken rather than read from the event, so that it is opened once.
      this.#client.onEvent('app.open', (target) => (target.kind === 'about' ? this.#open(target) : void this.#takeOpen())),
      this.#client.onEvent('app.notify', (notification) => this.#showInBrowser(notification)),
    ]
    void this.#client.api.updates.status().then((result) => {
      if (result.ok) this.update ??= result.value
    })
    void this.#client.api.settings.get().then((result) => {
      if (result.ok) this.settings = result.value
    })
    // Asked for before this window was listening (the app was started by a link).
    void this.#takeOpen()
    return () => {
      for (const stop of stops) stop()
    }
  }

  async checkForUpdates(): Promise<void> {
    this.checking = true
    const result = await this.#client.api.updates.check()
    this.checking = false
    if (result.ok) {
      this.update = result.value
      this.error = null
    } else this.error = result.error
  }

  async restartToUpdate(): Promise<void> {
    const result = await this.#client.api.updates.restart()
    if (result.ok) this.restartAnswer = result.value
    else this.error = result.error
  }

  async setNotifications(on: boolean): Promise<void> {
    // In a browser, turning them on is the moment to ask its permission (it needs the user's click).
    if (on && this.browserNotifications === 'default') {
      this.browserNotifications = await Notification.requestPermission()
    }
    const result = await this.#client.api.settings.update({ notifications: on })
    if (result.ok) {
      this.settings = result.value
      this.error = null
    } else this.error = result.error
  }

  async #takeOpen(): Promise<void> {
    const result = await this.#client.api.app.takeOpen()
    if (result.ok && result.value) this.#open(result.value)
  }

  /** Web preview only: the desktop app shows the OS's own notifications and never sends this event. */
  #showInBrowser(notification: MessageNotification): void {
    if (document.hasFocus() || browserPermission() !== 'granted') return
    const shown = new Notification(notification.title, { body: notification.body, tag: 'plannr-new-messages' })
    shown.onclick = () => {
      window.focus()
      shown.close()
      this.#open(notification.target)
    }
  }
}

function browserPermission(): BrowserNotifications {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}
