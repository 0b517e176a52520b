/**
 * The feed a packaged app was built with: electron-builder writes it to `resources/app-update.yml`
 * (from `publish` in electron-builder.config.ts). Settings may name another; this is the default.
 */
import { readFileSync } from 'node:fs'
import { load } from 'js-yaml'
import { z } from 'zod'

/** What a build made without PLANNR_UPDATE_FEED_URL carries: `.invalid` never resolves (RFC 2606). */
export const NO_FEED_URL = 'https://update-feed.invalid/'

const AppUpdateConfig = z.object({ provider: z.literal('generic'), url: z.string() })

/** The generic feed URL in an app-update.yml, or undefined (no file, another provider, unreadable). */
export function bakedFeedUrl(file: string): string | undefined {
  try {
    const parsed = AppUpdateConfig.safeParse(load(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data.url : undefined
  } catch {
    return undefined
  }
}
