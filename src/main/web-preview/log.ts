/** Log lines on stderr (stdout carries only the machine-readable URL lines), with a level and time. */
export interface Logger {
  info(message: string, detail?: unknown): void
  warn(message: string, detail?: unknown): void
  error(message: string, detail?: unknown): void
}

export function createLogger(scope: string): Logger {
  const write = (level: string, message: string, detail: unknown): void => {
    const line = `${new Date().toISOString()} ${level} [${scope}] ${message}`
    if (detail === undefined) console.error(line)
    else console.error(line, detail)
  }
  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  }
}
