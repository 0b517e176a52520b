/**
 * The window state on disk: a small JSON file in the app's data folder. A missing or corrupted file
 * means "no saved state" (the window opens centred); a failed write is logged and costs nothing else.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import type { CoreLog } from '../log'
import { parseWindowState, type WindowState } from './window-state'

/** Synchronous: it runs once, before the window is first shown, and the file is a few bytes. */
export function loadWindowState(file: string, log: CoreLog): WindowState | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('Could not read the saved window state', error)
    return undefined
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    log.warn(`Ignoring a window state file that is not JSON: ${file}`)
    return undefined
  }
  const state = parseWindowState(json)
  if (!state) log.warn(`Ignoring a window state file with unexpected contents: ${file}`)
  return state
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a file. */
export async function saveWindowState(file: string, state: WindowState, log: CoreLog): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    await writeFile(temporary, JSON.stringify(state), 'utf8')
    await rename(temporary, file)
  } catch (error) {
    log.warn('Could not save the window state', error)
  }
}

/** The same, synchronously: for the window's last moment, when the process may exit right after. */
export function saveWindowStateSync(file: string, state: WindowState, log: CoreLog): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, JSON.stringify(state), 'utf8')
    renameSync(temporary, file)
  } catch (error) {
    log.warn('Could not save the window state', error)
  }
}
