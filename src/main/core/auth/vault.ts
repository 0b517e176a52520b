import type { TokenStorage } from '@shared/models/session'
import type { CoreLog } from '../log'
import { loadKeytar, withOneRetry, type KeychainBackend } from './keytar-loader'

const SESSION_ONLY_SUFFIX = 'You will stay signed in only until Plannr Desktop is closed.'

/**
 * Secrets by name, in the OS keychain. Only secrets go here (Windows Credential Manager caps an entry
 * at 2,560 bytes): everything else about a sign-in lives in the session file in the data folder.
 */
export interface SecretVault {
  /** Where secrets go right now. Known for certain after the first get/set/delete. */
  storage(): TokenStorage
  get(name: string): Promise<string | null>
  set(name: string, secret: string): Promise<void>
  /** True when nothing is left under the name; false when the keychain could not remove it. */
  delete(name: string): Promise<boolean>
  /** Asks the keychain once, so that `storage()` is known before anything is saved (the sign-in screen says it). */
  probe(): Promise<void>
}

/** An entry name no login uses, read (never written) to learn whether the keychain answers. */
const PROBE_NAME = 'availability-check'

export interface KeychainVaultOptions {
  service: string
  log: CoreLog
  /** The keychain itself; keytar unless a caller supplies another. */
  backend?: () => Promise<KeychainBackend>
}

export function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim().slice(0, 300) || 'unknown error'
}

/**
 * The OS keychain via keytar, degrading to memory — never a plaintext file — when keytar cannot be
 * loaded or the Secret Service is unreachable (no D-Bus, locked keyring). A failed read or write
 * degrades instead of failing the caller: losing persistence is better than being unable to sign in.
 * A failed delete is reported, because a secret left behind must not be mistaken for one removed.
 */
export function createKeychainVault(options: KeychainVaultOptions): SecretVault {
  const { service, log } = options
  let backend: Promise<KeychainBackend | null> | undefined
  let storage: TokenStorage = { kind: 'keychain' }
  const memory = new Map<string, string>()

  function degrade(reason: string, error: unknown): void {
    if (storage.kind === 'session-only') return
    storage = { kind: 'session-only', reason: `${reason} (${describeError(error)}). ${SESSION_ONLY_SUFFIX}` }
    log.warn('Keychain unavailable; keeping the session in memory only', { service, reason: describeError(error) })
  }

  function keychain(): Promise<KeychainBackend | null> {
    backend ??= (options.backend ?? loadKeytar)().catch((error: unknown) => {
      degrade('The keychain library could not be loaded', error)
      return null
    })
    return backend.then((loaded) => (storage.kind === 'keychain' ? loaded : null))
  }

  const vault: SecretVault = {
    storage: () => storage,

    async probe() {
      await vault.get(PROBE_NAME)
    },

    async get(name) {
      const keytar = await keychain()
      if (!keytar) return memory.get(name) ?? null
      try {
        return await withOneRetry(() => keytar.getPassword(service, name))
      } catch (error) {
        degrade('The system keychain is not available', error)
        return memory.get(name) ?? null
      }
    },

    async set(name, secret) {
      const keytar = await keychain()
      if (keytar) {
        try {
          await withOneRetry(() => keytar.setPassword(service, name, secret))
          return
        } catch (error) {
          degrade('The system keychain refused to save your sign-in', error)
        }
      }
      memory.set(name, secret)
    },

    async delete(name) {
      memory.delete(name)
      const keytar = await keychain()
      if (!keytar) return true
      try {
        await withOneRetry(() => keytar.deletePassword(service, name))
        return true
      } catch (error) {
        // Never the secret itself: only which entry is left, so it can be removed by hand.
        log.error('Could not remove a saved sign-in from the system keychain', { service, entry: name, error: describeError(error) })
        return false
      }
    },
  }
  return vault
}
