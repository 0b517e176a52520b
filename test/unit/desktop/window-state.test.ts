import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { memoryLog } from '../../../src/main/core/log'
import { placeWindow, WINDOW_LIMITS, type Rect } from '../../../src/main/core/desktop/window-state'
import { loadWindowState, saveWindowState } from '../../../src/main/core/desktop/window-state-file'

// A laptop (primary, with a menu bar) and an external monitor to its right.
const LAPTOP: Rect = { x: 0, y: 25, width: 1440, height: 875 }
const MONITOR: Rect = { x: 1440, y: 0, width: 2560, height: 1440 }

describe('placing the window from its remembered state', () => {
  it('opens at the default size, centred, the first time', () => {
    expect(placeWindow(undefined, [LAPTOP, MONITOR])).toEqual({ width: 1280, height: 820, maximized: false })
  })

  it('puts a window back exactly where it was when that place is still visible', () => {
    const saved = { x: 1600, y: 100, width: 1800, height: 1100, maximized: false }
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual(saved)
  })

  it('remembers maximised, with the bounds to restore to', () => {
    const saved = { x: 100, y: 60, width: 1200, height: 700, maximized: true }
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual(saved)
  })

  it('keeps a window that hangs partly off a display, as long as its title bar can be grabbed', () => {
    const saved = { x: 1000, y: 300, width: 1280, height: 820, maximized: false }
    expect(placeWindow(saved, [LAPTOP, MONITOR])).toEqual(saved)
  })

  it('brings a window back onto the laptop when the monitor it was on is unplugged', () => {
    const saved = { x: 2000, y: 200, width: 1800, height: 1100, maximized: false }
    const placed = placeWindow(saved, [LAPTOP])
    expect(placed).toEqual({ x: 0, y: 25, width: 1440, height: 875, maximized: false })
  })

  it('moves a window whose title bar is off the top of every display', () => {
    const saved = { x: 200, y: -500, width: 1000, height: 700, maximized: false }
    const placed = placeWindow(saved, [LAPTOP, MONITOR])
    expect(placed).toEqual({ x: 200, y: 25, width: 1000, height: 700, maximized: false })
  })

  it('keeps the window on the display it mostly overlapped, shrunk to fit that display', () => {
    const smaller: Rect = { x: 1440, y: 0, width: 1280, height: 720 }
    const saved = { x: 1500, y: 50, width: 1800, height: 1100, maximized: false }
    const placed = placeWindow(saved, [LAPTOP, smaller])
    expect(placed).toEqual({ x: 1440, y: 0, width: 1280, height: 720, maximized: false })
  })

  it('never makes a window smaller than the minimum unless the display itself is smaller', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 600 }
    expect(placeWindow(undefined, [tiny])).toEqual({ width: 800, height: 600, maximized: false })
    const saved = { x: 5000, y: 5000, width: 300, height: 200, maximized: false }
    const placed = placeWindow(saved, [tiny])
    expect(placed.x).toBeGreaterThanOrEqual(0)
    expect((placed.x ?? 0) + placed.width).toBeLessThanOrEqual(800)
    expect((placed.y ?? 0) + placed.height).toBeLessThanOrEqual(600)
  })

  it('works on displays left of or above the primary (negative coordinates)', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1080 }
    const saved = { x: -1800, y: 100, width: 1200, height: 800, maximized: false }
    expect(placeWindow(saved, [LAPTOP, left])).toEqual(saved)
    expect(placeWindow(saved, [LAPTOP])).toEqual({ x: 0, y: 100, width: 1200, height: 800, maximized: false })
  })

  it('falls back to the defaults when there are no displays at all', () => {
    expect(placeWindow({ x: 1, y: 1, width: 1000, height: 700, maximized: false }, [])).toEqual({
      width: WINDOW_LIMITS.defaultWidth,
      height: WINDOW_LIMITS.defaultHeight,
      maximized: false,
    })
  })
})

describe('the window state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plannr-window-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('saves and loads the state, leaving no temporary file behind', async () => {
    const file = join(dir, 'window-state.json')
    const log = memoryLog()
    await saveWindowState(file, { x: 10, y: 20, width: 1300, height: 900, maximized: true }, log)
    expect(loadWindowState(file, log)).toEqual({ x: 10, y: 20, width: 1300, height: 900, maximized: true })
    expect(readdirSync(dir)).toEqual(['window-state.json'])
    expect(log.entries).toEqual([])
  })

  it('treats a missing file as no state, quietly', async () => {
    const log = memoryLog()
    expect(loadWindowState(join(dir, 'missing.json'), log)).toBeUndefined()
    expect(log.entries).toEqual([])
  })

  it.each([
    ['not JSON', '{"x": 1,'],
    ['the wrong shape', '{"x": "left", "y": 0, "width": 100, "height": 100, "maximized": false}'],
    ['a negative size', '{"x": 0, "y": 0, "width": -5, "height": 100, "maximized": false}'],
  ])('ignores a corrupted file (%s) with a log line, and keeps it for inspection', async (_, text) => {
    const file = join(dir, 'corrupt.json')
    writeFileSync(file, text)
    const log = memoryLog()
    expect(loadWindowState(file, log)).toBeUndefined()
    expect(log.entries.map((e) => e.level)).toEqual(['warn'])
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('logs a failed save and goes on', async () => {
    const log = memoryLog()
    await saveWindowState(join(dir, 'no-such-folder', 'window-state.json'), { x: 0, y: 0, width: 900, height: 600, maximized: false }, log)
    expect(log.entries.map((e) => e.message)).toEqual(['Could not save the window state'])
  })
})
