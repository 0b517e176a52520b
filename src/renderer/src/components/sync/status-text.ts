import type { SyncActivity } from '@shared/models/sync'
import { formatNumber } from '../../lib/format'

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

/** "Syncing clients 3,500 of 19,870"; "Syncing clients 3,500" while the total is unknown; "Syncing clients…" before any. */
export function syncingText(activity: SyncActivity): string {
  if (activity.done === 0 && activity.total === null) return `Syncing ${activity.label}…`
  if (activity.total === null) return `Syncing ${activity.label} ${formatNumber(activity.done)}`
  return `Syncing ${activity.label} ${formatNumber(Math.min(activity.done, activity.total))} of ${formatNumber(activity.total)}`
}

/** "Plannr asked us to slow down — continuing in 48 s", counting down; null once the pause is over. */
export function pausedText(pausedUntil: string | null, now: number): string | null {
  if (pausedUntil === null) return null
  const seconds = Math.ceil((Date.parse(pausedUntil) - now) / 1000)
  if (!Number.isFinite(seconds) || seconds <= 0) return null
  return `Plannr asked us to slow down — continuing in ${seconds} s`
}

/** "Last synced 10:42" today, "Last synced 3 Feb, 10:42" before; "Not synced yet" without a time. */
export function lastSyncedText(at: string | null, now: number): string {
  const time = at === null ? Number.NaN : Date.parse(at)
  if (Number.isNaN(time)) return 'Not synced yet'
  const sameDay = new Date(time).toDateString() === new Date(now).toDateString()
  return `Last synced ${sameDay ? timeFormat.format(time) : dateTimeFormat.format(time)}`
}

/** The connection as the indicator names it. */
export function connectionText(online: boolean | null): string {
  if (online === false) return 'Offline'
  if (online === true) return 'Online'
  return 'Connecting…'
}
