import { z } from 'zod'
import { Id } from './common'

/**
 * What the desktop shell asks the window to open: an item named by a `plannr-desktop://` link or a
 * clicked notification, the conversations list (a notification about several), or the about panel
 * ("Check for updates…" in the menu).
 */
export const OpenTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('conversation'), uuid: Id }),
  z.strictObject({ kind: z.literal('circle'), uuid: Id }),
  z.strictObject({ kind: z.literal('client'), uuid: Id }),
  z.strictObject({ kind: z.literal('conversations') }),
  z.strictObject({ kind: z.literal('about') }),
])
export type OpenTarget = z.infer<typeof OpenTarget>

/** One OS notification for a batch of new messages ("3 new messages from Max Yates"). */
export const MessageNotification = z.strictObject({
  title: z.string().max(300),
  body: z.string().max(1000),
  target: OpenTarget,
  /** How many messages it stands for. */
  count: z.number().int().positive(),
})
export type MessageNotification = z.infer<typeof MessageNotification>

/** The user's own settings, kept in the app's data folder. */
export const AppSettings = z.strictObject({
  /** OS notifications for new messages while the window is in the background. */
  notifications: z.boolean(),
})
export type AppSettings = z.infer<typeof AppSettings>

export const SettingsPatch = AppSettings.partial()
