/**
 * A firm's client book: its circle groups and conversation tags, households shared out so the book
 * has `size.clients` clients in `size.circles` circles (the rest standalone), then its conversations.
 */
import type { BookSize, FirmKey } from '../fixed'
import { CIRCLE_GROUPS, CONVERSATION_TAGS, LAST_NAMES } from '../names'
import { slugify } from '../text'
import type { CircleRecord, FirmRecord, GroupRecord, TagRecord } from '../world'
import { addHouseholdCircle } from './circles'
import { addBusiness, addPerson, newHousehold } from './clients'
import type { GenerationContext } from './context'
import { addConversation } from './conversations'
import { clamp } from './numbers'
import { rosterOf, type Staff } from './roster'

function addGroupsAndTags(ctx: GenerationContext, firm: FirmRecord): { groups: GroupRecord[]; tags: TagRecord[] } {
  const groups = CIRCLE_GROUPS.map((g): GroupRecord => {
    const at = ctx.daysAgo(700, 1400)
    return { uuid: ctx.rng.uuid(), firmUuid: firm.uuid, name: g.name, slug: slugify(g.name), createdAt: at, updatedAt: at, participantsCount: 0 }
  })
  groups.forEach((g) => ctx.world.addGroup(g))
  const tags = CONVERSATION_TAGS.map((t): TagRecord => {
    const at = ctx.daysAgo(700, 1400)
    return { uuid: ctx.rng.uuid(), firmUuid: firm.uuid, name: t.name, slug: slugify(t.name), colour: t.colour, createdAt: at, updatedAt: at }
  })
  tags.forEach((t) => ctx.world.addTag(t))
  return { groups, tags }
}

/** Households of one to five, averaging what the client/circle ratio allows; clients left over stay standalone. */
function addClients(ctx: GenerationContext, firm: FirmRecord, staff: Staff, size: BookSize, groups: GroupRecord[]): CircleRecord[] {
  const circleCount = Math.min(size.circles, size.clients)
  const ratio = size.clients / Math.max(1, circleCount)
  let budget = clamp(Math.round(circleCount * Math.min(4, Math.max(1, ratio * 0.85))), circleCount, size.clients)
  let standalone = size.clients - budget
  const circles: CircleRecord[] = []
  for (let i = 0; i < circleCount; i++) {
    const left = circleCount - i
    const max = clamp(budget - (left - 1), 1, 5)
    const members = clamp(Math.round(budget / left + (ctx.rng.next() - 0.5) * 2.5), 1, max)
    budget -= members
    circles.push(addHouseholdCircle(ctx, firm, staff, members, groups))
  }
  standalone += budget
  for (let i = 0; i < standalone; i++) {
    const household = newHousehold(ctx, staff)
    const surname = ctx.rng.pick(LAST_NAMES)
    const r = ctx.rng.next()
    if (r < 0.05) addBusiness(ctx, firm, household, surname)
    else addPerson(ctx, firm, household, surname, ctx.rng.chance(0.5))
  }
  return circles
}

/** `demoUserShare`: how often the demo users' other accounts join a thread in this book. */
export function addBook(ctx: GenerationContext, firmKey: FirmKey, size: BookSize, leadId: string, demoUserShare: number): void {
  const firm = ctx.firmOf(firmKey)
  const staff = rosterOf(ctx, firm, leadId)
  const { groups, tags } = addGroupsAndTags(ctx, firm)
  const circles = addClients(ctx, firm, staff, size, groups)
  for (let i = 0; i < size.conversations && circles.length > 0; i++) {
    addConversation(ctx, firm, staff, circles, tags, i, size.conversations, demoUserShare)
  }
}
