import type { PlannrClient } from '../plannr'
import type { AccountStore } from '../store'
import type { JobKind, PayloadOf } from './jobs'

/** Who made a write: the author of a message, the creator of a conversation, the user whose jobs these are. */
export interface Actor {
  accountUuid: string
  userUuid: string
}

/** A record as Plannr returned it (every write answers with the record, or nothing for a pin). */
export interface Delivered {
  uuid: string | null
  record: unknown
}

/**
 * One kind of write: what it sends, what it changes in the store at once, how Plannr's answer replaces
 * that change, how it is undone, and — for creates — how to find it on Plannr when its answer was lost.
 */
export interface Mutation<K extends JobKind> {
  kind: K
  /** Jobs with the same key are sent one at a time, in order. */
  recordKey(payload: PayloadOf<K>): string
  /** The optimistic change; runs in the transaction that inserts the job. */
  apply(store: AccountStore, payload: PayloadOf<K>, actor: Actor): void
  send(client: PlannrClient, payload: PayloadOf<K>): Promise<Delivered>
  /**
   * Creates only: the record this job made, if Plannr has it, looking no earlier than `since` (ms) and
   * passing over records already matched to other jobs.
   */
  find?(client: PlannrClient, payload: PayloadOf<K>, since: number, claimed: ReadonlySet<string>): Promise<Delivered | null>
  /** Replaces the optimistic change with Plannr's record; returns a temp id → real id rewrite, if any. */
  reconcile(store: AccountStore, payload: PayloadOf<K>, delivered: Delivered): { from: string; to: string } | null
  rollback(store: AccountStore, payload: PayloadOf<K>): void
  /** Plannr's field names in a 422 → the form's. */
  fields(fields: Record<string, string[]>): Record<string, string[]>
}

/** How far Plannr's clock may be from ours when a lookup compares creation times. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000

export function createdSince(createdAt: string | null | undefined, since: number): boolean {
  if (!createdAt) return true
  const at = Date.parse(createdAt)
  return Number.isNaN(at) || at >= since - CLOCK_SKEW_MS
}

export const sameFields = (fields: Record<string, string[]>): Record<string, string[]> => fields
