import type { Circle } from '@shared/plannr'

/** Every circle of one account, as last fetched from Plannr. */
export interface CachedCircles {
  circles: Circle[]
  /** When the fetch that produced them finished, ISO time. */
  syncedAt: string
}

/**
 * Where fetched circles are kept, per session account. In memory for now; the persistent store can
 * take its place behind the same three operations.
 */
export interface CirclesCache {
  get(accountKey: string): CachedCircles | undefined
  put(accountKey: string, entry: CachedCircles): void
  clear(): void
}

export function memoryCirclesCache(): CirclesCache {
  const entries = new Map<string, CachedCircles>()
  return {
    get: (key) => entries.get(key),
    put: (key, entry) => void entries.set(key, entry),
    clear: () => entries.clear(),
  }
}
