import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import keytar from 'keytar'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox'
import { keyAccount } from '../../../src/main/core/store'
import { dataDirFor } from '../../support/core-harness'

/** The keychain entries the local store keeps beside the sign-in (one key per database). */
const STORE_KEY_PREFIX = keyAccount('')

export { startCore, waitForSession, dataDirFor, type TestCore } from '../../support/core-harness'

/** The session file a test core (by keychain service) keeps in its data folder, or null when there is none. */
export async function sessionFile(service: string): Promise<{ current: Record<string, unknown> | null; signedOut: string[] } | null> {
  try {
    return JSON.parse(await readFile(join(dataDirFor(service), 'session.json'), 'utf8')) as {
      current: Record<string, unknown> | null
      signedOut: string[]
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Every sign-in entry a test core left under its service: login name → parsed secrets (store keys aside). */
export async function keychainEntries(service: string): Promise<Record<string, unknown>> {
  const entries: Record<string, unknown> = {}
  for (const { account, password } of await keytar.findCredentials(service)) {
    if (account.startsWith(STORE_KEY_PREFIX)) continue
    entries[account] = JSON.parse(password) as unknown
  }
  return entries
}

export async function clearKeychain(service: string): Promise<void> {
  for (const { account } of await keytar.findCredentials(service)) await keytar.deletePassword(service, account)
}

export const ALL_TOKENS = Object.values(SANDBOX_TOKENS)
