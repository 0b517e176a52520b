/**
 * `--update-feed URL`: the web preview reads the feed's latest.yml once at start and then every few hours,
 * and says "Version X is available" (a log line, and `UPDATE_AVAILABLE=X` on stdout for scripts). It never
 * downloads or installs; a feed that is down or wrong is a quiet log line.
 */
import { randomUUID } from 'node:crypto'
import { feedCheckPort } from '../core/update/feed'
import { UpdateService } from '../core/update/service'
import type { Logger } from './log'

export function startPreviewUpdates(feedUrl: string | undefined, version: string, log: Logger): UpdateService | undefined {
  if (feedUrl === undefined) return undefined
  const service = new UpdateService({
    availability: { enabled: true },
    // A preview run has no lasting identity: each run draws its own place in a staged rollout.
    port: feedCheckPort({ feedUrl, currentVersion: version, installId: randomUUID() }),
    hasUnsentWork: () => false,
    confirmRestart: async () => false,
    log,
    firstCheckDelayMs: 0,
  })
  service.onChange((state) => {
    if (state.status === 'available') {
      log.info(state.message)
      process.stdout.write(`UPDATE_AVAILABLE=${state.version}\n`)
    } else if (state.status === 'idle' || state.status === 'error') {
      log.info(state.message)
    }
  })
  service.start()
  return service
}
