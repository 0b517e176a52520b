/** The blank account every employee and client starts from, and the platform references some carry. */
import type { AccountRecord, ExternalReferenceRecord } from '../world'
import type { GenerationContext } from './context'

export function baseAccount(ctx: GenerationContext, firmUuid: string, createdAt: number): AccountRecord {
  return {
    uuid: ctx.rng.uuid(), firmUuid, userUuid: ctx.rng.uuid(), type: 'client', role: 'individual',
    firstName: null, lastName: null, entityName: null,
    createdAt, updatedAt: ctx.between(createdAt, ctx.anchor), withLogin: false, adviserKey: null,
    assignedAdviserUuid: null, assignedParaplannerUuid: null, assignedAdministratorUuid: null,
    nextReviewAt: null, previousReviewAt: null, tagUuids: [], groupUuids: [], externalReferences: [], jointCircleUuid: null,
  }
}

/** A Nucleus wrap-platform reference, as Plannr syncs them. */
export function externalReference(ctx: GenerationContext, createdAt: number): ExternalReferenceRecord {
  const at = ctx.between(createdAt, ctx.anchor)
  return { uuid: ctx.rng.uuid(), reference: `NU${ctx.rng.int(100000, 999999)}`, thirdParty: 'nucleus', createdAt: at, updatedAt: at }
}
