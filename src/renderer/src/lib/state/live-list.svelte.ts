import type { EventName } from '@shared/contract'
import type { Client } from '../api'

export const SEARCH_DEBOUNCE_MS = 150

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
 * A list with a search box: the box updates at once, the query runs once typing pauses, and
 * `shownSearch` says which search the rows on screen belong to (set by the subclass when they arrive).
 */
export abstract class SearchableList implements Reloadable {
  /** What is in the search box (updates at once). */
  search = $state('')
  /** The search the rows belong to (updates when they arrive). */
  shownSearch = $state('')

  #debounce: ReturnType<typeof setTimeout> | undefined

  /** Loads from the top for the current search and filters. Also the "Try again" action. */
  abstract load(): Promise<void>
  /** Re-asks for what is on screen without a loading state. */
  abstract refresh(): Promise<void>

  setSearch(text: string): void {
    this.search = text
    clearTimeout(this.#debounce)
    this.#debounce = setTimeout(() => void this.load(), SEARCH_DEBOUNCE_MS)
  }

  clearSearch(): void {
    this.search = ''
    void this.load()
  }

  /** A load that starts now makes the one waiting for typing to pause unnecessary. */
  protected cancelPendingSearch(): void {
    clearTimeout(this.#debounce)
  }

  /** First load and re-query on `changed`; the stop function also cancels a pending search. */
  protected follow(client: Client, changed: EventName, stop: () => void): () => void {
    return followList(client, changed, this, () => {
      this.cancelPendingSearch()
      stop()
    })
  }
}
