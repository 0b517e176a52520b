import { describe, expect, it } from 'vitest'
import { bringWindowForward, type LaunchableWindow } from '../../../src/main/shell/launch-window'

/** A window's observable state, and the calls made on it. */
class FakeWindow implements LaunchableWindow {
  calls: string[] = []
  constructor(private state: { destroyed?: boolean; minimized?: boolean; visible?: boolean } = {}) {}
  isDestroyed = (): boolean => this.state.destroyed ?? false
  isMinimized = (): boolean => this.state.minimized ?? false
  isVisible = (): boolean => this.state.visible ?? true
  restore = (): void => {
    this.calls.push('restore')
    this.state.minimized = false
  }
  show = (): void => {
    this.calls.push('show')
    this.state.visible = true
  }
  focus = (): void => void this.calls.push('focus')
}

const running = { ready: true, quitting: false }

describe('a second launch or a Dock click', () => {
  it('creates a window when none is left (macOS after closing the last one)', () => {
    const created: FakeWindow[] = []
    const outcome = bringWindowForward([], running, () => {
      const window = new FakeWindow()
      created.push(window)
      return window
    })
    expect(outcome).toBe('created')
    expect(created).toHaveLength(1)
  })

  it('creates one when the only window is already destroyed', () => {
    let creates = 0
    expect(bringWindowForward([new FakeWindow({ destroyed: true })], running, () => (creates++, new FakeWindow()))).toBe('created')
    expect(creates).toBe(1)
  })

  it('restores a minimised window, shows a hidden one, and focuses it — without creating another', () => {
    const window = new FakeWindow({ minimized: true, visible: false })
    expect(bringWindowForward([window], running, () => expect.unreachable('no second window'))).toBe('focused')
    expect(window.calls).toEqual(['restore', 'show', 'focus'])
  })

  it('only focuses a window that is already on screen', () => {
    const window = new FakeWindow()
    bringWindowForward([window], running, () => expect.unreachable('no second window'))
    expect(window.calls).toEqual(['focus'])
  })

  it('does nothing before the app is ready: startup opens the first window itself', () => {
    expect(bringWindowForward([], { ready: false, quitting: false }, () => expect.unreachable('no window now'))).toBe('ignored')
  })

  it('while the app quits, opens no window in it but asks for the app to start again once it has exited', () => {
    const window = new FakeWindow({ visible: false })
    expect(bringWindowForward([window], { ready: true, quitting: true }, () => expect.unreachable('no window now'))).toBe('relaunch')
    expect(bringWindowForward([], { ready: true, quitting: true }, () => expect.unreachable('no window now'))).toBe('relaunch')
    expect(window.calls).toEqual([])
  })
})
