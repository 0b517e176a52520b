/**
 * macOS notarisation is electron-builder's own (@electron/notarize), switched on only when the release
 * machine provides one complete set of Apple credentials in the environment. A developer's `npm run dist`
 * without them still builds, signed or not, and says it skipped notarising; half a set fails the build.
 */

/** The credential sets electron-builder's notarize step reads, most recommended first. */
export const NOTARIZE_CREDENTIALS = [
  ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
  ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
  ['APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE'],
] as const

export interface NotarizeDecision {
  notarize: boolean
  reason: string
}

export function notarizeFromEnv(env: Readonly<Record<string, string | undefined>>): NotarizeDecision {
  const present = (name: string) => (env[name] ?? '').trim() !== ''
  const complete = NOTARIZE_CREDENTIALS.find((set) => set.every(present))
  if (complete) return { notarize: true, reason: `notarising with ${complete.join(', ')}` }
  // Half a set is a release machine set up wrongly: fail, rather than ship an app macOS will not open.
  const partial = NOTARIZE_CREDENTIALS.find((set) => set.some(present))
  if (partial) {
    const missing = partial.filter((name) => !present(name))
    throw new Error(`Notarisation credentials incomplete: ${missing.join(', ')} missing (set all of ${partial.join(', ')})`)
  }
  return { notarize: false, reason: 'not notarising: no Apple credentials in the environment' }
}
