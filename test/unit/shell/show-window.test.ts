import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { showWhenReady, type HiddenWindow, type Timers } from '../../../src/main/shell/show-window'

/** A hidden window whose 'ready-to-show' and 'did-finish-load' the test emits (or, as on Wayland, never). */
class Window extends EventEmitter implements HiddenWindow {
  shows = 0
  destroyed = false
  visible = false
  onceReadyToShow(listener: () => void): void {
    this.once('ready-to-show', listener)
  }
  onceFinishedLoad(listener: () => void): void {
    this.once('did-finish-load', listener)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isVisible(): boolean {
    return this.visible
  }
  show(): void {
    this.shows++
    this.visible = true
  }
}

/** A timer the test fires by hand, so nothing waits on the clock. */
class ManualTimer implements Timers {
  pending: Array<{ callback: () => void; ms: number; cleared: boolean }> = []
  setTimeout(callback: () => void, ms: number): unknown {
    const entry = { callback, ms, cleared: false }
    this.pending.push(entry)
    return entry
  }
  clearTimeout(handle: unknown): void {
    ;(handle as { cleared: boolean }).cleared = true
  }
  fire(): void {
    for (const entry of this.pending) if (!entry.cleared) entry.callback()
  }
}

describe('a new window is shown on the first sign that it is ready', () => {
  it('shows on ready-to-show (X11, macOS, Windows), once, and stops the timer', async () => {
    const window = new Window()
    const timer = new ManualTimer()
    const shown = showWhenReady(window, 3_000, timer)
    window.emit('ready-to-show')
    window.emit('did-finish-load')
    expect(await shown).toBe('ready-to-show')
    expect(window.shows).toBe(1)
    expect(timer.pending[0]?.cleared).toBe(true)
  })

  it('shows on did-finish-load when ready-to-show never comes (Wayland)', async () => {
    const window = new Window()
    const shown = showWhenReady(window, 3_000, new ManualTimer())
    window.emit('did-finish-load')
    expect(await shown).toBe('did-finish-load')
    expect(window.shows).toBe(1)
  })

  it('shows on the timer when neither event comes, and not again afterwards', async () => {
    const window = new Window()
    const timer = new ManualTimer()
    const shown = showWhenReady(window, 3_000, timer)
    expect(timer.pending.map((entry) => entry.ms)).toEqual([3_000])
    timer.fire()
    expect(await shown).toBe('timer')
    window.emit('ready-to-show')
    expect(window.shows).toBe(1)
  })

  it('uses a real timer by default', async () => {
    const window = new Window()
    expect(await showWhenReady(window, 20)).toBe('timer')
    expect(window.visible).toBe(true)
  })

  it('never shows a window that was closed first, or one something else already showed', async () => {
    const closed = new Window()
    const shownClosed = showWhenReady(closed, 3_000, new ManualTimer())
    closed.destroyed = true
    closed.emit('did-finish-load')
    expect(await shownClosed).toBeNull()
    expect(closed.shows).toBe(0)

    const visible = new Window()
    visible.visible = true
    const shownVisible = showWhenReady(visible, 3_000, new ManualTimer())
    visible.emit('ready-to-show')
    expect(await shownVisible).toBe('ready-to-show')
    expect(visible.shows).toBe(0)
  })
})
