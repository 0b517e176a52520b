import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AccountChoice, SessionUser } from '@shared/models/session'
import type { CoreLog } from '../log'

export const SESSION_FILE_NAME = 'session.json'

/** How the saved sign-in was made: its secrets (if any) are in the keychain under `login`. */
export const LoginKind = z.enum(['oauth', 'token', 'demo'])
export type LoginKind = z.infer<typeof LoginKind>

/** Everything about the current sign-in except its secrets: enough to show the window before Plannr answers. */
export const SavedLogin = z.object({
  /** The keychain entry holding this login's tokens. */
  login: z.string().min(1).max(500),
  kind: LoginKind,
  apiUrl: z.string().min(1).max(2000),
  user: SessionUser,
  accounts: z.array(AccountChoice).max(1000),
  /** The account chosen last; absent while the user is still choosing. */
  accountUuid: z.string().min(1).max(100).optional(),
})
export type SavedLogin = z.infer<typeof SavedLogin>

export const SessionFile = z.object({
  version: z.literal(1),
  current: SavedLogin.nullable(),
  /**
   * Logins the user signed out of whose keychain entry could not be removed. They are never restored,
   * and removing them is tried again at every start until it succeeds.
   */
  signedOut: z.array(z.string().min(1).max(500)).max(100),
})
export type SessionFile = z.infer<typeof SessionFile>

export const EMPTY_SESSION_FILE: SessionFile = { version: 1, current: null, signedOut: [] }

export interface SessionFileStore {
  readonly path: string
  load(): Promise<SessionFile>
  save(file: SessionFile): Promise<void>
}

/**
 * The session file in the app's data folder, checked against its schema on every load. A file that
 * cannot be read as one is moved aside (kept for support, never deleted) and the app starts signed out.
 */
export function createSessionFileStore(options: { dataDir: string; log: CoreLog; now?: () => number }): SessionFileStore {
  const path = join(options.dataDir, SESSION_FILE_NAME)
  const now = options.now ?? Date.now

  async function setAside(reason: string): Promise<void> {
    const aside = `${path}.unreadable-${now()}`
    try {
      await rename(path, aside)
      options.log.warn('The saved session file was unreadable; it has been set aside and you are signed out', { reason, setAside: aside })
    } catch (error) {
      options.log.warn('The saved session file was unreadable and could not be set aside; you are signed out', {
        reason,
        error: error instanceof Error ? error.message : String(error),
      })
    }
  }

  return {
    path,
    async load() {
      let text: string
      try {
        text = await readFile(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_SESSION_FILE
        options.log.warn('Could not read the saved session file; starting signed out', {
          error: error instanceof Error ? error.message : String(error),
        })
        return EMPTY_SESSION_FILE
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        await setAside('not JSON')
        return EMPTY_SESSION_FILE
      }
      const parsed = SessionFile.safeParse(json)
      if (parsed.success) return parsed.data
      await setAside(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '))
      return EMPTY_SESSION_FILE
    },
    async save(file) {
      const checked = SessionFile.parse(file)
      await mkdir(options.dataDir, { recursive: true, mode: 0o700 })
      // Written beside and renamed over: a crash mid-write leaves the old file, never half a new one.
      const temporary = `${path}.${process.pid}.tmp`
      await writeFile(temporary, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600 })
      await rename(temporary, path)
    },
  }
}
