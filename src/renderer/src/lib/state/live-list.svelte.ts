import type { EventName } from '@shared/contract'
import type { Client } from '../api'

interface Reloadable {
  load(): Promise<void>
  refresh(): Promise<void>
}

/**
 * The life of a list that main keeps up to date: the first load, and a re-query whenever main says
 * the data changed. Returns the stop function, which also runs `stop` (the list's own clean-up).
 */
export function followList(client: Client, changed: EventName, list: Reloadable, stop: () => void): () => void {
  const unsubscribe = client.onEvent(changed, () => void list.refresh())
  void list.load()
  return () => {
    unsubscribe()
    stop()
  }
}

/**
 * A list with a search box: every keystroke queries main at once (main answers from its cache within a
 * frame), answers to an older query are dropped by the subclass (see Latest), and `shownSearch` says
 * which search the rows on screen belong to (set by the subclass when they arrive).
 */
export abstract class SearchableList implements Reloadable {
  /** What is in the search box (updates at once). */
  search = $state('')
  /** The search the rows belong to (updates when they arrive). */
  shownSearch = $state('')

  /** Loads from the top for the current search and filters. Also the "Try again" action. */
  abstract load(): Promise<void>
  /** Re-asks for what is on screen without a loading state. */
  abstract refresh(): Promise<void>

  setSearch(text: string): void {
    this.search = text
    void this.load()
  }

  clearSearch(): void {
    this.search = ''
    void this.load()
  }

  /** First load and re-query on `changed`. */
  protected follow(client: Client, changed: EventName, stop: () => void): () => void {
    return followList(client, changed, this, stop)
  }
}
