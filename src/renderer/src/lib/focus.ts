import type { Attachment } from 'svelte/attachments'

/**
 * Moves focus to an element when it appears, so that after a screen change (signed in, signed out)
 * keyboard and screen-reader users start at the new screen's heading rather than at the top of nothing.
 */
export const focusOnMount: Attachment<HTMLElement> = (element) => {
  // Wait a frame: the previous screen's focused element is removed in the same update.
  const frame = requestAnimationFrame(() => element.focus({ preventScroll: true }))
  return () => cancelAnimationFrame(frame)
}
