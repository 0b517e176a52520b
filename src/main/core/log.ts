/** Where the core writes what an operator may need later. Never pass a token or a keychain record. */
export interface CoreLog {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export const consoleLog: CoreLog = {
  info: (message, detail) => (detail === undefined ? console.info(message) : console.info(message, detail)),
  warn: (message, detail) => (detail === undefined ? console.warn(message) : console.warn(message, detail)),
  error: (message, detail) => (detail === undefined ? console.error(message) : console.error(message, detail)),
}

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
