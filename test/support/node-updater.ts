/**
 * electron-updater's real AppImage updater, run in Node: the check, the version comparison, the staged
 * rollout, the download and its sha512 verification are electron-updater's own. Only what needs Electron
 * is replaced: the app adapter (version and folders, normally from `app`) and the HTTP client (Node's http
 * instead of Chromium's `net`). Installing — replacing the running AppImage — is not exercised.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NodeHttpExecutor } from 'builder-util'
import { configureRequestOptions, configureRequestUrl, type DownloadOptions } from 'builder-util-runtime'
import { AppImageUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'

/** Node's http with the `download` that Electron's executor adds (the same steps, without `net`). */
class NodeDownloadExecutor extends NodeHttpExecutor {
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      )
    })
  }
}

export interface NodeUpdater {
  updater: AppImageUpdater
  dir: string
  /** Where downloads land (electron-updater's cache for this app). */
  cacheDir: string
  dispose(): void
}

export function nodeUpdater(options: { version: string; stagingUserId?: string }): NodeUpdater {
  const dir = mkdtempSync(join(tmpdir(), 'plannr-updater-'))
  const userData = join(dir, 'user-data')
  const cache = join(dir, 'cache')
  mkdirSync(userData)
  mkdirSync(cache)
  // What electron-builder writes into the packaged app's resources.
  const appUpdateConfig = join(dir, 'app-update.yml')
  writeFileSync(appUpdateConfig, 'provider: generic\nurl: https://update-feed.invalid\nupdaterCacheDirName: plannr-desktop-updater\n')
  // electron-updater keeps the installation's rollout id here.
  if (options.stagingUserId) writeFileSync(join(userData, '.updaterId'), options.stagingUserId)
  // The AppImage being "run": electron-updater updates only when it runs from one.
  const appImage = join(dir, 'Plannr-Desktop-current.AppImage')
  writeFileSync(appImage, 'current')
  const previous = process.env['APPIMAGE']
  process.env['APPIMAGE'] = appImage

  const app: AppAdapter = {
    version: options.version,
    name: 'Plannr Desktop',
    isPackaged: true,
    appUpdateConfigPath: appUpdateConfig,
    userDataPath: userData,
    baseCachePath: cache,
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  }
  const updater = new AppImageUpdater(undefined, app)
  // Before setFeedURL, which hands the executor to the provider.
  Object.assign(updater, { httpExecutor: new NodeDownloadExecutor() })
  // There is no previous AppImage with a block map to diff against: download whole files.
  updater.disableDifferentialDownload = true
  return {
    updater,
    dir,
    cacheDir: join(cache, 'plannr-desktop-updater'),
    dispose: () => {
      if (previous === undefined) delete process.env['APPIMAGE']
      else process.env['APPIMAGE'] = previous
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
