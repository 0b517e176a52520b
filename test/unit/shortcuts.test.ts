import { describe, expect, it } from 'vitest'
import {
  isTypingTarget,
  modShortcut,
  platformOf,
  shortcutFor,
  shortcutHelp,
  viewShortcut,
  type KeyPress,
  type ShortcutContext,
} from '../../src/renderer/src/lib/shortcuts'
import { VIEW_LABELS } from '../../src/renderer/src/lib/state/navigation.svelte'

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...extra,
})
const windows: ShortcutContext = { platform: 'other', typing: false, dialogOpen: false }
const mac: ShortcutContext = { platform: 'mac', typing: false, dialogOpen: false }

describe('keyboard shortcuts', () => {
  it('Ctrl+1…4 open the four views in sidebar order on Windows and Linux', () => {
    expect(shortcutFor(press('1', { ctrlKey: true }), windows)).toEqual({ kind: 'view', view: 'conversations' })
    expect(shortcutFor(press('2', { ctrlKey: true }), windows)).toEqual({ kind: 'view', view: 'circles' })
    expect(shortcutFor(press('3', { ctrlKey: true }), windows)).toEqual({ kind: 'view', view: 'contacts' })
    expect(shortcutFor(press('4', { ctrlKey: true }), windows)).toEqual({ kind: 'view', view: 'referrals' })
    expect(shortcutFor(press('5', { ctrlKey: true }), windows)).toBeNull()
    expect(shortcutFor(press('0', { ctrlKey: true }), windows)).toBeNull()
  })

  it('uses Cmd on a Mac, where Ctrl+digit is left alone', () => {
    expect(shortcutFor(press('2', { metaKey: true }), mac)).toEqual({ kind: 'view', view: 'circles' })
    expect(shortcutFor(press('2', { ctrlKey: true }), mac)).toBeNull()
    expect(shortcutFor(press('2', { metaKey: true }), windows)).toBeNull()
    expect(shortcutFor(press('k', { metaKey: true }), mac)).toEqual({ kind: 'quick-switcher' })
  })

  it('reads the digit from the physical key where the digit row needs Shift (AZERTY)', () => {
    expect(shortcutFor(press('&', { code: 'Digit1', ctrlKey: true }), windows)).toEqual({ kind: 'view', view: 'conversations' })
  })

  it('opens the quick switcher with Mod+K, caps lock or not, and the help with Mod+/ or ?', () => {
    expect(shortcutFor(press('k', { ctrlKey: true }), windows)).toEqual({ kind: 'quick-switcher' })
    expect(shortcutFor(press('K', { ctrlKey: true }), windows)).toEqual({ kind: 'quick-switcher' })
    expect(shortcutFor(press('/', { ctrlKey: true }), windows)).toEqual({ kind: 'help' })
    expect(shortcutFor(press('?', { shiftKey: true }), windows)).toEqual({ kind: 'help' })
    expect(shortcutFor(press('k'), windows)).toBeNull()
  })

  it('leaves plain keys to a text field but still honours Mod combinations there', () => {
    const typing = { ...windows, typing: true }
    expect(shortcutFor(press('?', { shiftKey: true }), typing)).toBeNull()
    expect(shortcutFor(press('1'), typing)).toBeNull()
    expect(shortcutFor(press('k', { ctrlKey: true }), typing)).toEqual({ kind: 'quick-switcher' })
    expect(shortcutFor(press('3', { ctrlKey: true }), typing)).toEqual({ kind: 'view', view: 'contacts' })
  })

  it('ignores combinations with Alt or both modifiers, and everything while a dialog is open', () => {
    expect(shortcutFor(press('1', { ctrlKey: true, altKey: true }), windows)).toBeNull()
    expect(shortcutFor(press('1', { ctrlKey: true, metaKey: true }), windows)).toBeNull()
    expect(shortcutFor(press('1', { ctrlKey: true, shiftKey: true }), windows)).toBeNull()
    const dialog = { ...windows, dialogOpen: true }
    expect(shortcutFor(press('1', { ctrlKey: true }), dialog)).toBeNull()
    expect(shortcutFor(press('k', { ctrlKey: true }), dialog)).toBeNull()
  })

  it('knows which focused elements take typing', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true)
    expect(isTypingTarget({ tagName: 'input', type: 'search' })).toBe(true)
    expect(isTypingTarget({ tagName: 'INPUT' })).toBe(true)
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true)
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false)
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })

  it('detects a Mac from the navigator', () => {
    expect(platformOf('MacIntel')).toBe('mac')
    expect(platformOf('Win32')).toBe('other')
    expect(platformOf('Linux x86_64')).toBe('other')
    expect(platformOf('', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)')).toBe('mac')
    expect(platformOf(undefined)).toBe('other')
  })

  it('writes each shortcut for people and for aria-keyshortcuts', () => {
    expect(viewShortcut('other', 'referrals')).toEqual({ label: 'Ctrl+4', aria: 'Control+4' })
    expect(viewShortcut('mac', 'conversations')).toEqual({ label: '⌘1', aria: 'Meta+1' })
    expect(modShortcut('other', 'k')).toEqual({ label: 'Ctrl+K', aria: 'Control+k' })
    const help = shortcutHelp('other', VIEW_LABELS)
    expect(help.map((h) => h.description)).toContain('Go to Referral connections')
    expect(help.find((h) => h.description.startsWith('Find'))?.keys).toEqual(['Ctrl+K'])
    expect(help.find((h) => h.description.includes('conversation list'))?.keys).toEqual(['F6'])
  })
})
