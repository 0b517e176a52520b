/**
 * One household as a circle: a single client (person, business or trust) or a couple with children,
 * sometimes a joint account or family trust, plus shared contact details and circle groups.
 */
import { BG_COLOURS, LAST_NAMES } from '../names'
import { DAY } from '../time'
import type { AccountRecord, CircleRecord, ContactDetailRecord, FirmRecord, GroupRecord } from '../world'
import { externalReference } from './accounts'
import { addBusiness, addClient, addPerson, addTrust, newHousehold } from './clients'
import { asciiLower } from './contacts'
import type { GenerationContext } from './context'
import type { Staff } from './roster'

export function addHouseholdCircle(ctx: GenerationContext, firm: FirmRecord, staff: Staff, size: number, groups: GroupRecord[]): CircleRecord {
  const household = newHousehold(ctx, staff)
  const surname = ctx.rng.pick(LAST_NAMES)
  const members: AccountRecord[] = []
  let jointAccountUuid: string | null = null
  let name: string

  if (size === 1) {
    const r = ctx.rng.next()
    const member = r < 0.1 ? addBusiness(ctx, firm, household, surname)
      : r < 0.15 ? addTrust(ctx, firm, household, surname)
        : addPerson(ctx, firm, household, surname, ctx.rng.chance(0.5))
    members.push(member)
    name = member.entityName ?? `${surname} Household`
  } else {
    const firstFemale = ctx.rng.chance(0.5)
    const first = addPerson(ctx, firm, household, surname, firstFemale)
    const partnerSurname = ctx.rng.chance(0.8) ? surname : ctx.rng.pick(LAST_NAMES)
    const partner = addPerson(ctx, firm, household, partnerSurname, ctx.rng.chance(0.9) ? !firstFemale : firstFemale)
    members.push(first, partner)
    if (ctx.rng.chance(0.5)) {
      const home = ctx.contacts.landline()
      ctx.contacts.add(firm.uuid, 'phone_number', 'Home', home, [first, partner], [], ctx.between(household.createdAt, ctx.anchor))
    }
    let jointEmail: ContactDetailRecord | null = null
    if (ctx.rng.chance(0.2)) {
      jointEmail = ctx.contacts.add(firm.uuid, 'email', 'Joint email', ctx.contacts.email(`the.${asciiLower(surname)}s`, 'example.co.uk'), [first, partner], [], household.createdAt)
    }
    let trust = false
    for (let extra = 2; extra < size; extra++) {
      if (jointAccountUuid === null && ctx.rng.chance(0.35)) {
        const joint = addClient(ctx, firm, household, { role: 'joint', firstName: `${first.firstName} & ${partner.firstName}`, lastName: surname })
        jointAccountUuid = joint.uuid
        // The couple's joint email, if they have one, belongs to the joint account too.
        if (jointEmail) {
          ctx.world.setContactDetailOwners(jointEmail, [...jointEmail.ownerUuids, joint.uuid])
          jointEmail.primaryUuids.add(joint.uuid)
        } else {
          const local = `${asciiLower(first.firstName ?? '')}.and.${asciiLower(partner.firstName ?? '')}`
          ctx.contacts.add(firm.uuid, 'email', 'Joint email', ctx.contacts.email(local, 'example.co.uk'), [joint], [joint], joint.createdAt)
        }
        members.push(joint)
      } else if (!trust && ctx.rng.chance(0.1)) {
        trust = true
        members.push(addTrust(ctx, firm, household, surname))
      } else {
        members.push(addPerson(ctx, firm, household, surname, ctx.rng.chance(0.5), true))
      }
    }
    const r = ctx.rng.next()
    name = r < 0.6 ? `${surname} Family` : r < 0.9 ? `${surname} Household` : `${first.firstName} & ${partner.firstName} ${surname}`
  }

  const circleGroups = ctx.rng.sample(groups, ctx.rng.chance(0.3) ? 0 : ctx.rng.int(1, 3))
  const createdAt = Math.min(...members.map((m) => m.createdAt)) + ctx.rng.int(0, 3) * DAY
  const circle: CircleRecord = {
    uuid: ctx.rng.uuid(), firmUuid: firm.uuid, name, createdAt: Math.min(createdAt, ctx.anchor), updatedAt: ctx.between(createdAt, ctx.anchor),
    bgColour: ctx.rng.pick(BG_COLOURS), accountUuids: members.map((m) => m.uuid), groupUuids: circleGroups.map((g) => g.uuid),
    jointAccountUuid, externalReferences: ctx.rng.chance(0.6) ? [externalReference(ctx, createdAt)] : [],
  }
  for (const member of members) {
    member.groupUuids = circle.groupUuids.slice()
    if (member.uuid === jointAccountUuid) member.jointCircleUuid = circle.uuid
  }
  for (const group of circleGroups) group.participantsCount += members.length
  ctx.world.addCircle(circle)
  return circle
}
