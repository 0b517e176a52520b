/**
 * Staged rollouts, decided as electron-updater decides them: the last four bytes of the installation's
 * UUID, as a fraction of 2³²−1, below the feed's `stagingPercentage`. The same installation is always on
 * the same side, and raising the percentage only ever adds installations.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function rolloutPosition(installId: string): number {
  if (!UUID.test(installId)) throw new RangeError(`not a UUID: ${installId}`)
  const bytes = Buffer.from(installId.replace(/-/g, ''), 'hex')
  return bytes.readUInt32BE(12) / 0xffffffff
}

export function withinRollout(installId: string, stagingPercentage: number): boolean {
  return rolloutPosition(installId) < stagingPercentage / 100
}
