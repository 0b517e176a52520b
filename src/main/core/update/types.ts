/**
 * The updater port: what the core needs from whatever can check a feed and, where possible, download and
 * install. Electron implements it over electron-updater; the web preview only reads the feed.
 */
import type { DownloadProgress, UpdateState } from '@shared/models/updates'

export type { DownloadProgress, UpdateState }

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

export type UpdateStatus = UpdateState['status']
