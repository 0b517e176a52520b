/**
 * When to check for an update, what to do with one, and what to say about it. Plain logic over the
 * updater port, so it runs and is tested in Node. The updater never throws into the app and never
 * interrupts: failures become a calm line in the about panel and another try later.
 */
import type { RestartOutcome } from '@shared/models/updates'
import type { CoreLog } from '../log'
import type { UpdateAvailability } from './availability'
import type { DownloadProgress, UpdaterPort, UpdateState } from './types'

export const FIRST_CHECK_DELAY_MS = 10_000
export const CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000
/** A wake within this long of the last check does not check again. */
export const RESUME_RECHECK_AFTER_MS = 5 * 60 * 1000

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  now(): number
}

/** Real timers that never keep a process alive on their own. */
export const systemTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
}

export interface RestartQuestion {
  version: string
  message: string
}

export type { RestartOutcome }

export interface UpdateServiceOptions {
  availability: UpdateAvailability
  /** Required when availability is enabled. */
  port: UpdaterPort | undefined
  /** Whether the outbox holds writes not yet sent to Plannr. */
  hasUnsentWork: () => boolean | Promise<boolean>
  /** Asks the user; resolves true to restart anyway. */
  confirmRestart: (question: RestartQuestion) => Promise<boolean>
  log: CoreLog
  timers?: Timers
  firstCheckDelayMs?: number
  intervalMs?: number
}

const CHECK_FAILED = 'Could not check for updates just now. Plannr Desktop will try again later.'
const DOWNLOAD_FAILED = 'Could not download the update just now. Plannr Desktop will try again later.'

export class UpdateService {
  private current: UpdateState
  private readonly listeners = new Set<(state: UpdateState) => void>()
  private readonly timers: Timers
  private timer: unknown
  private running: Promise<UpdateState> | undefined
  private restarting: Promise<RestartOutcome> | undefined
  private lastChecked: number | undefined
  private stopped = false

  constructor(private readonly options: UpdateServiceOptions) {
    this.timers = options.timers ?? systemTimers
    if (options.availability.enabled && !options.port) throw new Error('An enabled updater needs a port')
    this.current = options.availability.enabled
      ? { status: 'idle', message: 'Plannr Desktop checks for updates automatically.' }
      : { status: 'disabled', message: options.availability.reason }
  }

  state(): UpdateState {
    return this.current
  }

  /** Calls `listener` with each new state; returns how to stop. */
  onChange(listener: (state: UpdateState) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Checks shortly after start, then every few hours. */
  start(): void {
    if (this.current.status === 'disabled' || this.stopped) return
    this.schedule(this.options.firstCheckDelayMs ?? FIRST_CHECK_DELAY_MS)
  }

  /** The computer woke up: check, unless one ran a moment ago or an update is under way. */
  onResume(): void {
    if (this.current.status === 'disabled' || this.stopped) return
    const last = this.lastChecked
    if (last !== undefined && this.timers.now() - last < RESUME_RECHECK_AFTER_MS) return
    void this.checkNow()
  }

  /**
   * Checks now (also "Check for updates" in the menu). One check at a time; nothing to do once an update
   * is downloading or waiting for a restart. Never rejects.
   */
  checkNow(): Promise<UpdateState> {
    const port = this.options.port
    if (!port || this.stopped || this.current.status === 'disabled') return Promise.resolve(this.current)
    if (this.running) return this.running
    if (this.current.status === 'ready' || this.current.status === 'downloading') return Promise.resolve(this.current)
    this.running = this.run(port).finally(() => {
      this.running = undefined
      this.schedule(this.options.intervalMs ?? CHECK_INTERVAL_MS)
    })
    return this.running
  }

  /**
   * "Restart to update". Asks first when there is unsent work; a "no" leaves the update waiting (it is
   * also installed when the app next quits).
   */
  restartToUpdate(): Promise<RestartOutcome> {
    // A second click while the question is open gets the same answer, not a second question.
    this.restarting ??= this.restart().finally(() => {
      this.restarting = undefined
    })
    return this.restarting
  }

  private async restart(): Promise<RestartOutcome> {
    const state = this.current
    if (state.status !== 'ready' || !this.options.port) return { restarted: false, reason: 'not-ready' }
    let unsent: boolean
    try {
      unsent = await this.options.hasUnsentWork()
    } catch (error) {
      // Unknown is treated as "maybe": ask rather than risk it.
      this.options.log.warn('Could not tell whether changes are waiting to be sent', error)
      unsent = true
    }
    if (unsent) {
      let agreed = false
      try {
        agreed = await this.options.confirmRestart({
          version: state.version,
          message: 'Some of your changes have not reached Plannr yet. They are kept and sent when Plannr Desktop starts again. Restart now?',
        })
      } catch (error) {
        // No answer is not a yes.
        this.options.log.warn('Could not ask whether to restart', error)
      }
      if (!agreed) return { restarted: false, reason: 'declined' }
    }
    this.options.log.info(`Restarting to install version ${state.version}`)
    this.options.port.install()
    return { restarted: true }
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer)
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined
      void this.checkNow()
    }, ms)
  }

  private set(state: UpdateState): UpdateState {
    this.current = state
    for (const listener of this.listeners) {
      try {
        listener(state)
      } catch (error) {
        this.options.log.error('An update listener failed', error)
      }
    }
    return state
  }

  private lastCheckedText(): string | undefined {
    return this.lastChecked === undefined ? undefined : new Date(this.lastChecked).toISOString()
  }

  private async run(port: UpdaterPort): Promise<UpdateState> {
    this.set({ status: 'checking', message: 'Checking for updates…' })
    let check
    try {
      check = await port.check()
    } catch (error) {
      this.lastChecked = this.timers.now()
      this.options.log.warn('Update check failed', error)
      return this.set({ status: 'error', message: CHECK_FAILED, lastChecked: this.lastCheckedText() })
    }
    this.lastChecked = this.timers.now()
    if (!check.available) {
      return this.set({ status: 'idle', message: 'Plannr Desktop is up to date.', lastChecked: this.lastCheckedText() })
    }
    const version = check.version
    this.options.log.info(`Version ${version} is available`)
    this.set({ status: 'available', message: `Version ${version} is available.`, version, installs: port.installs })
    if (!port.installs) return this.current
    return this.download(port, version)
  }

  private async download(port: UpdaterPort, version: string): Promise<UpdateState> {
    const downloading = (progress: DownloadProgress): UpdateState => ({
      status: 'downloading',
      message: `Downloading version ${version}… ${Math.floor(progress.percent)}%`,
      version,
      progress,
    })
    this.set(downloading({ percent: 0, transferred: 0, total: 0 }))
    try {
      await port.download((progress) => {
        if (this.current.status === 'downloading') this.set(downloading(progress))
      })
    } catch (error) {
      this.options.log.warn(`Downloading version ${version} failed`, error)
      return this.set({ status: 'error', message: DOWNLOAD_FAILED, lastChecked: this.lastCheckedText() })
    }
    return this.set({ status: 'ready', message: `Version ${version} is ready. Restart Plannr Desktop to use it.`, version })
  }
}
