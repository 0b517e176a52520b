/**
 * Client accounts of every kind (people, businesses, trusts, joint accounts), each with the staff
 * assignments, review dates and contact details of the household they belong to.
 */
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES, TOWNS, TRADES } from '../names'
import { slugify } from '../text'
import { DAY, HOUR } from '../time'
import type { AccountRecord, FirmRecord } from '../world'
import { baseAccount, externalReference } from './accounts'
import { asciiLower } from './contacts'
import type { GenerationContext } from './context'
import type { Staff } from './roster'

/** What the members of one household share: their team and when they became clients. */
export interface Household {
  adviser: AccountRecord | null
  paraplanner: AccountRecord | null
  administrator: AccountRecord | null
  createdAt: number
  /** First names already used in the household: no family names two of its people alike. */
  firstNames: Set<string>
}

export function newHousehold(ctx: GenerationContext, staff: Staff): Household {
  const adviser = ctx.rng.chance(0.45) ? staff.lead : ctx.rng.pick(staff.advisers)
  return {
    adviser,
    paraplanner: staff.paraplanners.length ? ctx.rng.pick(staff.paraplanners) : null,
    administrator: staff.administrators.length ? ctx.rng.pick(staff.administrators) : null,
    createdAt: ctx.daysAgo(60, 2400),
    firstNames: new Set(),
  }
}

export function addClient(ctx: GenerationContext, firm: FirmRecord, household: Household, fields: Partial<AccountRecord>): AccountRecord {
  const account = baseAccount(ctx, firm.uuid, ctx.between(household.createdAt, household.createdAt + 20 * DAY))
  Object.assign(account, fields)
  account.withLogin = ctx.rng.chance(0.65)
  account.assignedAdviserUuid = household.adviser?.uuid ?? null
  account.assignedParaplannerUuid = household.paraplanner?.uuid ?? null
  account.assignedAdministratorUuid = household.administrator?.uuid ?? null
  const next = ctx.anchor + ctx.rng.int(-30, 330) * DAY + ctx.rng.int(9, 16) * HOUR
  account.nextReviewAt = next
  account.previousReviewAt = next - 365 * DAY > account.createdAt ? next - 365 * DAY : null
  if (account.role === 'individual' && ctx.rng.chance(0.4)) account.externalReferences = [externalReference(ctx, account.createdAt)]
  ctx.world.addAccount(account)
  return account
}

export function addBusiness(ctx: GenerationContext, firm: FirmRecord, household: Household, surname: string): AccountRecord {
  const base = ctx.rng.chance(0.5) ? surname : ctx.rng.pick(TOWNS)
  const entityName = `${base} ${ctx.rng.pick(TRADES)}`
  const account = addClient(ctx, firm, household, { role: 'business', entityName })
  ctx.contacts.add(firm.uuid, 'email', 'Office', ctx.contacts.email('office', `${slugify(entityName)}.example.com`), [account], [account], account.createdAt)
  ctx.contacts.add(firm.uuid, 'phone_number', 'Office', ctx.contacts.landline(), [account], [account], account.createdAt)
  return account
}

export function addTrust(ctx: GenerationContext, firm: FirmRecord, household: Household, surname: string): AccountRecord {
  const account = addClient(ctx, firm, household, { role: 'trust', entityName: `${surname} Family Trust` })
  ctx.contacts.add(firm.uuid, 'email', 'Trustees', ctx.contacts.email(`trustees.${asciiLower(surname)}`, 'example.org'), [account], [account], account.createdAt)
  return account
}

/** Children get contact details only sometimes, and never a mobile. */
export function addPerson(
  ctx: GenerationContext, firm: FirmRecord, household: Household, surname: string, female: boolean, child = false,
): AccountRecord {
  const names = female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES
  let firstName = ctx.rng.pick(names)
  // Bounded: a clash is rare and the lists are long, so a few draws always find a free name in practice.
  for (let tries = 0; household.firstNames.has(firstName) && tries < 8; tries++) firstName = ctx.rng.pick(names)
  household.firstNames.add(firstName)
  const account = addClient(ctx, firm, household, { role: 'individual', firstName, lastName: surname })
  if (child) {
    ctx.children.add(account.uuid)
    if (ctx.rng.chance(0.5)) ctx.contacts.addPersonal(account, account.createdAt, false)
  } else {
    ctx.contacts.addPersonal(account, account.createdAt, ctx.rng.chance(0.9))
  }
  return account
}
