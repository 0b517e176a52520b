import { loadKeytar, withOneRetry, type KeychainBackend } from '../auth/keytar-loader'
import { KEY_BYTES } from './crypto'

/** Where each database's key is kept: the OS keychain, next to the sign-in. */
export interface StoreKeyStore {
  /** The key for a database, or null when there is none. Throws KeychainUnavailable. */
  get(dbId: string): Promise<Buffer | null>
  set(dbId: string, key: Buffer): Promise<void>
  delete(dbId: string): Promise<void>
}

export class KeychainUnavailable extends Error {}

/** keytar stores secrets by (service, account); each database has its own account name. */
export function keyAccount(dbId: string): string {
  return `store-key:${dbId}`
}

function unavailable(error: unknown): KeychainUnavailable {
  return new KeychainUnavailable(error instanceof Error ? error.message : String(error))
}

export function keychainKeyStore(service: string, load: () => Promise<KeychainBackend> = loadKeytar): StoreKeyStore {
  let backend: Promise<KeychainBackend> | undefined
  const keychain = async (): Promise<KeychainBackend> => {
    backend ??= load()
    try {
      return await backend
    } catch (error) {
      throw unavailable(error)
    }
  }
  return {
    async get(dbId) {
      const keytar = await keychain()
      let text: string | null
      try {
        text = await withOneRetry(() => keytar.getPassword(service, keyAccount(dbId)))
      } catch (error) {
        throw unavailable(error)
      }
      if (text === null) return null
      const key = Buffer.from(text, 'base64')
      // A damaged entry is as good as no key: the database is rebuilt with a new one.
      return key.length === KEY_BYTES ? key : null
    },
    async set(dbId, key) {
      const keytar = await keychain()
      try {
        await withOneRetry(() => keytar.setPassword(service, keyAccount(dbId), key.toString('base64')))
      } catch (error) {
        throw unavailable(error)
      }
    },
    async delete(dbId) {
      const keytar = await keychain()
      try {
        await withOneRetry(() => keytar.deletePassword(service, keyAccount(dbId)))
      } catch (error) {
        throw unavailable(error)
      }
    },
  }
}
