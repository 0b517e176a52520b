/**
 * Reading an electron-updater feed (`latest.yml`) without installing anything: the web preview's updater
 * port. Parsed with js-yaml (the parser electron-updater uses) and compared with semver, as electron-updater
 * does, so the preview says what the desktop app would do.
 */
import { load } from 'js-yaml'
import { gt, valid } from 'semver'
import { z } from 'zod'
import { withinRollout } from './rollout'
import type { UpdateCheck, UpdaterPort } from './types'

const MAX_FEED_BYTES = 1_000_000
const FEED_TIMEOUT_MS = 15_000

export const FeedInfo = z.object({
  version: z.string().refine((v) => valid(v) !== null, 'not a semver version'),
  files: z.array(z.object({ url: z.string().min(1), sha512: z.string().min(1), size: z.number().int().nonnegative().optional() })).min(1),
  releaseDate: z.union([z.string(), z.date().transform((d) => d.toISOString())]).optional(),
  // electron-updater reads it with parseInt: a number or a numeric string.
  stagingPercentage: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().min(0).max(100)).optional(),
})
export type FeedInfo = z.infer<typeof FeedInfo>

export class FeedError extends Error {}

/** Parses the text of a latest.yml; throws FeedError saying what is wrong. */
export function parseFeed(text: string): FeedInfo {
  let data: unknown
  try {
    data = load(text)
  } catch (error) {
    throw new FeedError(`latest.yml is not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
  }
  const parsed = FeedInfo.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new FeedError(`latest.yml is not an update feed: ${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown shape'}`)
  }
  return parsed.data
}

/** Whether `info` is an update for `currentVersion` on an installation with `installId`. */
export function isUpdateFor(info: FeedInfo, currentVersion: string, installId: string): boolean {
  if (!gt(info.version, currentVersion)) return false
  return info.stagingPercentage === undefined || withinRollout(installId, info.stagingPercentage)
}

export async function fetchFeed(feedUrl: string, fetchImpl: typeof fetch = fetch): Promise<FeedInfo> {
  const url = new URL('latest.yml', `${feedUrl.replace(/\/+$/, '')}/`)
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(FEED_TIMEOUT_MS), redirect: 'error', headers: { accept: 'text/yaml, */*' } })
  if (!response.ok) throw new FeedError(`${url} answered ${response.status}`)
  const length = Number(response.headers.get('content-length') ?? '0')
  if (length > MAX_FEED_BYTES) throw new FeedError(`${url} is too large (${length} bytes)`)
  const text = await response.text()
  if (text.length > MAX_FEED_BYTES) throw new FeedError(`${url} is too large`)
  return parseFeed(text)
}

export interface FeedCheckOptions {
  feedUrl: string
  currentVersion: string
  /** The installation's id for staged rollouts (a UUID). */
  installId: string
  fetch?: typeof fetch
}

/** An updater port that reads the feed and can never download or install. */
export function feedCheckPort(options: FeedCheckOptions): UpdaterPort {
  return {
    installs: false,
    async check(): Promise<UpdateCheck> {
      const info = await fetchFeed(options.feedUrl, options.fetch)
      return isUpdateFor(info, options.currentVersion, options.installId)
        ? { available: true, version: info.version, ...(info.releaseDate ? { releaseDate: info.releaseDate } : {}) }
        : { available: false }
    },
    download: () => Promise.reject(new Error('This updater only reads the feed')),
    install: () => {
      throw new Error('This updater only reads the feed')
    },
  }
}
