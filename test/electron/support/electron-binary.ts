import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/*
 * Whether this machine can run the desktop shell under test: Electron's binary, which `npm start` (or
 * `npx install-electron`) downloads, and a display. Where either is missing the suites report themselves
 * skipped with the reason, never as passed.
 */

export const ROOT = resolve(__dirname, '../../..')

/**
 * The binary the way Electron's own `require('electron')` finds it: path.txt names the executable inside
 * dist/, or inside ELECTRON_OVERRIDE_DIST_PATH when that is set. Not `require('electron')` itself: that
 * would start a download when the binary is missing.
 */
function electronBinary(): { path: string | null; reason: string } {
  const pkg = join(ROOT, 'node_modules/electron')
  const pathFile = join(pkg, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH']
  if (!override && relative === null) {
    return { path: null, reason: `${pathFile} is missing: the binary was never downloaded (\`npx install-electron\` or \`npm start\` downloads it)` }
  }
  const binary = override ? join(override, relative ?? 'electron') : join(pkg, 'dist', relative ?? 'electron')
  return existsSync(binary) ? { path: binary, reason: '' } : { path: null, reason: `${binary} does not exist` }
}

/** Electron on Linux needs an X11 or Wayland display (CI provides one with xvfb-run). */
function displayProblem(): string | null {
  if (process.platform !== 'linux' || process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']) return null
  return 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set (run under xvfb-run)'
}

const found = electronBinary()

/** Why the Electron suites cannot run here, or null when they can. */
export const skipReason: string | null = found.path === null ? `Electron binary not installed: ${found.reason}` : displayProblem()

/** The Electron executable, when the suites can run. */
export const electronPath: string | undefined = skipReason === null ? (found.path ?? undefined) : undefined

/** Chromium refuses to run as root with its sandbox on; the renderer is still `sandbox: true`. */
export const rootArgs: string[] = process.getuid?.() === 0 ? ['--no-sandbox'] : []

/** The built app the suites launch. */
export const BUILT_FILES = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']
