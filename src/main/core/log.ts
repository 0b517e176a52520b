import { inspect } from 'node:util'

/** Where the core writes what an operator may need later. Never pass a token or a keychain record. */
export interface CoreLog {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export type LogLevel = 'info' | 'warn' | 'error'

/**
 * Bearer tokens blanked out wherever they hide in logged text — an error's request headers, a cause
 * several levels down — as a last guard behind "never pass a token".
 */
export function redactTokens(text: string): string {
  return text.replace(/(bearer\s+)[^\s'",}\]]+/gi, '$1[redacted]')
}

/** A log that writes one line per entry: the message, then the detail as text, tokens redacted. */
export function lineLog(write: (level: LogLevel, line: string) => void): CoreLog {
  const entry = (level: LogLevel) => (message: string, detail?: unknown) =>
    write(level, detail === undefined ? message : `${message} ${redactTokens(typeof detail === 'string' ? detail : inspect(detail, { depth: 6 }))}`)
  return { info: entry('info'), warn: entry('warn'), error: entry('error') }
}

export const consoleLog: CoreLog = lineLog((level, line) => console[level](line))

/** A quiet log for tests that still keeps what was written, to assert on it. */
export function memoryLog(): CoreLog & { entries: Array<{ level: string; message: string; detail?: unknown }> } {
  const entries: Array<{ level: string; message: string; detail?: unknown }> = []
  return {
    entries,
    info: (message, detail) => entries.push({ level: 'info', message, detail }),
    warn: (message, detail) => entries.push({ level: 'warn', message, detail }),
    error: (message, detail) => entries.push({ level: 'error', message, detail }),
  }
}
