/**
 * The desktop app's updater: electron-updater behind the core's updater port, a native question before
 * restarting over unsent work, and a check when the computer wakes. The policy lives in the core
 * (core/update/service.ts); this file only connects Electron to it.
 */
import { join } from 'node:path'
import { app, dialog, powerMonitor, type BrowserWindow } from 'electron'
import { autoUpdater } from 'electron-updater'
import type { CoreLog } from '../core/log'
import { bakedFeedUrl } from '../core/update/app-update-config'
import { checkFeedUrl, updateAvailability } from '../core/update/availability'
import { configureUpdater, electronUpdaterPort } from '../core/update/electron-updater-port'
import { UpdateService, type RestartQuestion } from '../core/update/service'
import type { UpdaterPort } from '../core/update/types'

export interface ElectronUpdatesOptions {
  /**
   * The generic feed from settings (`PLANNR_UPDATE_FEED_URL`, or the app's settings store); undefined:
   * the feed the app was built with.
   */
  feedUrl: string | undefined
  log: CoreLog
  /** Whether the outbox holds writes not yet sent to Plannr. */
  hasUnsentWork: () => boolean | Promise<boolean>
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

/** Creates the updater and starts its schedule; off (with the reason) where updating cannot work. */
export function startElectronUpdates(options: ElectronUpdatesOptions): UpdateService {
  const feedUrl = options.feedUrl ?? (app.isPackaged ? bakedFeedUrl(join(process.resourcesPath, 'app-update.yml')) : undefined)
  const availability = updateAvailability({ packaged: app.isPackaged, platform: process.platform, env: process.env, feedUrl })
  const feed = checkFeedUrl(feedUrl)
  // `autoUpdater` is created on first use: never touch it where updates are off.
  let port: UpdaterPort | undefined
  if (availability.enabled && feed.ok) {
    configureUpdater(autoUpdater, feed.url, options.log)
    port = electronUpdaterPort(autoUpdater)
  }
  const service = new UpdateService({
    availability,
    port,
    hasUnsentWork: options.hasUnsentWork,
    confirmRestart: (question) => askToRestart(question, options.window()),
    log: options.log,
  })
  if (!availability.enabled) options.log.info(`Updates: ${availability.reason}`)
  powerMonitor.on('resume', () => service.onResume())
  app.once('will-quit', () => service.stop())
  service.start()
  return service
}
