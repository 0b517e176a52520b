/** Timestamps the way Plannr writes them: ISO-8601 in UK local time with its offset, e.g. 2025-04-22T13:44:18+01:00. */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** Last Sunday of a month at 01:00 UTC, when UK clocks change. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  const date = lastDay.getUTCDate() - lastDay.getUTCDay()
  return Date.UTC(year, month, date, 1)
}

/** Minutes ahead of UTC in the UK at that instant: 60 during British Summer Time, else 0. */
export function ukOffsetMinutes(ms: number): number {
  const year = new Date(ms).getUTCFullYear()
  return ms >= lastSundayAtOneUtc(year, 2) && ms < lastSundayAtOneUtc(year, 9) ? 60 : 0
}

const pad = (n: number) => String(n).padStart(2, '0')

export function ukIso(ms: number): string {
  const offset = ukOffsetMinutes(ms)
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * MINUTE)
  const date = `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`
  return `${date}T${time}+${pad(offset / 60)}:00`
}

export function ukIsoOrNull(ms: number | null): string | null {
  return ms === null ? null : ukIso(ms)
}

/** Midnight UTC of the day `ms` falls in: generated data is anchored here so a seed repeats within a day. */
export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY
}
