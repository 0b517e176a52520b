import type { RecordCodec } from '../store'

/**
 * A codec for records parsed from Plannr before they were stored. The store's payloads are
 * authenticated (AES-GCM), so what comes back is what we wrote: a shape check is enough, not a second
 * full parse of thousands of records on every start.
 */
export function storedRecordCodec<T extends { uuid: string; updated_at?: string | null }>(): RecordCodec<T> {
  return {
    parse(json) {
      if (typeof json !== 'object' || json === null || typeof (json as { uuid?: unknown }).uuid !== 'string') {
        throw new Error('a stored record has no uuid')
      }
      return json as T
    },
    id: (record) => record.uuid,
    updatedAt: (record) => record.updated_at ?? null,
  }
}
