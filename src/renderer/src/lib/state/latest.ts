/**
 * Keeps only the newest answer. Every new question takes a ticket; an answer is used only while its
 * ticket is still the newest, so a slow answer to an older question never overwrites a newer one.
 */
export class Latest {
  #ticket = 0

  /** A new question: any answer still on its way for an older one will be dropped. */
  begin(): () => boolean {
    const ticket = ++this.#ticket
    return () => ticket === this.#ticket
  }

  /** A follow-up to the current question (e.g. the next page): dropped if a new question starts. */
  follow(): () => boolean {
    const ticket = this.#ticket
    return () => ticket === this.#ticket
  }

  /** Drops every answer still on its way (the view closed, the query was cleared). */
  cancel(): void {
    this.#ticket++
  }
}
