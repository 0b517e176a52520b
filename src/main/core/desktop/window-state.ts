/**
 * The main window's size, position and maximised state, remembered across restarts and put back only
 * where it can be seen: a display may have been unplugged, rearranged or scaled since.
 */
import { z } from 'zod'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const WindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof WindowState>

export interface WindowLimits {
  defaultWidth: number
  defaultHeight: number
  minWidth: number
  minHeight: number
}

/** The main window's own sizes (src/main/electron/window.ts). */
export const WINDOW_LIMITS: WindowLimits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 800, minHeight: 560 }

/** How much of a window's title bar must be on a display for it to count as reachable. */
const REACHABLE_PX = 100

/** What to open the window with: `x`/`y` absent means "let the OS centre it". */
export interface WindowPlacement {
  width: number
  height: number
  x?: number
  y?: number
  maximized: boolean
}

function overlap(a: Rect, b: Rect): Rect | undefined {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined
}

function area(rect: Rect | undefined): number {
  return rect ? rect.width * rect.height : 0
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

/** Reads what was saved; anything unreadable is no saved state at all. */
export function parseWindowState(saved: unknown): WindowState | undefined {
  const parsed = WindowState.safeParse(saved)
  return parsed.success ? parsed.data : undefined
}

/**
 * Where to open the window, given what was saved and the displays' work areas now (the first is the
 * primary). The saved bounds are kept when a display can still show the title bar; otherwise the window
 * moves onto the display it overlapped most (or the primary), shrunk to fit and kept inside it.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rect[], limits: WindowLimits = WINDOW_LIMITS): WindowPlacement {
  const primary = workAreas[0]
  if (!primary) return { width: limits.defaultWidth, height: limits.defaultHeight, maximized: false }
  const fitted = (width: number, height: number, on: Rect) => ({
    width: clamp(width, Math.min(limits.minWidth, on.width), on.width),
    height: clamp(height, Math.min(limits.minHeight, on.height), on.height),
  })
  if (!saved) {
    const size = fitted(limits.defaultWidth, limits.defaultHeight, primary)
    return { ...size, maximized: false }
  }

  const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(saved.height, 40) }
  const reachable = workAreas.some((display) => {
    const visible = overlap(titleBar, display)
    return visible !== undefined && visible.width >= Math.min(REACHABLE_PX, saved.width)
  })
  const best = [...workAreas].sort((a, b) => area(overlap(saved, b)) - area(overlap(saved, a)))[0] ?? primary
  const target = area(overlap(saved, best)) > 0 ? best : primary
  const size = fitted(saved.width, saved.height, target)

  if (reachable && size.width === saved.width && size.height === saved.height) {
    return { x: saved.x, y: saved.y, width: saved.width, height: saved.height, maximized: saved.maximized }
  }
  return {
    width: size.width,
    height: size.height,
    x: clamp(saved.x, target.x, target.x + target.width - size.width),
    y: clamp(saved.y, target.y, target.y + target.height - size.height),
    maximized: saved.maximized,
  }
}
