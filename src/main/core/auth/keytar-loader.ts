/** The part of keytar the vault uses; keytar stores one secret per (service, account) pair. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

function isKeychainBackend(value: unknown): value is KeychainBackend {
  if (value === null || typeof value !== 'object') return false
  const candidate = value as Record<string, unknown>
  return (
    typeof candidate.getPassword === 'function' &&
    typeof candidate.setPassword === 'function' &&
    typeof candidate.deletePassword === 'function'
  )
}

/**
 * Loads keytar on first use, not at startup: a machine without libsecret must still start the app and
 * fall back to a session-only vault. keytar is CommonJS, so its functions may sit on `default`.
 */
export async function loadKeytar(): Promise<KeychainBackend> {
  const module: unknown = await import('keytar')
  const candidate = (module as { default?: unknown }).default ?? module
  if (isKeychainBackend(candidate)) return candidate
  if (isKeychainBackend(module)) return module
  throw new Error('keytar loaded but does not provide getPassword/setPassword/deletePassword')
}

/** How long to wait before asking a keychain that failed once a second time. */
const RETRY_AFTER_MS = 250

/**
 * Runs a keychain operation, asking once more after a short pause when it fails: a Secret Service
 * busy over D-Bus (a loaded machine, a keyring still starting) fails now and answers a moment later,
 * and one hiccup must not cost the user a sign-in that survives a restart.
 */
export async function withOneRetry<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation()
  } catch {
    await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS))
    return operation()
  }
}
