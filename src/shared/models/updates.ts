import { z } from 'zod'

/** What the about panel shows of the updater. `message` is the sentence to show as is. */
export const DownloadProgress = z.object({
  /** 0–100. */
  percent: z.number(),
  transferred: z.number(),
  total: z.number(),
})
export type DownloadProgress = z.infer<typeof DownloadProgress>

export const UpdateState = z.discriminatedUnion('status', [
  /** Updating cannot work here (a development build, under tests, a package manager's install…): `message` says why. */
  z.object({ status: z.literal('disabled'), message: z.string() }),
  z.object({ status: z.literal('idle'), message: z.string(), lastChecked: z.string().optional() }),
  z.object({ status: z.literal('checking'), message: z.string() }),
  /** `installs` false: this shell only tells that a version exists (the web preview). */
  z.object({ status: z.literal('available'), message: z.string(), version: z.string(), installs: z.boolean() }),
  z.object({ status: z.literal('downloading'), message: z.string(), version: z.string(), progress: DownloadProgress }),
  z.object({ status: z.literal('ready'), message: z.string(), version: z.string() }),
  z.object({ status: z.literal('error'), message: z.string(), lastChecked: z.string().optional() }),
])
export type UpdateState = z.infer<typeof UpdateState>

export const RestartOutcome = z.discriminatedUnion('restarted', [
  z.object({ restarted: z.literal(true) }),
  z.object({ restarted: z.literal(false), reason: z.enum(['not-ready', 'declined']) }),
])
export type RestartOutcome = z.infer<typeof RestartOutcome>
