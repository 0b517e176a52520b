import { VIEWS, type ViewName } from './state/navigation.svelte'

/**
 * The app's keyboard shortcuts, kept free of the DOM so they can be tested on their own. "Mod" is Cmd on
 * a Mac and Ctrl elsewhere, as users of each platform expect.
 */

export type Platform = 'mac' | 'other'

export type ShortcutAction = { kind: 'view'; view: ViewName } | { kind: 'quick-switcher' } | { kind: 'help' }

/** The parts of a KeyboardEvent the shortcuts look at. */
export interface KeyPress {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

export interface ShortcutContext {
  platform: Platform
  /** Focus is in a text field: plain keys belong to it, only Mod combinations are ours. */
  typing: boolean
  /** A modal dialog is open: its own keys win, and the views behind it stay put. */
  dialogOpen: boolean
}

export function platformOf(navigatorPlatform: string | undefined, userAgent = ''): Platform {
  return /mac|iphone|ipad/i.test(navigatorPlatform ?? '') || /Mac OS X/.test(userAgent) ? 'mac' : 'other'
}

/** Digits by physical key too, so Ctrl+1 works where the digit row needs Shift (e.g. French AZERTY). */
function digitOf(press: KeyPress): number | null {
  const fromCode = /^(?:Digit|Numpad)([0-9])$/.exec(press.code ?? '')
  if (fromCode) return Number(fromCode[1])
  return /^[0-9]$/.test(press.key) ? Number(press.key) : null
}

export function shortcutFor(press: KeyPress, context: ShortcutContext): ShortcutAction | null {
  if (context.dialogOpen) return null
  const mod = context.platform === 'mac' ? press.metaKey : press.ctrlKey
  const otherMod = context.platform === 'mac' ? press.ctrlKey : press.metaKey
  if (press.altKey || otherMod) return null

  if (mod) {
    const digit = digitOf(press)
    if (digit !== null && !press.shiftKey) {
      const view = VIEWS[digit - 1]
      return view ? { kind: 'view', view } : null
    }
    if (press.key.toLowerCase() === 'k' && !press.shiftKey) return { kind: 'quick-switcher' }
    if (press.key === '/' || press.key === '?' || press.code === 'Slash') return { kind: 'help' }
    return null
  }
  if (!context.typing && press.key === '?') return { kind: 'help' }
  return null
}

/** Whether keys pressed in `target` are text for it rather than commands for the app. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!target) return false
  if (target.isContentEditable) return true
  const tag = (target.tagName ?? '').toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag !== 'INPUT') return false
  const nonText = ['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image']
  return !nonText.includes((target.type ?? 'text').toLowerCase())
}

export interface ShortcutKeys {
  /** For people: "Ctrl+1" or "⌘1". */
  label: string
  /** For aria-keyshortcuts: "Control+1" or "Meta+1". */
  aria: string
}

/** `key` with the platform's Mod key, written for people and for assistive technology. */
export function modShortcut(platform: Platform, key: string): ShortcutKeys {
  return platform === 'mac' ? { label: `⌘${key.toUpperCase()}`, aria: `Meta+${key}` } : { label: `Ctrl+${key.toUpperCase()}`, aria: `Control+${key}` }
}

export function viewShortcut(platform: Platform, view: ViewName): ShortcutKeys {
  return modShortcut(platform, String(VIEWS.indexOf(view) + 1))
}

export interface ShortcutHelp {
  keys: string[]
  description: string
}

/** What the "Keyboard shortcuts" dialog lists. */
export function shortcutHelp(platform: Platform, viewLabels: Record<ViewName, string>): ShortcutHelp[] {
  return [
    ...VIEWS.map((view) => ({ keys: [viewShortcut(platform, view).label], description: `Go to ${viewLabels[view]}` })),
    { keys: [modShortcut(platform, 'k').label], description: 'Find a circle, client or conversation' },
    { keys: [modShortcut(platform, '/').label, '?'], description: 'Show keyboard shortcuts' },
    { keys: ['Esc'], description: 'Close a dialog, or clear a search' },
    { keys: ['↑ ↓'], description: 'Move through a list (one Tab stop); → reaches a conversation’s pin' },
    { keys: ['F6'], description: 'Move between the conversation list and the open conversation’s message box' },
  ]
}
