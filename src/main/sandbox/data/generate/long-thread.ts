/**
 * One long-running thread between a lead adviser and a client household: hundreds of messages over
 * years, short and long, so the app's thread can be tried (and measured) far past one page. It is the
 * last generation step — its draws come after every other record's — and it ends months ago, so it sorts
 * below the book's other conversations and changes nothing they show.
 */
import type { FirmKey } from '../fixed'
import { FOLLOW_UPS, TOPICS, type ScriptLine } from '../scripts'
import { slugify } from '../text'
import { DAY, HOUR, MINUTE } from '../time'
import type { AccountRecord, MessageRecord } from '../world'
import type { GenerationContext } from './context'
import { fillTemplate } from './messages'

export const LONG_THREAD_NAME = 'Ongoing planning notes'
export const LONG_THREAD_MESSAGES = 400

/** Every scripted line, long and short, in a fixed order: the thread cycles through them. */
const LINES: readonly ScriptLine[] = [...TOPICS.flatMap((topic) => topic.lines), ...FOLLOW_UPS]

export function addLongThread(ctx: GenerationContext, firmKey: FirmKey, leadId: string, count = LONG_THREAD_MESSAGES): void {
  const firm = ctx.firmOf(firmKey)
  const lead = ctx.staff(leadId)
  const client = (ctx.world.circlesByFirm.get(firm.uuid) ?? [])
    .flatMap((circle) => circle.accountUuids)
    .map((uuid) => ctx.world.accounts.get(uuid))
    .find((account): account is AccountRecord => account !== undefined && account.role === 'individual' && !ctx.children.has(account.uuid))
  if (!client) return

  const uuid = ctx.rng.uuid()
  const vars = { client: client.firstName ?? '', adviser: lead.firstName ?? '', provider: 'Aviva', taxYear: 'this tax year' }
  // Oldest first, in office hours, one or more a day every few days; the newest 200 days before the anchor.
  const times = new Array<number>(count)
  const midnight = Math.floor(ctx.anchor / DAY) * DAY
  let daysBack = 200
  for (let k = count - 1; k >= 0; k--) {
    if (k < count - 1 && ctx.rng.chance(0.6)) daysBack += ctx.rng.int(1, 3)
    let at = midnight - daysBack * DAY + ctx.rng.int(8 * 60, 18 * 60) * MINUTE
    const next = times[k + 1]
    // Not after the next one: the day before instead.
    if (next !== undefined && at >= next) {
      daysBack += 1
      at -= DAY
    }
    times[k] = at
  }
  const messages: MessageRecord[] = times.map((at, k) => {
    const line = LINES[k % LINES.length] as ScriptLine
    const edited = ctx.rng.chance(0.03)
    return {
      uuid: ctx.rng.uuid(), conversationUuid: uuid, authorUuid: line.by === 'a' ? lead.uuid : client.uuid,
      contents: fillTemplate(line.text, vars), edited, files: [],
      createdAt: at, updatedAt: edited ? at + ctx.rng.int(1, 20) * MINUTE : at,
    }
  })
  const createdAt = (times[0] as number) - HOUR
  const last = messages[messages.length - 1] as MessageRecord
  ctx.world.addConversation({
    uuid, firmUuid: firm.uuid, name: LONG_THREAD_NAME, slug: slugify(LONG_THREAD_NAME), caseUuid: null, tagUuids: [],
    participantUuids: [lead.uuid, client.uuid], adminUuids: new Set([lead.uuid]), pinnedBy: new Set(), archivedBy: new Set(),
    messages, createdAt, updatedAt: last.updatedAt,
  })
}
