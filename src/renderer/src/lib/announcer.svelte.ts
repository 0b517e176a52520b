/**
 * Polite announcements for screen readers ("Pinned", "Message sent"): one live region for the whole
 * window (Announcer.svelte), so that results of actions that move nothing on screen are still heard.
 */
class Announcer {
  /** The current message; the region is emptied first so the same words twice are heard twice. */
  message = $state('')
  #timer: ReturnType<typeof setTimeout> | undefined

  say(text: string): void {
    clearTimeout(this.#timer)
    this.message = ''
    // A moment apart: screen readers announce a change of content, not a value set twice in one tick.
    this.#timer = setTimeout(() => (this.message = text), 50)
  }
}

export const announcer = new Announcer()

export function announce(text: string): void {
  announcer.say(text)
}
