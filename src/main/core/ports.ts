/**
 * What the core asks of the shell it runs in. Electron and the web preview each provide these; the
 * core never reaches for a window, a browser or the OS itself.
 */
export interface ShellPorts {
  /**
   * Opens a web address in the user's browser (Plannr's sign-in page). Electron uses the system browser;
   * the web preview prints `OPEN_EXTERNAL=<url>` for whoever plays the browser and the UI shows the link.
   */
  openExternal(url: string): Promise<void>
}

/**
 * The only addresses the app opens in a browser: https pages, and plain http on the loopback address
 * (a sandbox standing in for Plannr on this machine, or the sign-in callback itself).
 */
export function isOpenableExternal(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1'
}
