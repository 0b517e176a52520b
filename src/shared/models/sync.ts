import { z } from 'zod'
import { Id } from './common'

/** One list being brought up to date: "Syncing clients 3,500 of 19,870". */
export const SyncActivity = z.object({
  label: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
})
export type SyncActivity = z.infer<typeof SyncActivity>

/** What the status bar shows: connection, last sync, what is syncing, and any pause Plannr asked for. */
export const SyncStatus = z.object({
  /** Whether Plannr answered the last request; null before any request this run. */
  online: z.boolean().nullable(),
  /** When the data on screen was last brought up to date (the latest sync of any list), ISO time. */
  lastSyncedAt: z.string().nullable(),
  syncing: z.array(SyncActivity),
  /** Plannr asked us to send nothing until then (ISO time); null when not paused. */
  pausedUntil: z.string().nullable(),
  /** Where this account's data is kept: on disk (encrypted), in memory for this session, or nowhere yet. */
  storage: z.enum(['disk', 'memory']).nullable(),
  /** Something the user should know about the saved data (set aside and rebuilt, not kept), in plain words. */
  notice: z.string().nullable(),
  /** Why the last sync of some list failed, in plain words; null when the last runs all succeeded. */
  error: z.string().nullable(),
})
export type SyncStatus = z.infer<typeof SyncStatus>

/** The conversations filter's circle picker: circles whose name matches, a handful at a time. */
export const CirclePickQuery = z.strictObject({
  search: z.string().max(200).default(''),
  limit: z.number().int().min(1).max(50).default(20),
  /** Always include this circle (the one already chosen), so its name can be shown. */
  selected: Id.nullable().default(null),
})
export type CirclePickQuery = z.input<typeof CirclePickQuery>

/** The circles list's member filter: people in some circle whose name matches, a handful at a time. */
export const CircleMemberQuery = CirclePickQuery

export const CirclePick = z.object({ uuid: z.string(), name: z.string(), memberCount: z.number().int() })
export type CirclePick = z.infer<typeof CirclePick>
