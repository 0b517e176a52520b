/**
 * The user's settings: `settings.json` in the app's data folder, checked against its schema. Read once
 * at start (synchronously: the updater's feed is needed before the first window). A file that is not
 * valid settings is set aside (kept, never deleted) and the defaults are used; a failed write keeps the
 * new value for this run and says so in the log.
 */
import { mkdirSync, readFileSync, renameSync } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AppSettings } from '@shared/models/desktop'
import type { CoreLog } from '../log'

export const SETTINGS_FILE_NAME = 'settings.json'

export const SettingsFile = z.strictObject({
  version: z.literal(1),
  notifications: z.boolean(),
  /** The generic update feed (an administrator's choice); absent: the feed the app was built with. */
  updateFeedUrl: z.string().min(1).max(2000).optional(),
})
export type SettingsFile = z.infer<typeof SettingsFile>

export const DEFAULT_SETTINGS: SettingsFile = { version: 1, notifications: true }

export class SettingsStore {
  readonly path: string
  private current: SettingsFile
  private writes: Promise<void> = Promise.resolve()

  constructor(
    dataDir: string,
    private readonly log: CoreLog,
    now: () => number = Date.now,
  ) {
    this.path = join(dataDir, SETTINGS_FILE_NAME)
    this.current = this.load(now)
  }

  /** What the window shows and changes. */
  get(): AppSettings {
    return { notifications: this.current.notifications }
  }

  get updateFeedUrl(): string | undefined {
    return this.current.updateFeedUrl
  }

  /** Applies the change at once; resolves once it is on disk (or the failure is logged). */
  async update(patch: Partial<AppSettings>): Promise<AppSettings> {
    this.current = SettingsFile.parse({ ...this.current, ...patch })
    const snapshot = this.current
    this.writes = this.writes.then(() => this.write(snapshot))
    await this.writes
    return this.get()
  }

  private load(now: () => number): SettingsFile {
    let text: string
    try {
      text = readFileSync(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log.warn('Could not read the settings; using the defaults', error)
      return DEFAULT_SETTINGS
    }
    let parsed: ReturnType<typeof SettingsFile.safeParse>
    try {
      parsed = SettingsFile.safeParse(JSON.parse(text))
    } catch {
      parsed = SettingsFile.safeParse(undefined)
    }
    if (parsed.success) return parsed.data
    const aside = `${this.path}.unreadable-${now()}`
    try {
      mkdirSync(join(this.path, '..'), { recursive: true })
      renameSync(this.path, aside)
      this.log.warn('The settings file was not valid settings; it has been set aside and the defaults are used', { setAside: aside })
    } catch (error) {
      this.log.warn('The settings file was not valid settings and could not be set aside; using the defaults', error)
    }
    return DEFAULT_SETTINGS
  }

  /** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
  private async write(settings: SettingsFile): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`
    try {
      await mkdir(join(this.path, '..'), { recursive: true })
      await writeFile(temporary, `${JSON.stringify(settings, null, 2)}\n`, 'utf8')
      await rename(temporary, this.path)
    } catch (error) {
      this.log.warn('Could not save the settings; the change lasts until the app quits', error)
    }
  }
}
