/**
 * The updater port: what the core needs from whatever can check a feed and, where possible, download and
 * install. Electron implements it over electron-updater; the web preview only reads the feed.
 */

export interface DownloadProgress {
  /** 0–100. */
  percent: number
  transferred: number
  total: number
}

export type UpdateCheck = { available: false } | { available: true; version: string; releaseDate?: string }

export interface UpdaterPort {
  /** False for a port that can only tell that a version exists (the web preview). */
  readonly installs: boolean
  /**
   * Reads the feed. "Available" means newer than the running version and, for a staged rollout, this
   * installation within the rollout's percentage. Rejects when the feed cannot be read or understood.
   */
  check(): Promise<UpdateCheck>
  /** Downloads the version the last check found and verifies it (checksum, signature); rejects otherwise. */
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>
  /** Quits, installs the downloaded update and starts the new version. */
  install(): void
}

/** What the about panel shows. `message` is the sentence to show as is. */
export type UpdateState =
  | { status: 'disabled'; message: string }
  | { status: 'idle'; message: string; lastChecked?: string }
  | { status: 'checking'; message: string }
  | { status: 'available'; message: string; version: string; installs: boolean }
  | { status: 'downloading'; message: string; version: string; progress: DownloadProgress }
  | { status: 'ready'; message: string; version: string }
  | { status: 'error'; message: string; lastChecked?: string }

export type UpdateStatus = UpdateState['status']
