import type { AccountChoice, SessionStatus, SessionUser } from '@shared/models/session'
import { AppError } from '@shared/result'
import { decideAccount, toSessionUser } from '../auth/account-choice'
import type { TokenVault, VaultRecord } from '../auth/vault'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import { createPlannrClient, getMe, listLogins, type PlannrClient } from '../plannr'
import { BackgroundTasks, SerialQueue } from './common/serial-queue'

export const TOKEN_REJECTED_MESSAGE =
  'Plannr did not accept that token. Check that you copied all of it, and that it has not expired or been revoked.'
export const UNREACHABLE_MESSAGE =
  "Plannr can't be reached. Check your internet connection, then try again."
const NOT_SIGNED_IN_MESSAGE = 'Sign in to Plannr first.'

export interface SessionServiceOptions {
  vault: TokenVault
  events: EventBus
  log: CoreLog
  /** The Plannr API a pasted token is checked against. */
  apiUrl: string
  fetch?: typeof fetch
  demo: () => Promise<{ apiUrl: string; token: string }>
  /** Deletes what the app saved for these accounts (their stores and keys): on sign-out only. */
  eraseAccountData?: (apiUrl: string, accountUuids: string[]) => Promise<void>
}

/** A token Plannr accepted, with what it told us about the user. Lives in main only. */
interface Credentials {
  token: string
  apiUrl: string
  demo: boolean
  user: SessionUser
  accounts: AccountChoice[]
}

type State =
  | { kind: 'signed-out' }
  | { kind: 'choosing-account'; credentials: Credentials }
  | { kind: 'signed-in'; credentials: Credentials; account: AccountChoice; client: PlannrClient }

interface Verified {
  user: SessionUser
  accounts: AccountChoice[]
  /** The account Plannr's rules pick, when they pick one. */
  chosen: AccountChoice | undefined
}

/** Plannr's answer to a failed check, in words a user can act on. */
function explainVerifyError(error: unknown): unknown {
  if (error instanceof AppError && error.code === 'unauthenticated') {
    return new AppError('unauthenticated', TOKEN_REJECTED_MESSAGE)
  }
  if (error instanceof AppError && error.code === 'network') return new AppError('network', UNREACHABLE_MESSAGE)
  return error
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unauthenticated'
}

/**
 * Who is signed in, as which account, and where the token is kept. The token stays here: statuses carry
 * only the user's name and accounts. Every change goes through one queue and emits `session.changed`.
 */
export class SessionService {
  private state: State = { kind: 'signed-out' }
  /** Bumped on every sign-in and sign-out, so late background results for an older session are ignored. */
  private generation = 0
  private restored: Promise<void> | undefined
  private closed = false
  private readonly queue = new SerialQueue()
  private readonly background = new BackgroundTasks()
  private readonly listeners = new Set<(status: SessionStatus) => void>()
  private lastEmitted: string | undefined

  constructor(private readonly options: SessionServiceOptions) {}

  /** Restores the saved session on first use; a saved token shows as signed in without waiting for Plannr. */
  ready(): Promise<void> {
    this.restored ??= this.queue.run(() =>
      this.restore().catch((error: unknown) => {
        // A restore that goes wrong leaves the user signed out, never with a broken session service.
        this.options.log.error('Could not restore the saved session', error)
      }),
    )
    return this.restored
  }

  async status(): Promise<SessionStatus> {
    await this.ready()
    return this.snapshot()
  }

  signInWithToken(token: string): Promise<SessionStatus> {
    return this.mutate(async () => {
      const apiUrl = this.options.apiUrl
      const verified = await this.verify(apiUrl, token)
      await this.begin({ token, apiUrl, demo: false, user: verified.user, accounts: verified.accounts }, verified.chosen)
    })
  }

  startDemo(): Promise<SessionStatus> {
    return this.mutate(async () => {
      const { apiUrl, token } = await this.options.demo()
      const verified = await this.verify(apiUrl, token)
      await this.begin({ token, apiUrl, demo: true, user: verified.user, accounts: verified.accounts }, verified.chosen)
    })
  }

  chooseAccount(accountUuid: string): Promise<SessionStatus> {
    return this.mutate(async () => {
      if (this.state.kind === 'signed-out') throw new AppError('not_signed_in', NOT_SIGNED_IN_MESSAGE)
      const { credentials } = this.state
      const account = credentials.accounts.find((candidate) => candidate.uuid === accountUuid)
      if (!account) {
        throw new AppError('invalid_input', 'That account is not one this sign-in can use. Pick one from the list.', {
          fields: { accountUuid: ['Not one of your accounts'] },
        })
      }
      this.setSignedIn(credentials, account)
      await this.persist()
    })
  }

  signOut(): Promise<SessionStatus> {
    return this.mutate(async () => {
      const ending = this.state.kind === 'signed-out' ? undefined : this.state.credentials
      await this.forget()
      if (ending) await this.options.eraseAccountData?.(ending.apiUrl, ending.accounts.map((account) => account.uuid))
    })
  }

  /** The Plannr client for the chosen account, for other features. */
  requireClient(): PlannrClient {
    if (this.state.kind !== 'signed-in') throw new AppError('not_signed_in', NOT_SIGNED_IN_MESSAGE)
    return this.state.client
  }

  /** Identifies the signed-in session and account; changes whenever cached data must not be reused. */
  accountKey(): string | null {
    if (this.state.kind !== 'signed-in') return null
    return `${this.generation}|${this.state.credentials.apiUrl}|${this.state.account.uuid}`
  }

  /** Called after every change, before the event goes out, for features that keep per-account data. */
  onChange(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.background.drain()
  }

  private snapshot(): SessionStatus {
    const storage = this.options.vault.storage()
    switch (this.state.kind) {
      case 'signed-out':
        return { state: 'signed-out', storage }
      case 'choosing-account': {
        const { user, accounts, demo } = this.state.credentials
        return { state: 'choosing-account', storage, user, accounts, demo }
      }
      case 'signed-in': {
        const { user, accounts, demo, apiUrl } = this.state.credentials
        return { state: 'signed-in', storage, user, account: this.state.account, accounts, demo, apiUrl }
      }
    }
  }

  /** Tells features and windows; a status identical to the last one sent is not news to a window. */
  private changed(): void {
    const status = this.snapshot()
    for (const listener of this.listeners) listener(status)
    const serialised = JSON.stringify(status)
    if (serialised === this.lastEmitted) return
    this.lastEmitted = serialised
    this.options.events.emit('session.changed', status)
  }

  /** Waits for the restore, then runs one change at a time and reports the outcome. */
  private async mutate(change: () => Promise<void>): Promise<SessionStatus> {
    await this.ready()
    return this.queue.run(async () => {
      await change()
      return this.snapshot()
    })
  }

  private async verify(apiUrl: string, token: string): Promise<Verified> {
    const client = createPlannrClient({ baseUrl: apiUrl, token, fetch: this.options.fetch })
    try {
      const [me, logins] = await Promise.all([getMe(client), listLogins(client)])
      const decision = decideAccount(logins)
      if (decision.kind === 'none') {
        throw new AppError('forbidden', 'Plannr accepted that token, but it gives access to no accounts.')
      }
      return {
        user: toSessionUser(me),
        accounts: decision.accounts,
        chosen: decision.kind === 'chosen' ? decision.account : undefined,
      }
    } catch (error) {
      throw explainVerifyError(error)
    }
  }

  private setSignedIn(credentials: Credentials, account: AccountChoice): void {
    const client = createPlannrClient({
      baseUrl: credentials.apiUrl,
      token: credentials.token,
      accountUuid: account.uuid,
      fetch: this.options.fetch,
    })
    this.state = { kind: 'signed-in', credentials, account, client }
  }

  private setChoosing(credentials: Credentials): void {
    this.state = { kind: 'choosing-account', credentials }
  }

  /** A new session: signed straight in when an account is settled, otherwise the user picks one. */
  private async begin(credentials: Credentials, account: AccountChoice | undefined): Promise<void> {
    this.generation += 1
    if (account) this.setSignedIn(credentials, account)
    else this.setChoosing(credentials)
    await this.persist()
  }

  private async forget(): Promise<void> {
    this.generation += 1
    this.state = { kind: 'signed-out' }
    await this.options.vault.clear()
    this.changed()
  }

  private async persist(): Promise<void> {
    if (this.state.kind === 'signed-out') return
    const { credentials } = this.state
    const accountUuid = this.state.kind === 'signed-in' ? this.state.account.uuid : undefined
    const record: VaultRecord = credentials.demo
      ? { kind: 'demo', accountUuid }
      : {
          kind: 'token',
          apiUrl: credentials.apiUrl,
          token: credentials.token,
          accountUuid,
          profile: { user: credentials.user, accounts: credentials.accounts },
        }
    await this.options.vault.save(record)
    // Announced after the save: the vault may have fallen back to memory, and the status says where the token lives.
    this.changed()
  }

  private async restore(): Promise<void> {
    const record = await this.options.vault.load()
    if (!record) return
    this.generation += 1
    if (record.kind === 'demo') return this.restoreDemo(record.accountUuid)

    const credentials: Credentials | undefined = record.profile && {
      token: record.token,
      apiUrl: record.apiUrl,
      demo: false,
      user: record.profile.user,
      accounts: record.profile.accounts,
    }
    if (credentials) {
      const account = credentials.accounts.find((candidate) => candidate.uuid === record.accountUuid)
      if (account) this.setSignedIn(credentials, account)
      else this.setChoosing(credentials)
      this.changed()
      this.recheckInBackground(credentials)
      return
    }
    // Nothing saved to show: ask Plannr now.
    try {
      const verified = await this.verify(record.apiUrl, record.token)
      await this.resume(
        { token: record.token, apiUrl: record.apiUrl, demo: false, user: verified.user, accounts: verified.accounts },
        verified,
        record.accountUuid,
      )
    } catch (error) {
      await this.restoreFailed(error)
    }
  }

  private async restoreDemo(accountUuid: string | undefined): Promise<void> {
    try {
      const { apiUrl, token } = await this.options.demo()
      const verified = await this.verify(apiUrl, token)
      await this.resume({ token, apiUrl, demo: true, user: verified.user, accounts: verified.accounts }, verified, accountUuid)
    } catch (error) {
      this.options.log.warn('Could not reopen the demo workspace', error)
    }
  }

  /** Back into a session found on disk: the saved account if it is still offered, else the usual rules. */
  private async resume(credentials: Credentials, verified: Verified, accountUuid: string | undefined): Promise<void> {
    const account = verified.accounts.find((candidate) => candidate.uuid === accountUuid) ?? verified.chosen
    if (account) this.setSignedIn(credentials, account)
    else this.setChoosing(credentials)
    await this.persist()
  }

  private async restoreFailed(error: unknown): Promise<void> {
    if (isUnauthenticated(error)) {
      this.options.log.info('The saved token is no longer accepted; signing out')
      await this.forget()
      return
    }
    // Keep the saved token: Plannr may simply be unreachable right now.
    this.options.log.warn('Could not check the saved sign-in', error instanceof AppError ? error.code : error)
  }

  /** Re-checks a restored token with Plannr: a revoked token signs out, fresh details replace the saved ones. */
  private recheckInBackground(saved: Credentials): void {
    const generation = this.generation
    this.background.run(async () => {
      let verified: Verified
      try {
        verified = await this.verify(saved.apiUrl, saved.token)
      } catch (error) {
        await this.queue.run(async () => {
          if (this.closed || generation !== this.generation) return
          if (isUnauthenticated(error)) await this.restoreFailed(error)
          else this.options.log.info('Could not re-check the saved sign-in; carrying on with what was saved', {
            code: error instanceof AppError ? error.code : 'internal',
          })
        })
        return
      }
      await this.queue.run(async () => {
        if (this.closed || generation !== this.generation || this.state.kind === 'signed-out') return
        const current = this.state.kind === 'signed-in' ? this.state.account.uuid : undefined
        await this.resume({ ...saved, user: verified.user, accounts: verified.accounts }, verified, current)
      })
    })
  }
}
