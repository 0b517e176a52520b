/**
 * The updater port over electron-updater. No `electron` import: electron-updater loads Electron only when
 * it runs inside it, so this adapter is exercised in Node against a real feed. The Electron shell creates
 * the updater (src/main/electron/updater.ts) and hands it here.
 */
import type { AppUpdater, ProgressInfo } from 'electron-updater'
import type { CoreLog } from '../log'
import type { DownloadProgress, UpdateCheck, UpdaterPort } from './types'

/** The settings every updater gets: the core decides when to download, and nothing is ever downgraded. */
export function configureUpdater(updater: AppUpdater, feedUrl: string, log: CoreLog): void {
  updater.autoDownload = false
  // A downloaded update also installs when the user quits normally.
  updater.autoInstallOnAppQuit = true
  updater.allowDowngrade = false
  updater.allowPrerelease = false
  updater.logger = log
  updater.setFeedURL({ provider: 'generic', url: feedUrl })
}

export function electronUpdaterPort(updater: AppUpdater): UpdaterPort {
  return {
    installs: true,
    async check(): Promise<UpdateCheck> {
      const result = await updater.checkForUpdates()
      // null: electron-updater considers itself inactive (not packaged, or not an AppImage).
      if (!result) throw new Error('The updater is not active in this installation')
      // isUpdateAvailable is false for the same or an older version and outside a staged rollout.
      if (!result.isUpdateAvailable) return { available: false }
      return { available: true, version: result.updateInfo.version, releaseDate: result.updateInfo.releaseDate }
    },
    async download(onProgress: (progress: DownloadProgress) => void): Promise<void> {
      const listener = (info: ProgressInfo) => onProgress({ percent: info.percent, transferred: info.transferred, total: info.total })
      updater.on('download-progress', listener)
      try {
        // Verifies the sha512 from the feed (and on Windows the publisher's signature) before resolving.
        await updater.downloadUpdate()
      } finally {
        updater.off('download-progress', listener)
      }
    },
    install(): void {
      // Not silent (the installer shows its progress); start the new version afterwards.
      updater.quitAndInstall(false, true)
    },
  }
}
