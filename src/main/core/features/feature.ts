import type { CallName } from '@shared/contract'
import type { QuickSearchResult } from '@shared/models/quick-search'
import type { EventBus } from '../events'
import type { Handlers } from '../ipc/dispatch'
import type { CoreLog } from '../log'
import type { SyncHub } from '../sync'
import type { SessionService } from './session'

/** What every domain feature is given. */
export interface FeatureDeps {
  session: SessionService
  events: EventBus
  log: CoreLog
  /** The signed-in account's store and sync engines: every list is answered from it. */
  sync: SyncHub
}

/** A quick-switcher hit with how well it matched (see matchRank: 0 best). */
export interface RankedResult {
  rank: number
  result: QuickSearchResult
}

/**
 * One domain behind the contract: the handlers for its calls, and optionally what it offers the quick
 * switcher. core/index.ts composes the features; none of them knows about the others.
 */
export interface Feature<N extends CallName> {
  handlers: Pick<Handlers, N>
  /** Finds this domain's things by name for Ctrl/Cmd+K; `needle` is already folded (fold()). */
  quickSearch?(needle: string, limit: number): Promise<RankedResult[]>
  close(): Promise<void>
}
