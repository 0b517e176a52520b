import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/result'
import type { Actor, Outbox } from '../../outbox'
import type { PlannrClient } from '../../plannr'
import type { FeatureDeps } from '../feature'

/**
 * What a service needs to enqueue a write: the account's outbox, the client, who is writing (and their name,
 * for a message or conversation shown before Plannr answers), and a temp id.
 */
export async function writer(
  deps: FeatureDeps,
): Promise<{ outbox: Outbox; client: PlannrClient; actor: Actor; name: string | null; tempUuid: string; now: string }> {
  await deps.session.ready()
  const client = deps.session.requireClient()
  const accountUuid = client.accountUuid
  const userUuid = deps.session.userKey()
  if (!accountUuid || userUuid === null) throw new AppError('not_signed_in', 'Sign in to Plannr first.')
  const outbox = await deps.sync.outbox()
  const status = await deps.session.status()
  const name = status.state === 'signed-in' && status.account.uuid === accountUuid ? status.account.name || null : null
  return { outbox, client, actor: { accountUuid, userUuid }, name, tempUuid: randomUUID(), now: new Date().toISOString() }
}
