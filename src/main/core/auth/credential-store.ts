import type { TokenStorage } from '@shared/models/session'
import type { CoreLog } from '../log'
import { LoginSecrets, readSecrets } from './login-secrets'
import type { SavedLogin, SessionFile, SessionFileStore } from './session-file'
import type { SecretVault } from './vault'

export interface RestoredLogin {
  saved: SavedLogin
  /** Null for the demo, which has nothing secret to keep. */
  secrets: LoginSecrets | null
}

/** What forgetting a login achieved: `removed` is false when its keychain entry is still there. */
export interface Forgotten {
  removed: boolean
}

/**
 * Where a sign-in is remembered: its secrets in the keychain, one entry per login, and the rest (API
 * URL, user, accounts, chosen account, logins signed out but not yet removed) in the session file.
 * A write that fails is logged and never fails the sign-in: the session simply is not remembered.
 */
export class CredentialStore {
  /** File writes one after another, so a late write never overtakes a newer one. */
  private fileWrites: Promise<unknown> = Promise.resolve()
  private file: SessionFile | undefined

  constructor(
    private readonly vault: SecretVault,
    private readonly sessionFile: SessionFileStore,
    private readonly log: CoreLog,
  ) {}

  storage(): TokenStorage {
    return this.vault.storage()
  }

  /**
   * The sign-in to restore, if any. Logins signed out earlier are removed from the keychain first, and
   * are never restored even if that still fails.
   */
  async load(): Promise<RestoredLogin | null> {
    const file = await this.readFile()
    await this.vault.probe()
    if (file.signedOut.length > 0) await this.retryRemovals(file.signedOut)
    const saved = file.current
    if (!saved || file.signedOut.includes(saved.login)) return null
    if (saved.kind === 'demo') return { saved, secrets: null }
    const secrets = readSecrets(await this.vault.get(saved.login))
    if (!secrets) {
      // A keychain entry that is missing or unreadable (never logged: it may hold a token) means signed out.
      this.log.warn('The saved sign-in had no usable keychain entry; you are signed out', { login: saved.login })
      await this.vault.delete(saved.login)
      await this.update((current) => ({ ...current, current: null }))
      return null
    }
    return { saved, secrets }
  }

  /** Remembers a new or changed sign-in; a different login it replaces is forgotten. */
  async save(saved: SavedLogin, secrets: LoginSecrets | null): Promise<void> {
    const replaced = (await this.readFile()).current
    if (secrets) await this.vault.set(saved.login, JSON.stringify(LoginSecrets.parse(secrets)))
    await this.update((file) => ({ ...file, current: saved, signedOut: file.signedOut.filter((login) => login !== saved.login) }))
    if (replaced && replaced.login !== saved.login && replaced.kind !== 'demo') await this.forgetSecret(replaced.login)
  }

  /** New tokens for the same login (an OAuth refresh rotates both). */
  async saveSecrets(login: string, secrets: LoginSecrets): Promise<void> {
    await this.vault.set(login, JSON.stringify(LoginSecrets.parse(secrets)))
  }

  /**
   * Forgets a login. The file is updated first, so that even when the keychain refuses the delete the
   * next start finds the login signed out, with a marker to try the delete again.
   */
  async forget(login: string | undefined): Promise<Forgotten> {
    await this.update((file) => ({
      ...file,
      current: null,
      signedOut: login && !file.signedOut.includes(login) ? [...file.signedOut, login] : file.signedOut,
    }))
    if (!login) return { removed: true }
    return { removed: await this.forgetSecret(login) }
  }

  /** Removes a login's keychain entry; while that fails, the file keeps a marker so it is never restored. */
  private async forgetSecret(login: string): Promise<boolean> {
    await this.update((file) => (file.signedOut.includes(login) ? file : { ...file, signedOut: [...file.signedOut, login] }))
    const removed = await this.vault.delete(login)
    if (removed) await this.update((file) => ({ ...file, signedOut: file.signedOut.filter((entry) => entry !== login) }))
    return removed
  }

  /** Waits for pending file writes (for shutdown). */
  async flush(): Promise<void> {
    await this.fileWrites.catch(() => undefined)
  }

  private async retryRemovals(logins: readonly string[]): Promise<void> {
    const removed: string[] = []
    for (const login of logins) if (await this.vault.delete(login)) removed.push(login)
    if (removed.length > 0) {
      this.log.info('Removed sign-ins left in the keychain at an earlier sign-out', { count: removed.length })
      await this.update((file) => ({ ...file, signedOut: file.signedOut.filter((login) => !removed.includes(login)) }))
    }
  }

  private async readFile(): Promise<SessionFile> {
    this.file ??= await this.sessionFile.load()
    return this.file
  }

  private update(change: (file: SessionFile) => SessionFile): Promise<void> {
    const write = this.fileWrites.then(async () => {
      const next = change(await this.readFile())
      this.file = next
      try {
        await this.sessionFile.save(next)
      } catch (error) {
        this.log.error('Could not write the session file', { path: this.sessionFile.path, error: error instanceof Error ? error.message : String(error) })
      }
    })
    this.fileWrites = write.catch(() => undefined)
    return write
  }
}
