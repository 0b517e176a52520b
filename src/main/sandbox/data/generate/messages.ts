/** A conversation's messages: when each was sent (office hours, oldest first), who wrote it, and its attachments. */
import { FOLLOW_UPS, type Topic } from '../scripts'
import { HOUR, MINUTE } from '../time'
import type { AccountRecord, FileRecord, MessageRecord } from '../world'
import type { GenerationContext } from './context'

const ADVISER_FILES = ['Suitability report.pdf', 'Annual review pack.pdf', 'Cashflow forecast.pdf', 'Illustration.pdf', 'Fee agreement.pdf'] as const
const CLIENT_FILES = ['Passport.jpg', 'P60 2024-25.pdf', 'Payslip March.pdf', 'Pension statement.pdf', 'Council tax bill.pdf'] as const

/** Replaces `{name}` placeholders in a script line; unknown ones stay as written. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole)
}

/** Moves a night-time instant into office hours. */
function daytime(ctx: GenerationContext, ms: number): number {
  const hour = new Date(ms).getUTCHours()
  if (hour < 8) return ms + (8 - hour) * HOUR + ctx.rng.int(0, 90) * MINUTE
  if (hour >= 21) return ms - (hour - 19) * HOUR - ctx.rng.int(0, 60) * MINUTE
  return ms
}

/** `count` send times, oldest first; recent threads end within the last three days. */
export function messageTimes(ctx: GenerationContext, count: number, recent: boolean): number[] {
  const times: number[] = new Array<number>(count)
  times[count - 1] = recent ? ctx.anchor - ctx.rng.int(1, 72 * 60) * MINUTE : ctx.daysAgo(3, 160)
  for (let k = count - 2; k >= 0; k--) times[k] = (times[k + 1] as number) - ctx.rng.int(15, 48 * 60) * MINUTE
  // People write in the daytime: move night-time messages into office hours, keeping the order.
  for (let k = 0; k < count; k++) {
    let at = daytime(ctx, times[k] as number)
    if (k > 0 && at <= (times[k - 1] as number)) at = (times[k - 1] as number) + ctx.rng.int(2, 30) * MINUTE
    times[k] = Math.min(at, ctx.anchor - MINUTE)
  }
  return times
}

function file(ctx: GenerationContext, name: string, at: number): FileRecord {
  const extension = name.split('.').pop() ?? 'pdf'
  return {
    uuid: ctx.rng.uuid(), name: name.replace(/\.[^.]+$/, ''), filename: name, extension,
    mime: extension === 'jpg' ? 'image/jpeg' : 'application/pdf', size: ctx.rng.int(40_000, 2_400_000), createdAt: at,
  }
}

export interface MessageCast {
  lead: AccountRecord
  helper: AccountRecord | null
  clients: AccountRecord[]
}

/** The topic's script, then stock follow-ups once it runs out; adviser lines are mostly the lead's. */
export function writeMessages(
  ctx: GenerationContext, conversationUuid: string, topic: Topic, times: number[], vars: Record<string, string>, cast: MessageCast,
): MessageRecord[] {
  const { lead, helper, clients } = cast
  const messages: MessageRecord[] = []
  for (let k = 0; k < times.length; k++) {
    const line = k < topic.lines.length ? topic.lines[k] : FOLLOW_UPS[(k - topic.lines.length) % FOLLOW_UPS.length]
    if (!line) continue
    const at = times[k] as number
    const author = line.by === 'a' ? (helper && ctx.rng.chance(0.15) ? helper : lead) : ctx.rng.pick(clients)
    const fileChance = line.by === 'a' ? 0.08 : 0.06
    const files = ctx.rng.chance(fileChance) ? [file(ctx, ctx.rng.pick(line.by === 'a' ? ADVISER_FILES : CLIENT_FILES), at)] : []
    const edited = ctx.rng.chance(0.04)
    messages.push({
      uuid: ctx.rng.uuid(), conversationUuid, authorUuid: author.uuid, contents: fillTemplate(line.text, vars), edited, files,
      createdAt: at, updatedAt: edited ? at + ctx.rng.int(1, 20) * MINUTE : at,
    })
  }
  return messages
}
