import { z } from 'zod'

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' for the desktop app, 'web-preview' for the Node + Chromium preview. */
  shell: z.enum(['electron', 'web-preview']),
  platform: z.string(),
  defaultApiUrl: z.string(),
})
export type AppInfo = z.infer<typeof AppInfo>
