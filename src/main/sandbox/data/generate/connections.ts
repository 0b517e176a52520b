/** Referral connections between the fixed firms' staff, timed relative to the anchor. */
import { CONNECTIONS } from '../fixed'
import { DAY, MINUTE } from '../time'
import type { GenerationContext } from './context'

export function addConnections(ctx: GenerationContext): void {
  for (const spec of CONNECTIONS) {
    const sender = ctx.staff(spec.from)
    const recipient = ctx.staff(spec.to)
    const createdAt = ctx.anchor - spec.daysAgo * DAY + ctx.rng.int(8 * 60, 17 * 60) * MINUTE - DAY
    const expiresAt = createdAt + 30 * DAY
    const updatedAt = spec.answeredAfterDays !== undefined
      ? createdAt + spec.answeredAfterDays * DAY + ctx.rng.int(0, 8 * 60) * MINUTE
      : spec.status === 'expired' ? expiresAt : createdAt
    ctx.world.addConnection({
      uuid: ctx.rng.uuid(), senderFirmUuid: sender.firmUuid, recipientFirmUuid: recipient.firmUuid,
      senderAccountUuid: sender.uuid, recipientAccountUuid: recipient.uuid, status: spec.status, createdAt, updatedAt, expiresAt,
    })
  }
}
