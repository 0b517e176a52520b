/**
 * `--update-feed URL`: the web preview reads the feed's latest.yml shortly after start and then every
 * few hours, and says "Version X is available" (in the about panel, a log line, and
 * `UPDATE_AVAILABLE=X` on stdout for scripts). It never downloads or installs; a feed that is down or
 * wrong is a quiet log line. Without the flag, updates are off and the about panel says why.
 */
import { randomUUID } from 'node:crypto'
import type { UpdaterShell } from '../core/ports'
import { feedCheckPort } from '../core/update/feed'
import type { UpdateService } from '../core/update/service'
import type { Logger } from './log'

export function previewUpdater(feedUrl: string | undefined, version: string): UpdaterShell {
  // Nothing is ever installed here, so there is never a restart to ask about.
  const confirmRestart = async (): Promise<boolean> => false
  if (feedUrl === undefined) {
    return {
      availability: { enabled: false, reason: 'The web preview checks for updates only when started with --update-feed.' },
      port: undefined,
      confirmRestart,
    }
  }
  // A preview run has no lasting identity: each run draws its own place in a staged rollout.
  return { availability: { enabled: true }, port: feedCheckPort({ feedUrl, currentVersion: version, installId: randomUUID() }), confirmRestart }
}

/** The log lines and the stdout line for scripts. */
export function reportPreviewUpdates(service: UpdateService | undefined, log: Logger): void {
  service?.onChange((state) => {
    if (state.status === 'available') {
      log.info(state.message)
      process.stdout.write(`UPDATE_AVAILABLE=${state.version}\n`)
    } else if (state.status === 'idle' || state.status === 'error') {
      log.info(state.message)
    }
  })
}
