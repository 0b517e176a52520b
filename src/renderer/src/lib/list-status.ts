import type { IpcError } from '@shared/result'

/**
 * How a list (or one record's pane) stands, decided here once for every view: still on its first load,
 * failed before anything could be shown, or ready — empty or with rows, maybe being refreshed (the rows
 * on screen are dimmed, not hidden) and maybe with trouble that leaves the rows shown in place (a later
 * window or page, or a refresh, failed).
 */
export type ListStatus =
  | { kind: 'loading' }
  | { kind: 'failed'; error: IpcError; retrying: boolean }
  | { kind: 'ready'; empty: boolean; refreshing: boolean; trouble: IpcError | null }

/** What every list state in lib/state has in common. */
export interface ListSource {
  /** An answer is on its way that the list waits for (the first load, a new search, "Try again"). */
  loading: boolean
  /** At least one answer has arrived since the last failure. */
  loaded: boolean
  error: IpcError | null
}

/**
 * The status of `list`, holding `count` rows. `trouble` is a failure that leaves the rows in place (a
 * later window, the next page); a failed refresh of rows already shown is trouble too.
 */
export function listStatus(list: ListSource, count: number, trouble: IpcError | null = null): ListStatus {
  if (list.error && !list.loaded) return { kind: 'failed', error: list.error, retrying: list.loading }
  if (!list.loaded) return { kind: 'loading' }
  return { kind: 'ready', empty: count === 0, refreshing: list.loading, trouble: trouble ?? list.error }
}

/** True while the list waits for an answer it will show (for aria-busy). */
export function listBusy(status: ListStatus): boolean {
  return status.kind === 'loading' || (status.kind === 'failed' && status.retrying) || (status.kind === 'ready' && status.refreshing)
}

/**
 * The live line above a list (role="status"): the loading note, then the count. Empty while the list's
 * error panel is up: that announces itself (role="alert"), and saying it here too would say it twice.
 */
export function listStatusText(status: ListStatus, loading: string, count: () => string): string {
  if (status.kind === 'failed') return ''
  if (status.kind === 'loading') return loading
  return count()
}
