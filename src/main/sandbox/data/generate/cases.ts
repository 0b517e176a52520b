/** The case (piece of advice work) some conversations are about, valued by what kind of case it is. */
import type { Topic } from '../scripts'
import { slugify } from '../text'
import { DAY } from '../time'
import type { AccountRecord, CaseRecord, FirmRecord } from '../world'
import type { GenerationContext } from './context'

export function maybeAddCase(
  ctx: GenerationContext, firm: FirmRecord, topic: Topic, surname: string, createdAt: number, staff: AccountRecord,
): CaseRecord | null {
  if (!topic.caseName || !ctx.rng.chance(0.7)) return null
  const name = `${topic.caseName} – ${surname}`
  const pennies =
    topic.caseName === 'Remortgage' ? ctx.rng.int(1200, 6500) * 10_000
      : topic.caseName === 'Pension transfer' ? ctx.rng.int(500, 4500) * 10_000
        : ctx.rng.int(300, 900) * 100
  const completed = ctx.rng.chance(0.35)
  const record: CaseRecord = {
    uuid: ctx.rng.uuid(), firmUuid: firm.uuid, name, slug: slugify(name), status: completed ? 'Completed' : 'In progress',
    reviewAt: createdAt + 30 * DAY, completedAt: completed ? ctx.between(createdAt, ctx.anchor) : null,
    valuePennies: pennies, assignedToUuids: [staff.uuid], createdAt, updatedAt: ctx.between(createdAt, ctx.anchor),
  }
  ctx.world.addCase(record)
  return record
}
