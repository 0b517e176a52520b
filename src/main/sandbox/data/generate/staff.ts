/** The fixed cast: firms, their employees (with work contact details) and the demo users' logins. */
import { SANDBOX_TOKENS } from '../../tokens'
import { CLIENT_LOGIN, DELEGATE, EMPLOYEES, FIRMS, USERS, type FirmKey, type FixedEmployee } from '../fixed'
import { slugify } from '../text'
import type { FirmRecord } from '../world'
import { baseAccount } from './accounts'
import { asciiLower } from './contacts'
import type { GenerationContext } from './context'

export function addFirm(ctx: GenerationContext, key: FirmKey, name: string, brandColour: string): void {
  const firm: FirmRecord = { uuid: ctx.rng.uuid(), name, slug: slugify(name), brandColour, createdAt: ctx.daysAgo(1500, 3000) }
  ctx.firmByKey.set(key, firm)
  ctx.world.addFirm(firm)
}

export function addEmployee(ctx: GenerationContext, spec: FixedEmployee): void {
  const firm = ctx.firmOf(spec.firm)
  const domain = FIRMS.find((f) => f.key === spec.firm)?.domain ?? 'example.com'
  const account = baseAccount(ctx, firm.uuid, ctx.daysAgo(400, 2800))
  Object.assign(account, {
    type: 'employee', role: spec.role, firstName: spec.firstName, lastName: spec.lastName, withLogin: true, adviserKey: spec.adviserKey ?? null,
  })
  ctx.employeeById.set(spec.id, account)
  ctx.jobByAccount.set(account.uuid, spec.job)
  ctx.world.addAccount(account)
  // Staff have work contact details too; the v2 contact-details list shows only clients' (see routes).
  const email = ctx.contacts.email(`${asciiLower(spec.firstName)}.${asciiLower(spec.lastName)}`, domain)
  ctx.contacts.add(firm.uuid, 'email', 'Work email', email, [account], [account], account.createdAt)
  ctx.contacts.add(firm.uuid, 'phone_number', 'Work phone', ctx.contacts.landline(), [account], [account], account.createdAt)
}

/** Each demo user signs in to their employee accounts (and, for one, a client account) with one token. */
export function addUsers(ctx: GenerationContext): void {
  for (const spec of USERS) {
    const userUuid = ctx.rng.uuid()
    const accounts = EMPLOYEES.filter((e) => e.user === spec.key).map((e) => ctx.staff(e.id))
    if (CLIENT_LOGIN.user === spec.key) {
      const client = baseAccount(ctx, ctx.firmOf(CLIENT_LOGIN.firm).uuid, ctx.daysAgo(200, 900))
      Object.assign(client, { firstName: CLIENT_LOGIN.firstName, lastName: CLIENT_LOGIN.lastName, withLogin: true, assignedAdviserUuid: ctx.staff('eleanor').uuid })
      ctx.world.addAccount(client)
      ctx.contacts.addPersonal(client, client.createdAt, true)
      accounts.push(client)
    }
    const createdAt = Math.min(...accounts.map((a) => a.createdAt))
    for (const account of accounts) account.userUuid = userUuid
    ctx.world.addUser({
      uuid: userUuid, token: SANDBOX_TOKENS[spec.key], firstName: spec.firstName, lastName: spec.lastName, email: spec.email, createdAt,
      logins: accounts.map((account, index) => ({
        uuid: ctx.rng.uuid(), accountUuid: account.uuid, createdAt: account.createdAt,
        hasWritePermission: true, hasDeletePermission: account.type === 'employee' && account.role !== 'member', primary: index === 0,
      })),
      preferredAccountUuid: spec.preferred ? ctx.staff(spec.preferred).uuid : null,
    })
  }
}

/** A user whose only login is to another person's account: the account's own user stays its owner. */
export function addDelegate(ctx: GenerationContext): void {
  const account = ctx.staff(DELEGATE.actsFor)
  ctx.world.addUser({
    uuid: ctx.rng.uuid(), token: SANDBOX_TOKENS[DELEGATE.key], firstName: DELEGATE.firstName, lastName: DELEGATE.lastName, email: DELEGATE.email,
    createdAt: account.createdAt,
    logins: [{ uuid: ctx.rng.uuid(), accountUuid: account.uuid, createdAt: account.createdAt, hasWritePermission: true, hasDeletePermission: false, primary: true }],
    preferredAccountUuid: null,
  })
}
