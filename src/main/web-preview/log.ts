import { lineLog, type CoreLog } from '../core/log'

export type Logger = CoreLog

/** Log lines on stderr (stdout carries only the machine-readable URL lines), with a time and a scope. */
export function createLogger(scope: string): Logger {
  return lineLog((level, line) => console.error(`${new Date().toISOString()} ${level} [${scope}] ${line}`))
}
