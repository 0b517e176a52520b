/**
 * Builds the demo world from a seed: the fixed cast (fixed.ts) plus a generated client book for
 * Harbour & Vale (scaled by size) and a small one for Northgate. Every random choice comes from one
 * seeded stream in a fixed order, so a seed and an anchor always give the same world.
 */
import { SANDBOX_TOKENS } from '../tokens'
import {
  CLIENT_LOGIN, CONNECTIONS, EMPLOYEES, FIRMS, NORTHGATE_BOOK, USERS,
  type BookSize, type FirmKey, type FixedEmployee, type Job,
} from './fixed'
import {
  BG_COLOURS, CIRCLE_GROUPS, CONVERSATION_TAGS, FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, TOWNS, TRADES,
} from './names'
import { parsePhone, type PhoneNumber } from './phone'
import { Prng, deriveSeed } from './prng'
import { FOLLOW_UPS, PROVIDERS, TOPICS, type Topic } from './scripts'
import { slugify } from './text'
import { DAY, HOUR, MINUTE } from './time'
import {
  World,
  type AccountRecord, type CaseRecord, type CircleRecord, type ContactDetailRecord, type ExternalReferenceRecord,
  type FileRecord, type FirmRecord, type GroupRecord, type MessageRecord, type TagRecord,
} from './world'

export interface GenerateOptions {
  seed: number
  size: BookSize
  /** The instant the generated history leads up to. */
  anchor: number
}

const MOBILE_PREFIX = '07700900'
/** Ofcom's ranges reserved for drama: believable, and never a real person's number. */
const LANDLINE_PREFIXES = [
  '02079460', '01614960', '01314960', '01134960', '01144960', '01154960', '01164960', '01174960',
  '01184960', '01214960', '01414960', '01514960', '01914980', '02920180', '02896496', '01632960',
] as const

const ADVISER_FILES = ['Suitability report.pdf', 'Annual review pack.pdf', 'Cashflow forecast.pdf', 'Illustration.pdf', 'Fee agreement.pdf'] as const
const CLIENT_FILES = ['Passport.jpg', 'P60 2024-25.pdf', 'Payslip March.pdf', 'Pension statement.pdf', 'Council tax bill.pdf'] as const

function ascii(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole)
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n))
}

interface Household {
  adviser: AccountRecord | null
  paraplanner: AccountRecord | null
  administrator: AccountRecord | null
  createdAt: number
}

class Generator {
  private readonly firmByKey = new Map<FirmKey, FirmRecord>()
  private readonly employeeById = new Map<string, AccountRecord>()
  private readonly jobByAccount = new Map<string, Job>()
  private readonly children = new Set<string>()
  private readonly usedEmails = new Set<string>()
  private readonly phoneCounters = new Map<string, number>()
  private readonly phones = new Map<string, PhoneNumber>()
  private readonly digitOrder: number[]

  constructor(
    private readonly world: World,
    private readonly rng: Prng,
    private readonly anchor: number,
  ) {
    this.digitOrder = rng.permutation(1000)
  }

  run(size: BookSize): void {
    for (const firm of FIRMS) this.firm(firm.key, firm.name, firm.brandColour)
    for (const employee of EMPLOYEES) this.employee(employee)
    this.users()
    this.book('harbour', size, 'sophie', 0.25)
    // The preferred user signs straight in to Northgate: give their account there a fuller inbox.
    this.book('northgate', NORTHGATE_BOOK, 'callum', 0.6)
    this.connections()
  }

  // ── time ────────────────────────────────────────────────────────────────────

  private daysAgo(min: number, max: number): number {
    return this.anchor - this.rng.int(min, max) * DAY - this.rng.int(0, DAY / MINUTE - 1) * MINUTE
  }

  private between(from: number, to: number): number {
    return from + Math.floor(this.rng.next() * Math.max(0, to - from))
  }

  // ── firms and staff ────────────────────────────────────────────────────────

  private firm(key: FirmKey, name: string, brandColour: string): void {
    const firm: FirmRecord = { uuid: this.rng.uuid(), name, slug: slugify(name), brandColour, createdAt: this.daysAgo(1500, 3000) }
    this.firmByKey.set(key, firm)
    this.world.addFirm(firm)
  }

  private firmOf(key: FirmKey): FirmRecord {
    const firm = this.firmByKey.get(key)
    if (!firm) throw new Error(`unknown firm ${key}`)
    return firm
  }

  private staff(id: string): AccountRecord {
    const account = this.employeeById.get(id)
    if (!account) throw new Error(`unknown employee ${id}`)
    return account
  }

  private baseAccount(firmUuid: string, createdAt: number): AccountRecord {
    return {
      uuid: this.rng.uuid(), firmUuid, userUuid: this.rng.uuid(), type: 'client', role: 'individual',
      firstName: null, lastName: null, entityName: null,
      createdAt, updatedAt: this.between(createdAt, this.anchor), withLogin: false, adviserKey: null,
      assignedAdviserUuid: null, assignedParaplannerUuid: null, assignedAdministratorUuid: null,
      nextReviewAt: null, previousReviewAt: null, tagUuids: [], groupUuids: [], externalReferences: [], jointCircleUuid: null,
    }
  }

  private employee(spec: FixedEmployee): void {
    const firm = this.firmOf(spec.firm)
    const domain = FIRMS.find((f) => f.key === spec.firm)?.domain ?? 'example.com'
    const account = this.baseAccount(firm.uuid, this.daysAgo(400, 2800))
    Object.assign(account, {
      type: 'employee', role: spec.role, firstName: spec.firstName, lastName: spec.lastName, withLogin: true, adviserKey: spec.adviserKey ?? null,
    })
    this.employeeById.set(spec.id, account)
    this.jobByAccount.set(account.uuid, spec.job)
    this.world.addAccount(account)
    // Staff have work contact details too; the v2 contact-details list shows only clients' (see routes).
    const email = this.email(`${ascii(spec.firstName)}.${ascii(spec.lastName)}`, domain)
    this.contact(firm.uuid, 'email', 'Work email', email, [account], [account], account.createdAt)
    this.contact(firm.uuid, 'phone_number', 'Work phone', this.landline(), [account], [account], account.createdAt)
  }

  private users(): void {
    for (const spec of USERS) {
      const userUuid = this.rng.uuid()
      const accounts = EMPLOYEES.filter((e) => e.user === spec.key).map((e) => this.staff(e.id))
      if (CLIENT_LOGIN.user === spec.key) {
        const client = this.baseAccount(this.firmOf(CLIENT_LOGIN.firm).uuid, this.daysAgo(200, 900))
        Object.assign(client, { firstName: CLIENT_LOGIN.firstName, lastName: CLIENT_LOGIN.lastName, withLogin: true, assignedAdviserUuid: this.staff('eleanor').uuid })
        this.world.addAccount(client)
        this.personalContacts(client, client.createdAt, true)
        accounts.push(client)
      }
      const createdAt = Math.min(...accounts.map((a) => a.createdAt))
      for (const account of accounts) account.userUuid = userUuid
      this.world.addUser({
        uuid: userUuid, token: SANDBOX_TOKENS[spec.key], firstName: spec.firstName, lastName: spec.lastName, email: spec.email, createdAt,
        logins: accounts.map((account, index) => ({
          uuid: this.rng.uuid(), accountUuid: account.uuid, createdAt: account.createdAt,
          hasWritePermission: true, hasDeletePermission: account.type === 'employee' && account.role !== 'member', primary: index === 0,
        })),
        preferredAccountUuid: spec.preferred ? this.staff(spec.preferred).uuid : null,
      })
    }
  }

  private connections(): void {
    for (const spec of CONNECTIONS) {
      const sender = this.staff(spec.from)
      const recipient = this.staff(spec.to)
      const createdAt = this.anchor - spec.daysAgo * DAY + this.rng.int(8 * 60, 17 * 60) * MINUTE - DAY
      const expiresAt = createdAt + 30 * DAY
      const updatedAt = spec.answeredAfterDays !== undefined
        ? createdAt + spec.answeredAfterDays * DAY + this.rng.int(0, 8 * 60) * MINUTE
        : spec.status === 'expired' ? expiresAt : createdAt
      this.world.addConnection({
        uuid: this.rng.uuid(), senderFirmUuid: sender.firmUuid, recipientFirmUuid: recipient.firmUuid,
        senderAccountUuid: sender.uuid, recipientAccountUuid: recipient.uuid, status: spec.status, createdAt, updatedAt, expiresAt,
      })
    }
  }

  // ── contact details ────────────────────────────────────────────────────────

  private nextDigits(key: string): string {
    const count = this.phoneCounters.get(key) ?? 0
    this.phoneCounters.set(key, count + 1)
    const offset = key.length * 37 + key.charCodeAt(key.length - 1)
    return String(this.digitOrder[(count + offset) % 1000]).padStart(3, '0')
  }

  private mobile(): PhoneNumber {
    return this.phone(MOBILE_PREFIX + this.nextDigits(MOBILE_PREFIX))
  }

  private landline(): PhoneNumber {
    const prefix = this.rng.pick(LANDLINE_PREFIXES)
    return this.phone(prefix + this.nextDigits(prefix))
  }

  /** Numbers repeat across a large book (the reserved ranges are small): parse each once. */
  private phone(national: string): PhoneNumber {
    let parsed = this.phones.get(national)
    if (!parsed) {
      const fresh = parsePhone(national)
      if (!fresh) throw new Error(`generated an invalid number ${national}`)
      parsed = fresh
      this.phones.set(national, parsed)
    }
    return parsed
  }

  private email(local: string, domain: string): string {
    let candidate = `${local}@${domain}`
    for (let n = 2; this.usedEmails.has(candidate); n++) candidate = `${local}${n}@${domain}`
    this.usedEmails.add(candidate)
    return candidate
  }

  private personalDomain(): string {
    const r = this.rng.next()
    return r < 0.6 ? 'example.co.uk' : r < 0.85 ? 'example.com' : 'example.org'
  }

  private contact(
    firmUuid: string, type: 'email' | 'phone_number', name: string, value: string | PhoneNumber,
    owners: AccountRecord[], primaries: AccountRecord[], createdAt: number,
  ): ContactDetailRecord {
    const detail: ContactDetailRecord = {
      uuid: this.rng.uuid(), firmUuid, type, name,
      value: typeof value === 'string' ? value : value.value,
      meta: typeof value === 'string' ? null : value.meta,
      ownerUuids: owners.map((o) => o.uuid), primaryUuids: new Set(primaries.map((p) => p.uuid)),
      createdAt, updatedAt: this.between(createdAt, this.anchor),
    }
    this.world.addContactDetail(detail)
    return detail
  }

  /** A person's own email and mobile (both primary), sometimes a work email. */
  private personalContacts(person: AccountRecord, createdAt: number, withMobile: boolean): void {
    const local = `${ascii(person.firstName ?? 'client')}.${ascii(person.lastName ?? 'client')}`
    this.contact(person.firmUuid, 'email', 'Personal email', this.email(local, this.personalDomain()), [person], [person], createdAt)
    if (withMobile) this.contact(person.firmUuid, 'phone_number', 'Mobile', this.mobile(), [person], [person], createdAt)
    if (this.rng.chance(0.2)) {
      this.contact(person.firmUuid, 'email', 'Work email', this.email(local, 'work.example.com'), [person], [], this.between(createdAt, this.anchor))
    }
  }

  // ── clients and circles ────────────────────────────────────────────────────

  private client(firm: FirmRecord, household: Household, fields: Partial<AccountRecord>): AccountRecord {
    const account = this.baseAccount(firm.uuid, this.between(household.createdAt, household.createdAt + 20 * DAY))
    Object.assign(account, fields)
    account.withLogin = this.rng.chance(0.65)
    account.assignedAdviserUuid = household.adviser?.uuid ?? null
    account.assignedParaplannerUuid = household.paraplanner?.uuid ?? null
    account.assignedAdministratorUuid = household.administrator?.uuid ?? null
    const next = this.anchor + this.rng.int(-30, 330) * DAY + this.rng.int(9, 16) * HOUR
    account.nextReviewAt = next
    account.previousReviewAt = next - 365 * DAY > account.createdAt ? next - 365 * DAY : null
    if (account.role === 'individual' && this.rng.chance(0.4)) account.externalReferences = [this.externalReference(account.createdAt)]
    this.world.addAccount(account)
    return account
  }

  private externalReference(createdAt: number): ExternalReferenceRecord {
    const at = this.between(createdAt, this.anchor)
    return { uuid: this.rng.uuid(), reference: `NU${this.rng.int(100000, 999999)}`, thirdParty: 'nucleus', createdAt: at, updatedAt: at }
  }

  private firstName(female: boolean): string {
    return female ? this.rng.pick(FEMALE_FIRST_NAMES) : this.rng.pick(MALE_FIRST_NAMES)
  }

  private newHousehold(staff: Staff): Household {
    const adviser = this.rng.chance(0.45) ? staff.lead : this.rng.pick(staff.advisers)
    return {
      adviser,
      paraplanner: staff.paraplanners.length ? this.rng.pick(staff.paraplanners) : null,
      administrator: staff.administrators.length ? this.rng.pick(staff.administrators) : null,
      createdAt: this.daysAgo(60, 2400),
    }
  }

  private business(firm: FirmRecord, household: Household, surname: string): AccountRecord {
    const base = this.rng.chance(0.5) ? surname : this.rng.pick(TOWNS)
    const entityName = `${base} ${this.rng.pick(TRADES)}`
    const account = this.client(firm, household, { role: 'business', entityName })
    this.contact(firm.uuid, 'email', 'Office', this.email('office', `${slugify(entityName)}.example.com`), [account], [account], account.createdAt)
    this.contact(firm.uuid, 'phone_number', 'Office', this.landline(), [account], [account], account.createdAt)
    return account
  }

  private trust(firm: FirmRecord, household: Household, surname: string): AccountRecord {
    const account = this.client(firm, household, { role: 'trust', entityName: `${surname} Family Trust` })
    this.contact(firm.uuid, 'email', 'Trustees', this.email(`trustees.${ascii(surname)}`, 'example.org'), [account], [account], account.createdAt)
    return account
  }

  private person(firm: FirmRecord, household: Household, surname: string, female: boolean, child = false): AccountRecord {
    const account = this.client(firm, household, { role: 'individual', firstName: this.firstName(female), lastName: surname })
    if (child) {
      this.children.add(account.uuid)
      if (this.rng.chance(0.5)) this.personalContacts(account, account.createdAt, false)
    } else {
      this.personalContacts(account, account.createdAt, this.rng.chance(0.9))
    }
    return account
  }

  private household(firm: FirmRecord, staff: Staff, size: number, groups: GroupRecord[]): CircleRecord {
    const household = this.newHousehold(staff)
    const surname = this.rng.pick(LAST_NAMES)
    const members: AccountRecord[] = []
    let jointAccountUuid: string | null = null
    let name: string

    if (size === 1) {
      const r = this.rng.next()
      const member = r < 0.1 ? this.business(firm, household, surname) : r < 0.15 ? this.trust(firm, household, surname) : this.person(firm, household, surname, this.rng.chance(0.5))
      members.push(member)
      name = member.entityName ?? `${surname} Household`
    } else {
      const firstFemale = this.rng.chance(0.5)
      const first = this.person(firm, household, surname, firstFemale)
      const partnerSurname = this.rng.chance(0.8) ? surname : this.rng.pick(LAST_NAMES)
      const partner = this.person(firm, household, partnerSurname, this.rng.chance(0.9) ? !firstFemale : firstFemale)
      members.push(first, partner)
      if (this.rng.chance(0.5)) {
        const home = this.landline()
        this.contact(firm.uuid, 'phone_number', 'Home', home, [first, partner], [], this.between(household.createdAt, this.anchor))
      }
      let jointEmail: ContactDetailRecord | null = null
      if (this.rng.chance(0.2)) {
        jointEmail = this.contact(firm.uuid, 'email', 'Joint email', this.email(`the.${ascii(surname)}s`, 'example.co.uk'), [first, partner], [], household.createdAt)
      }
      let trust = false
      for (let extra = 2; extra < size; extra++) {
        if (jointAccountUuid === null && this.rng.chance(0.35)) {
          const joint = this.client(firm, household, { role: 'joint', firstName: `${first.firstName} & ${partner.firstName}`, lastName: surname })
          jointAccountUuid = joint.uuid
          if (jointEmail) {
            this.world.setContactDetailOwners(jointEmail, [...jointEmail.ownerUuids, joint.uuid])
            jointEmail.primaryUuids.add(joint.uuid)
          } else {
            this.contact(firm.uuid, 'email', 'Joint email', this.email(`${ascii(first.firstName ?? '')}.and.${ascii(partner.firstName ?? '')}`, 'example.co.uk'), [joint], [joint], joint.createdAt)
          }
          members.push(joint)
        } else if (!trust && this.rng.chance(0.1)) {
          trust = true
          members.push(this.trust(firm, household, surname))
        } else {
          members.push(this.person(firm, household, surname, this.rng.chance(0.5), true))
        }
      }
      const r = this.rng.next()
      name = r < 0.6 ? `${surname} Family` : r < 0.9 ? `${surname} Household` : `${first.firstName} & ${partner.firstName} ${surname}`
    }

    const circleGroups = this.rng.sample(groups, this.rng.chance(0.3) ? 0 : this.rng.int(1, 3))
    const createdAt = Math.min(...members.map((m) => m.createdAt)) + this.rng.int(0, 3) * DAY
    const circle: CircleRecord = {
      uuid: this.rng.uuid(), firmUuid: firm.uuid, name, createdAt: Math.min(createdAt, this.anchor), updatedAt: this.between(createdAt, this.anchor),
      bgColour: this.rng.pick(BG_COLOURS), accountUuids: members.map((m) => m.uuid), groupUuids: circleGroups.map((g) => g.uuid),
      jointAccountUuid, externalReferences: this.rng.chance(0.6) ? [this.externalReference(createdAt)] : [],
    }
    for (const member of members) {
      member.groupUuids = circle.groupUuids.slice()
      if (member.uuid === jointAccountUuid) member.jointCircleUuid = circle.uuid
    }
    for (const group of circleGroups) group.participantsCount += members.length
    this.world.addCircle(circle)
    return circle
  }

  private book(firmKey: FirmKey, size: BookSize, leadId: string, demoUserShare: number): void {
    const firm = this.firmOf(firmKey)
    const employees = (this.world.accountsByFirm.get(firm.uuid) ?? []).filter((a) => a.type === 'employee')
    const byJob = (job: Job) => employees.filter((e) => this.jobByAccount.get(e.uuid) === job)
    const staff: Staff = {
      lead: this.staff(leadId), advisers: byJob('adviser'), paraplanners: byJob('paraplanner'), administrators: byJob('administrator'), all: employees,
    }

    const groups = CIRCLE_GROUPS.map((g): GroupRecord => {
      const at = this.daysAgo(700, 1400)
      return { uuid: this.rng.uuid(), firmUuid: firm.uuid, name: g.name, slug: slugify(g.name), createdAt: at, updatedAt: at, participantsCount: 0 }
    })
    groups.forEach((g) => this.world.addGroup(g))
    const tags = CONVERSATION_TAGS.map((t): TagRecord => {
      const at = this.daysAgo(700, 1400)
      return { uuid: this.rng.uuid(), firmUuid: firm.uuid, name: t.name, slug: slugify(t.name), colour: t.colour, createdAt: at, updatedAt: at }
    })
    tags.forEach((t) => this.world.addTag(t))

    const circleCount = Math.min(size.circles, size.clients)
    const ratio = size.clients / Math.max(1, circleCount)
    let budget = clamp(Math.round(circleCount * Math.min(4, Math.max(1, ratio * 0.85))), circleCount, size.clients)
    let standalone = size.clients - budget
    const circles: CircleRecord[] = []
    for (let i = 0; i < circleCount; i++) {
      const left = circleCount - i
      const max = clamp(budget - (left - 1), 1, 5)
      const members = clamp(Math.round(budget / left + (this.rng.next() - 0.5) * 2.5), 1, max)
      budget -= members
      circles.push(this.household(firm, staff, members, groups))
    }
    standalone += budget
    for (let i = 0; i < standalone; i++) {
      const household = this.newHousehold(staff)
      const surname = this.rng.pick(LAST_NAMES)
      const r = this.rng.next()
      if (r < 0.05) this.business(firm, household, surname)
      else this.person(firm, household, surname, this.rng.chance(0.5))
    }

    for (let i = 0; i < size.conversations && circles.length > 0; i++) this.conversation(firm, staff, circles, tags, i, size.conversations, demoUserShare)
  }

  // ── conversations ──────────────────────────────────────────────────────────

  private taxYear(): string {
    const date = new Date(this.anchor)
    const year = date.getUTCFullYear()
    const start = date.getUTCMonth() > 3 || (date.getUTCMonth() === 3 && date.getUTCDate() >= 6) ? year : year - 1
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`
  }

  private caseFor(firm: FirmRecord, topic: Topic, surname: string, createdAt: number, staff: AccountRecord): CaseRecord | null {
    if (!topic.caseName || !this.rng.chance(0.7)) return null
    const name = `${topic.caseName} – ${surname}`
    const pennies =
      topic.caseName === 'Remortgage' ? this.rng.int(1200, 6500) * 10_000
        : topic.caseName === 'Pension transfer' ? this.rng.int(500, 4500) * 10_000
          : this.rng.int(300, 900) * 100
    const completed = this.rng.chance(0.35)
    const record: CaseRecord = {
      uuid: this.rng.uuid(), firmUuid: firm.uuid, name, slug: slugify(name), status: completed ? 'Completed' : 'In progress',
      reviewAt: createdAt + 30 * DAY, completedAt: completed ? this.between(createdAt, this.anchor) : null,
      valuePennies: pennies, assignedToUuids: [staff.uuid], createdAt, updatedAt: this.between(createdAt, this.anchor),
    }
    this.world.addCase(record)
    return record
  }

  private file(name: string, at: number): FileRecord {
    const extension = name.split('.').pop() ?? 'pdf'
    return {
      uuid: this.rng.uuid(), name: name.replace(/\.[^.]+$/, ''), filename: name, extension,
      mime: extension === 'jpg' ? 'image/jpeg' : 'application/pdf', size: this.rng.int(40_000, 2_400_000), createdAt: at,
    }
  }

  private conversation(
    firm: FirmRecord, staff: Staff, circles: CircleRecord[], tags: TagRecord[], index: number, total: number, demoUserShare: number,
  ): void {
    let clients: AccountRecord[] = []
    for (let attempt = 0; attempt < 12 && clients.length === 0; attempt++) {
      const circle = this.rng.pick(circles)
      const adults = circle.accountUuids
        .map((uuid) => this.world.accounts.get(uuid))
        .filter((a): a is AccountRecord => a !== undefined && a.role === 'individual' && !this.children.has(a.uuid))
      clients = this.rng.sample(adults, this.rng.chance(0.5) ? 2 : 1)
    }
    if (clients.length === 0) return
    const lead = index < 3 || this.rng.chance(0.75) ? staff.lead : this.rng.pick(staff.advisers)
    const others = staff.all.filter((e) => e !== lead && this.jobByAccount.get(e.uuid) !== 'adviser')
    const helper = others.length && this.rng.chance(0.35) ? this.rng.pick(others) : null
    const employees = [lead, ...(helper ? [helper] : [])]
    // The demo users' other accounts take part in some threads, so switching accounts shows data.
    for (const employee of staff.all) {
      if (!employees.includes(employee) && this.world.usersByToken.size && this.isDemoUser(employee) && this.rng.chance(demoUserShare)) employees.push(employee)
    }

    const topic = this.rng.pick(TOPICS)
    const client = clients[0] as AccountRecord
    const vars = { client: client.firstName ?? '', adviser: lead.firstName ?? '', provider: this.rng.pick(PROVIDERS), taxYear: this.taxYear() }
    const name = fill(topic.title, vars)
    const count = clamp(this.rng.int(3, topic.lines.length + 4), 3, 24)
    const recent = index < Math.max(2, Math.round(total * 0.2))
    const times: number[] = new Array<number>(count)
    times[count - 1] = recent ? this.anchor - this.rng.int(1, 72 * 60) * MINUTE : this.daysAgo(3, 160)
    for (let k = count - 2; k >= 0; k--) times[k] = (times[k + 1] as number) - this.rng.int(15, 48 * 60) * MINUTE
    // People write in the daytime: move night-time messages into office hours, keeping the order.
    for (let k = 0; k < count; k++) {
      let at = this.daytime(times[k] as number)
      if (k > 0 && at <= (times[k - 1] as number)) at = (times[k - 1] as number) + this.rng.int(2, 30) * MINUTE
      times[k] = Math.min(at, this.anchor - MINUTE)
    }
    const createdAt = (times[0] as number) - this.rng.int(1, 30) * MINUTE
    const uuid = this.rng.uuid()

    const messages: MessageRecord[] = []
    for (let k = 0; k < count; k++) {
      const line = k < topic.lines.length ? topic.lines[k] : FOLLOW_UPS[(k - topic.lines.length) % FOLLOW_UPS.length]
      if (!line) continue
      const at = times[k] as number
      const author = line.by === 'a' ? (helper && this.rng.chance(0.15) ? helper : lead) : this.rng.pick(clients)
      const fileChance = line.by === 'a' ? 0.08 : 0.06
      const files = this.rng.chance(fileChance) ? [this.file(this.rng.pick(line.by === 'a' ? ADVISER_FILES : CLIENT_FILES), at)] : []
      const edited = this.rng.chance(0.04)
      messages.push({
        uuid: this.rng.uuid(), conversationUuid: uuid, authorUuid: author.uuid, contents: fill(line.text, vars), edited, files,
        createdAt: at, updatedAt: edited ? at + this.rng.int(1, 20) * MINUTE : at,
      })
    }

    const caseRecord = this.caseFor(firm, topic, client.lastName ?? '', createdAt, lead)
    const tagUuids = tags.filter((t) => t.name === topic.tag || (t.name === 'Urgent' && this.rng.chance(0.15))).map((t) => t.uuid)
    const pinned = index === 1 || this.rng.chance(0.1)
    const archived = !pinned && (index === total - 1 || this.rng.chance(0.1))
    const last = messages[messages.length - 1]
    this.world.addConversation({
      uuid, firmUuid: firm.uuid, name, slug: slugify(name), caseUuid: caseRecord?.uuid ?? null, tagUuids,
      participantUuids: [...employees.map((e) => e.uuid), ...clients.map((c) => c.uuid)],
      adminUuids: new Set([lead.uuid]),
      pinnedBy: new Set(pinned ? [lead.uuid] : []),
      archivedBy: new Set(archived ? [lead.uuid] : []),
      messages, createdAt, updatedAt: last ? Math.max(last.updatedAt, createdAt) : createdAt,
    })
  }

  private daytime(ms: number): number {
    const hour = new Date(ms).getUTCHours()
    if (hour < 8) return ms + (8 - hour) * HOUR + this.rng.int(0, 90) * MINUTE
    if (hour >= 21) return ms - (hour - 19) * HOUR - this.rng.int(0, 60) * MINUTE
    return ms
  }

  private isDemoUser(account: AccountRecord): boolean {
    for (const user of this.world.usersByToken.values()) if (user.uuid === account.userUuid) return true
    return false
  }
}

interface Staff {
  lead: AccountRecord
  advisers: AccountRecord[]
  paraplanners: AccountRecord[]
  administrators: AccountRecord[]
  all: AccountRecord[]
}

export function generateWorld(options: GenerateOptions): World {
  const world = new World(options.anchor)
  new Generator(world, new Prng(deriveSeed(options.seed, 'world')), options.anchor).run(options.size)
  return world
}
