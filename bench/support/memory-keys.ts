import type { StoreKeyStore } from '../../src/main/core/store'

/** Store keys held in this process: a benchmark measures the store, not the keychain. */
export function memoryKeys(): StoreKeyStore {
  const keys = new Map<string, Buffer>()
  return {
    get: async (id) => keys.get(id) ?? null,
    set: async (id, key) => void keys.set(id, key),
    delete: async (id) => void keys.delete(id),
  }
}
