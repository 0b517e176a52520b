/**
 * Input types that count as the user acting in a window: a click, a tap or a key press. Pointer moves,
 * scrolling and focus changes do not.
 */
const ACTIVATING_INPUT = new Set(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd', 'pointerUp'])

/** Chromium's own lifespan for "transient user activation" (what lets a page open a popup). */
export const ACTIVATION_LIFESPAN_MS = 5_000

/**
 * Whether the user has just clicked or pressed a key in one window. A link that leaves the app uses the
 * activation up, so one click opens at most one thing, and a page cannot open links on its own later.
 */
export class UserActivation {
  private activatedAt: number | undefined

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifespanMs: number = ACTIVATION_LIFESPAN_MS,
  ) {}

  /** Call with the type of every input event the window receives (Electron's `input-event`). */
  record(inputType: string): void {
    if (ACTIVATING_INPUT.has(inputType)) this.activatedAt = this.now()
  }

  /** True once per activation, within its lifespan. */
  consume(): boolean {
    const at = this.activatedAt
    this.activatedAt = undefined
    return at !== undefined && this.now() - at <= this.lifespanMs
  }
}
