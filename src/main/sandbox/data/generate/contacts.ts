/**
 * Email addresses and UK phone numbers for generated people and firms, and the contact-detail records
 * that carry them. Numbers come from Ofcom's drama ranges, so they look real but reach no one.
 */
import { parsePhone, type PhoneNumber } from '../phone'
import type { Prng } from '../prng'
import type { AccountRecord, ContactDetailRecord, World } from '../world'

/** What contact generation needs from the generation context (which owns a ContactDetails, not the reverse). */
export interface ContactsContext {
  readonly world: World
  readonly rng: Prng
  readonly anchor: number
  between(from: number, to: number): number
}

const MOBILE_PREFIX = '07700900'
/** Ofcom's ranges reserved for drama: believable, and never a real person's number. */
const LANDLINE_PREFIXES = [
  '02079460', '01614960', '01314960', '01134960', '01144960', '01154960', '01164960', '01174960',
  '01184960', '01214960', '01414960', '01514960', '01914980', '02920180', '02896496', '01632960',
] as const

/** A name reduced to the lower-case letters an email local part can use. */
export function asciiLower(text: string): string {
  return text.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase()
}

export class ContactDetails {
  private readonly usedEmails = new Set<string>()
  private readonly phoneCounters = new Map<string, number>()
  private readonly phones = new Map<string, PhoneNumber>()
  private readonly digitOrder: number[]

  constructor(private readonly ctx: ContactsContext) {
    this.digitOrder = ctx.rng.permutation(1000)
  }

  /** The next unused last three digits for a prefix, spread out so neighbours don't get neighbouring numbers. */
  private nextDigits(key: string): string {
    const count = this.phoneCounters.get(key) ?? 0
    this.phoneCounters.set(key, count + 1)
    const offset = key.length * 37 + key.charCodeAt(key.length - 1)
    return String(this.digitOrder[(count + offset) % 1000]).padStart(3, '0')
  }

  mobile(): PhoneNumber {
    return this.phone(MOBILE_PREFIX + this.nextDigits(MOBILE_PREFIX))
  }

  landline(): PhoneNumber {
    const prefix = this.ctx.rng.pick(LANDLINE_PREFIXES)
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

  /** An address no one else has yet: namesakes get a number after the local part. */
  email(local: string, domain: string): string {
    let candidate = `${local}@${domain}`
    for (let n = 2; this.usedEmails.has(candidate); n++) candidate = `${local}${n}@${domain}`
    this.usedEmails.add(candidate)
    return candidate
  }

  private personalDomain(): string {
    const r = this.ctx.rng.next()
    return r < 0.6 ? 'example.co.uk' : r < 0.85 ? 'example.com' : 'example.org'
  }

  add(
    firmUuid: string, type: 'email' | 'phone_number', name: string, value: string | PhoneNumber,
    owners: AccountRecord[], primaries: AccountRecord[], createdAt: number,
  ): ContactDetailRecord {
    const detail: ContactDetailRecord = {
      uuid: this.ctx.rng.uuid(), firmUuid, type, name,
      value: typeof value === 'string' ? value : value.value,
      meta: typeof value === 'string' ? null : value.meta,
      ownerUuids: owners.map((o) => o.uuid), primaryUuids: new Set(primaries.map((p) => p.uuid)),
      createdAt, updatedAt: this.ctx.between(createdAt, this.ctx.anchor),
    }
    this.ctx.world.addContactDetail(detail)
    return detail
  }

  /** A person's own email and mobile (both primary), sometimes a work email. */
  addPersonal(person: AccountRecord, createdAt: number, withMobile: boolean): void {
    const local = `${asciiLower(person.firstName ?? 'client')}.${asciiLower(person.lastName ?? 'client')}`
    this.add(person.firmUuid, 'email', 'Personal email', this.email(local, this.personalDomain()), [person], [person], createdAt)
    if (withMobile) this.add(person.firmUuid, 'phone_number', 'Mobile', this.mobile(), [person], [person], createdAt)
    if (this.ctx.rng.chance(0.2)) {
      this.add(person.firmUuid, 'email', 'Work email', this.email(local, 'work.example.com'), [person], [], this.ctx.between(createdAt, this.ctx.anchor))
    }
  }
}
