/** UK times for conversations: short where the context makes the day plain. */

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })
const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' })
const dayMonthYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })
const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short' })

function parse(iso: string): Date | null {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? null : at
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime()
}

/** For a list row: "14:05" today, "Yesterday", "Mon" this week, "3 Feb" this year, "3 Feb 2024" before. */
export function listTime(iso: string, now: Date = new Date()): string {
  const at = parse(iso)
  if (!at) return ''
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000)
  if (days <= 0) return time.format(at)
  if (days === 1) return 'Yesterday'
  if (days < 7) return weekday.format(at)
  if (at.getFullYear() === now.getFullYear()) return dayMonth.format(at)
  return dayMonthYear.format(at)
}

/** For a message: "14:05" today, "Yesterday 14:05", "3 Feb, 14:05", "3 Feb 2024, 14:05". */
export function messageTime(iso: string, now: Date = new Date()): string {
  const at = parse(iso)
  if (!at) return ''
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000)
  if (days <= 0) return time.format(at)
  if (days === 1) return `Yesterday ${time.format(at)}`
  const day = at.getFullYear() === now.getFullYear() ? dayMonth.format(at) : dayMonthYear.format(at)
  return `${day}, ${time.format(at)}`
}

/** "12 messages · 3 people", leaving out what Plannr did not say. */
export function countsText(messages: number | null, participants: number | null): string {
  const parts: string[] = []
  if (messages !== null) parts.push(`${messages.toLocaleString('en-GB')} ${messages === 1 ? 'message' : 'messages'}`)
  if (participants !== null) parts.push(`${participants.toLocaleString('en-GB')} ${participants === 1 ? 'person' : 'people'}`)
  return parts.join(' · ')
}
