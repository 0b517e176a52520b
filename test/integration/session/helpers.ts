import keytar from 'keytar'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox'

export const KEYCHAIN_ACCOUNT = 'session'

export { startCore, waitForSession, type TestCore } from '../../support/core-harness'

/** The record the vault keeps for a service, straight from the keychain. */
export async function keychainRecord(service: string): Promise<unknown> {
  const raw = await keytar.getPassword(service, KEYCHAIN_ACCOUNT)
  return raw === null ? null : (JSON.parse(raw) as unknown)
}

export const ALL_TOKENS = Object.values(SANDBOX_TOKENS)
