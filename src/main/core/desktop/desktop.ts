/**
 * The desktop habits the core runs for its shell: opening what a deep link, a notification or the menu
 * asks for; new-message notifications and the unread badge; the updater's schedule; the user's settings.
 * Everything reaches the OS through the shell's ports (ports.ts), so it runs the same in the web preview
 * and in tests.
 */
import type { OpenTarget } from '@shared/models/desktop'
import type { UpdateState } from '@shared/models/updates'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import type { ShellPorts } from '../ports'
import { UpdateService } from '../update/service'
import type { DeepLinkTarget } from './deep-link'
import { DeepLinkInbox } from './deep-link-inbox'
import { DEFAULT_POLL_MS, NewMessageWatcher, type ConversationSource } from './new-messages-from-conversations'
import { NotificationBatcher, type MessageNotification, type NewMessageEvent } from './notification-batch'
import { SettingsStore } from './settings-file'

export interface DesktopOptions {
  dataDir: string
  ports: ShellPorts
  events: EventBus
  log: CoreLog
  conversations: ConversationSource
  /** Whether changes wait to be sent to Plannr (asked before restarting to update). */
  hasUnsentWork: () => boolean | Promise<boolean>
  /** How often the conversations are looked at for new messages. */
  messagePollMs?: number
  /** How long new messages are gathered into one notification. */
  notificationWindowMs?: number
  /** Delay before the first update check. */
  firstUpdateCheckMs?: number
}

const DISABLED: UpdateState = { status: 'disabled', message: 'Updates are not available in this version of Plannr Desktop.' }

export class Desktop {
  readonly settings: SettingsStore
  readonly updates: UpdateService | undefined
  private readonly links: DeepLinkInbox
  private readonly batcher: NotificationBatcher
  private readonly watcher: NewMessageWatcher
  private pending: OpenTarget | null = null
  private unread = 0
  private readonly stops: Array<() => void> = []

  constructor(private readonly options: DesktopOptions) {
    const { ports, log, events } = options
    this.settings = new SettingsStore(options.dataDir, log)
    this.links = new DeepLinkInbox(log)
    this.stops.push(this.links.attach((target: DeepLinkTarget) => this.open(target)))

    this.batcher = new NotificationBatcher({
      notify: (notification) => this.notify(notification),
      shouldNotify: () => this.settings.get().notifications && !(ports.isFocused?.() ?? false),
      preview: true,
      ...(options.notificationWindowMs !== undefined ? { windowMs: options.notificationWindowMs } : {}),
    })
    this.watcher = new NewMessageWatcher({
      source: options.conversations,
      onNewMessages: (messages) => this.newMessages(messages),
      log,
      intervalMs: options.messagePollMs ?? DEFAULT_POLL_MS,
    })

    const updater = ports.updater?.(this.settings.updateFeedUrl)
    this.updates = updater
      ? new UpdateService({
          availability: updater.availability,
          port: updater.port,
          hasUnsentWork: options.hasUnsentWork,
          confirmRestart: (question) => updater.confirmRestart(question),
          log,
          ...(options.firstUpdateCheckMs !== undefined ? { firstCheckDelayMs: options.firstUpdateCheckMs } : {}),
        })
      : undefined
    if (this.updates) this.stops.push(this.updates.onChange((state) => events.emit('updates.changed', state)))

    const onFocus = ports.onFocus?.(() => {
      // The user is back: what they were told about is in front of them.
      this.batcher.clear()
      this.setUnread(0)
    })
    if (onFocus) this.stops.push(onFocus)
    const onResume = ports.onPowerResume?.(() => {
      this.updates?.onResume()
      void this.watcher.pollNow()
    })
    if (onResume) this.stops.push(onResume)
    const onConnectivity = ports.onConnectivityChange?.((online) => {
      if (online) void this.watcher.pollNow()
    })
    if (onConnectivity) this.stops.push(onConnectivity)
  }

  /** Starts the schedules: new-message checks and update checks. */
  start(): void {
    this.watcher.start()
    this.updates?.start()
  }

  /** A `plannr-desktop://` link from the OS; unknown or malformed links are logged and ignored. */
  openLink(link: string): void {
    this.links.receive(link)
  }

  /**
   * Asks the window to open `target`. An item is kept until the window takes it, so none is lost before
   * the window exists or while it is signed out; the about panel is only for a window showing now.
   */
  open(target: OpenTarget): void {
    if (target.kind !== 'about') this.pending = target
    this.options.events.emit('app.open', target)
  }

  /** The window takes what it was asked to open (once). */
  takeOpen(): OpenTarget | null {
    const target = this.pending
    this.pending = null
    return target
  }

  updateState(): UpdateState {
    return this.updates?.state() ?? DISABLED
  }

  /**
   * New messages found by sync, for the notifications (the user's own are left out there). Today the
   * conversations watcher calls it; a sync engine that sees messages arrive calls it instead.
   */
  newMessages(messages: readonly NewMessageEvent[]): void {
    this.batcher.add(messages)
  }

  /** Looks for new messages now (tests, and the shell after a wake). */
  checkMessagesNow(): Promise<void> {
    return this.watcher.pollNow()
  }

  close(): void {
    this.watcher.stop()
    this.batcher.clear()
    this.updates?.stop()
    for (const stop of this.stops.splice(0)) stop()
  }

  private notify(notification: MessageNotification): void {
    this.setUnread(this.unread + notification.count)
    const { ports } = this.options
    if (!ports.notify) return
    ports.notify(notification, () => {
      ports.showWindow?.()
      this.open(notification.target)
    })
  }

  private setUnread(count: number): void {
    if (count === this.unread) return
    this.unread = count
    this.options.ports.setBadge?.(count)
  }
}
