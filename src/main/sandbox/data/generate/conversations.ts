/**
 * Conversations between a firm's staff and the adults of one household, on a scripted topic, with
 * tags, a case now and then, and the lead adviser's pinned/archived state.
 */
import { PROVIDERS, TOPICS } from '../scripts'
import { slugify } from '../text'
import { MINUTE } from '../time'
import type { AccountRecord, CircleRecord, FirmRecord, TagRecord } from '../world'
import { maybeAddCase } from './cases'
import type { GenerationContext } from './context'
import { fillTemplate, messageTimes, writeMessages, type MessageCast } from './messages'
import { clamp } from './numbers'
import type { Staff } from './roster'

/** The UK tax year the anchor falls in (it starts on 6 April), e.g. "2025/26". */
function taxYear(anchor: number): string {
  const date = new Date(anchor)
  const year = date.getUTCFullYear()
  const start = date.getUTCMonth() > 3 || (date.getUTCMonth() === 3 && date.getUTCDate() >= 6) ? year : year - 1
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`
}

function isDemoUser(ctx: GenerationContext, account: AccountRecord): boolean {
  for (const user of ctx.world.usersByToken.values()) if (user.uuid === account.userUuid) return true
  return false
}

interface Participants extends MessageCast {
  employees: AccountRecord[]
}

/** One or two adults from a household, the lead adviser, maybe a helper, maybe the demo users' other accounts. */
function pickParticipants(
  ctx: GenerationContext, staff: Staff, circles: CircleRecord[], index: number, demoUserShare: number,
): Participants | null {
  let clients: AccountRecord[] = []
  for (let attempt = 0; attempt < 12 && clients.length === 0; attempt++) {
    const circle = ctx.rng.pick(circles)
    const adults = circle.accountUuids
      .map((uuid) => ctx.world.accounts.get(uuid))
      .filter((a): a is AccountRecord => a !== undefined && a.role === 'individual' && !ctx.children.has(a.uuid))
    clients = ctx.rng.sample(adults, ctx.rng.chance(0.5) ? 2 : 1)
  }
  if (clients.length === 0) return null
  const lead = index < 3 || ctx.rng.chance(0.75) ? staff.lead : ctx.rng.pick(staff.advisers)
  const others = staff.all.filter((e) => e !== lead && ctx.jobByAccount.get(e.uuid) !== 'adviser')
  const helper = others.length && ctx.rng.chance(0.35) ? ctx.rng.pick(others) : null
  const employees = [lead, ...(helper ? [helper] : [])]
  // The demo users' other accounts take part in some threads, so switching accounts shows data.
  for (const employee of staff.all) {
    if (!employees.includes(employee) && ctx.world.usersByToken.size && isDemoUser(ctx, employee) && ctx.rng.chance(demoUserShare)) employees.push(employee)
  }
  return { clients, lead, helper, employees }
}

/** The first few threads are the lead's, recent, and one pinned and the last archived, so the demo opens on them. */
export function addConversation(
  ctx: GenerationContext, firm: FirmRecord, staff: Staff, circles: CircleRecord[], tags: TagRecord[],
  index: number, total: number, demoUserShare: number,
): void {
  const participants = pickParticipants(ctx, staff, circles, index, demoUserShare)
  if (!participants) return
  const { clients, lead, employees } = participants

  const topic = ctx.rng.pick(TOPICS)
  const client = clients[0] as AccountRecord
  const vars = { client: client.firstName ?? '', adviser: lead.firstName ?? '', provider: ctx.rng.pick(PROVIDERS), taxYear: taxYear(ctx.anchor) }
  const name = fillTemplate(topic.title, vars)
  const count = clamp(ctx.rng.int(3, topic.lines.length + 4), 3, 24)
  const recent = index < Math.max(2, Math.round(total * 0.2))
  const times = messageTimes(ctx, count, recent)
  const createdAt = (times[0] as number) - ctx.rng.int(1, 30) * MINUTE
  const uuid = ctx.rng.uuid()
  const messages = writeMessages(ctx, uuid, topic, times, vars, participants)

  const caseRecord = maybeAddCase(ctx, firm, topic, client.lastName ?? '', createdAt, lead)
  const tagUuids = tags.filter((t) => t.name === topic.tag || (t.name === 'Urgent' && ctx.rng.chance(0.15))).map((t) => t.uuid)
  const pinned = index === 1 || ctx.rng.chance(0.1)
  const archived = !pinned && (index === total - 1 || ctx.rng.chance(0.1))
  const last = messages[messages.length - 1]
  ctx.world.addConversation({
    uuid, firmUuid: firm.uuid, name, slug: slugify(name), caseUuid: caseRecord?.uuid ?? null, tagUuids,
    participantUuids: [...employees.map((e) => e.uuid), ...clients.map((c) => c.uuid)],
    adminUuids: new Set([lead.uuid]),
    pinnedBy: new Set(pinned ? [lead.uuid] : []),
    archivedBy: new Set(archived ? [lead.uuid] : []),
    messages, createdAt, updatedAt: last ? Math.max(last.updatedAt, createdAt) : createdAt,
  })
}
