import type { TokenStorage } from '@shared/models/session'
import type { CoreLog } from '../log'
import { loadKeytar, type KeychainBackend } from './keytar-loader'
import { VaultRecord } from './vault-record'

export { VaultRecord } from './vault-record'

/** keytar stores secrets by (service, account); the vault keeps a single record per service. */
const KEYCHAIN_ACCOUNT = 'session'

const SESSION_ONLY_SUFFIX = 'You will stay signed in only until Plannr Desktop is closed.'

export interface TokenVault {
  /** Where records go right now. Known for certain after the first load/save/clear. */
  storage(): TokenStorage
  /** The saved record, or null when there is none (or it was unreadable and has been removed). */
  load(): Promise<VaultRecord | null>
  save(record: VaultRecord): Promise<void>
  clear(): Promise<void>
}

export interface TokenVaultOptions {
  service: string
  log: CoreLog
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.trim().slice(0, 300) || 'unknown error'
}

/**
 * The OS keychain via keytar, degrading to a vault held in memory — never a plaintext file — when
 * keytar cannot be loaded or the Secret Service is unreachable (no D-Bus, locked keyring). Any
 * keychain failure, at any point, degrades instead of failing the caller: losing persistence is
 * better than being unable to sign in.
 */
export function createTokenVault(options: TokenVaultOptions): TokenVault {
  const { service, log } = options
  let backend: Promise<KeychainBackend | null> | undefined
  let storage: TokenStorage = { kind: 'keychain' }
  let memory: VaultRecord | null = null

  function degrade(reason: string, error: unknown): void {
    if (storage.kind === 'session-only') return
    storage = { kind: 'session-only', reason: `${reason} (${describe(error)}). ${SESSION_ONLY_SUFFIX}` }
    log.warn('Keychain unavailable; keeping the session in memory only', { service, reason: describe(error) })
  }

  function keychain(): Promise<KeychainBackend | null> {
    backend ??= loadKeytar().catch((error: unknown) => {
      degrade('The keychain library could not be loaded', error)
      return null
    })
    return backend.then((loaded) => (storage.kind === 'keychain' ? loaded : null))
  }

  async function parseStored(raw: string, keytar: KeychainBackend): Promise<VaultRecord | null> {
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      json = undefined
    }
    const parsed = VaultRecord.safeParse(json)
    if (parsed.success) return parsed.data
    // Never log the stored text: it may hold a token.
    log.warn('The saved session in the keychain was unreadable; it has been removed and you are signed out', {
      service,
      issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    })
    try {
      await keytar.deletePassword(service, KEYCHAIN_ACCOUNT)
    } catch (error) {
      degrade('The system keychain stopped responding', error)
    }
    return null
  }

  return {
    storage: () => storage,

    async load() {
      const keytar = await keychain()
      if (!keytar) return memory
      let raw: string | null
      try {
        raw = await keytar.getPassword(service, KEYCHAIN_ACCOUNT)
      } catch (error) {
        degrade('The system keychain is not available', error)
        return memory
      }
      return raw === null ? null : parseStored(raw, keytar)
    },

    async save(record) {
      const checked = VaultRecord.parse(record)
      const keytar = await keychain()
      if (keytar) {
        try {
          await keytar.setPassword(service, KEYCHAIN_ACCOUNT, JSON.stringify(checked))
          return
        } catch (error) {
          degrade('The system keychain refused to save your sign-in', error)
        }
      }
      memory = checked
    },

    async clear() {
      memory = null
      const keytar = await keychain()
      if (!keytar) return
      try {
        await keytar.deletePassword(service, KEYCHAIN_ACCOUNT)
      } catch (error) {
        // The token may still sit in the keychain; say so in the log so it can be removed by hand.
        log.error('Could not remove the saved sign-in from the system keychain', { service, error: describe(error) })
        degrade('The system keychain stopped responding', error)
      }
    },
  }
}
