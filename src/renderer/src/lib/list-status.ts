/**
 * The live line above a list (role="status"): the loading note, then the count. Empty while the list's
 * error panel is up: that announces itself (role="alert"), and saying it here too would say it twice.
 */
export function listStatusText(list: { error: unknown; loaded: boolean }, loading: string, count: () => string): string {
  if (list.error && !list.loaded) return ''
  if (!list.loaded) return loading
  return count()
}
