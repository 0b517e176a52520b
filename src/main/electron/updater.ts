/**
 * The desktop app's updater: electron-updater behind the core's updater port, and a native question
 * before restarting over unsent work. The policy lives in the core (core/update/service.ts); this file
 * only connects Electron to it.
 */
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import { autoUpdater } from 'electron-updater'
import type { CoreLog } from '../core/log'
import { bakedFeedUrl } from '../core/update/app-update-config'
import { checkFeedUrl, updateAvailability } from '../core/update/availability'
import { configureUpdater, electronUpdaterPort } from '../core/update/electron-updater-port'
import type { UpdaterShell } from '../core/ports'
import type { RestartQuestion } from '../core/update/service'
import type { UpdaterPort } from '../core/update/types'

export interface ElectronUpdatesOptions {
  /**
   * The generic feed from settings (`PLANNR_UPDATE_FEED_URL`, else `updateFeedUrl` in settings.json);
   * undefined: the feed the app was built with.
   */
  feedUrl: string | undefined
  log: CoreLog
  /** The window a restart question belongs to, if one is open. */
  window: () => BrowserWindow | undefined
}

async function askToRestart(question: RestartQuestion, window: BrowserWindow | undefined): Promise<boolean> {
  const options = {
    type: 'question' as const,
    buttons: ['Restart now', 'Later'],
    defaultId: 1,
    cancelId: 1,
    title: 'Restart to update',
    message: `Restart to install version ${question.version}?`,
    detail: question.message,
  }
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options)
  return response === 0
}

/**
 * The updater as the core's port wants it; off (with the reason) where updating cannot work. The core
 * runs the schedule (core/desktop/desktop.ts), including the check when the computer wakes.
 */
export function electronUpdaterShell(options: ElectronUpdatesOptions): UpdaterShell {
  const feedUrl = options.feedUrl ?? (app.isPackaged ? bakedFeedUrl(join(process.resourcesPath, 'app-update.yml')) : undefined)
  const availability = updateAvailability({ packaged: app.isPackaged, platform: process.platform, env: process.env, feedUrl })
  const feed = checkFeedUrl(feedUrl)
  // `autoUpdater` is created on first use: never touch it where updates are off.
  let port: UpdaterPort | undefined
  if (availability.enabled && feed.ok) {
    configureUpdater(autoUpdater, feed.url, options.log)
    port = electronUpdaterPort(autoUpdater)
  }
  if (!availability.enabled) options.log.info(`Updates: ${availability.reason}`)
  return { availability, port, confirmRestart: (question) => askToRestart(question, options.window()) }
}
