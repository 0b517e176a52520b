import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/** AES-256-GCM: 32-byte key, 12-byte nonce, 16-byte tag. */
export const KEY_BYTES = 32
const NONCE_BYTES = 12
const TAG_BYTES = 16
/** First byte of every sealed payload, so a later format can be told apart. */
const FORMAT = 1

export class PayloadUnreadable extends Error {}

export function newStoreKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

/**
 * Seals record payloads for the database file. The associated data (e.g. "circle\0<uuid>") binds each
 * payload to its row, so a payload copied onto another row does not open.
 */
export class PayloadCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== KEY_BYTES) throw new RangeError(`A store key is ${KEY_BYTES} bytes, not ${key.length}`)
  }

  seal(associated: string, text: string): Uint8Array {
    const nonce = randomBytes(NONCE_BYTES)
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce)
    cipher.setAAD(Buffer.from(associated, 'utf8'))
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()])
    return Buffer.concat([Buffer.of(FORMAT), nonce, cipher.getAuthTag(), body])
  }

  open(associated: string, sealed: Uint8Array): string {
    const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength)
    if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== FORMAT) throw new PayloadUnreadable('not a sealed payload')
    const nonce = bytes.subarray(1, 1 + NONCE_BYTES)
    const tag = bytes.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES)
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce)
    decipher.setAAD(Buffer.from(associated, 'utf8'))
    decipher.setAuthTag(tag)
    try {
      return Buffer.concat([decipher.update(bytes.subarray(1 + NONCE_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8')
    } catch {
      throw new PayloadUnreadable('the payload does not open with this key')
    }
  }
}
