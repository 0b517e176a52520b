/**
 * What every generation step shares: the world being filled, the one seeded stream, the anchor instant,
 * and the lookups later steps need from earlier ones (firms by key, staff by id, each employee's job).
 */
import type { FirmKey, Job } from '../fixed'
import type { Prng } from '../prng'
import { DAY, MINUTE } from '../time'
import type { AccountRecord, FirmRecord, World } from '../world'
import { ContactDetails } from './contacts'

export class GenerationContext {
  readonly firmByKey = new Map<FirmKey, FirmRecord>()
  readonly employeeById = new Map<string, AccountRecord>()
  readonly jobByAccount = new Map<string, Job>()
  /** Child members of households: never conversation participants. */
  readonly children = new Set<string>()
  readonly contacts: ContactDetails

  constructor(
    readonly world: World,
    readonly rng: Prng,
    readonly anchor: number,
  ) {
    // Created first because its digit shuffle is the stream's first draw.
    this.contacts = new ContactDetails(this)
  }

  daysAgo(min: number, max: number): number {
    return this.anchor - this.rng.int(min, max) * DAY - this.rng.int(0, DAY / MINUTE - 1) * MINUTE
  }

  between(from: number, to: number): number {
    return from + Math.floor(this.rng.next() * Math.max(0, to - from))
  }

  firmOf(key: FirmKey): FirmRecord {
    const firm = this.firmByKey.get(key)
    if (!firm) throw new Error(`unknown firm ${key}`)
    return firm
  }

  staff(id: string): AccountRecord {
    const account = this.employeeById.get(id)
    if (!account) throw new Error(`unknown employee ${id}`)
    return account
  }
}
