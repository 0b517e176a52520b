import type { AccountChoice, SessionStatus, SessionUser } from '@shared/models/session'
import { AppError } from '@shared/result'
import { SIGN_IN_MESSAGES, signInWithBrowser } from '../auth/browser-sign-in'
import type { CredentialStore } from '../auth/credential-store'
import type { LoginSecrets } from '../auth/login-secrets'
import type { LoginKind, SavedLogin } from '../auth/session-file'
import { RefreshingTokens } from '../auth/token-source'
import { TOKEN_REJECTED_MESSAGE, verifyLogin, type Verified } from '../auth/verifier'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import { createPlannrClient, fixedToken, type PlannrClient, type TokenSource } from '../plannr'
import type { ShellPorts } from '../ports'
import { BackgroundTasks, SerialQueue } from './common/serial-queue'

export { TOKEN_REJECTED_MESSAGE, UNREACHABLE_MESSAGE } from '../auth/verifier'

const NOT_SIGNED_IN_MESSAGE = 'Sign in to Plannr first.'
export const OAUTH_REJECTED_MESSAGE = 'Plannr did not accept the sign-in. Please try again.'
export const SESSION_REFUSED_NOTICE =
  'Your Plannr sign-in has ended — it may have expired or been revoked. Sign in again to carry on where you left off.'
export const KEYCHAIN_DELETE_FAILED_NOTICE =
  'You are signed out, but Plannr Desktop could not remove your sign-in from the system keychain. It will not be used again, and Plannr Desktop will try to remove it the next time it starts.'

export interface OAuthSettings {
  /** The client Plannr registered for the desktop app (a public client: no secret, PKCE). */
  clientId: string
  /** Default `*`, the only scope Plannr is known to use. */
  scope: string
  /** How long to wait for the browser before giving up. */
  timeoutMs: number
}

export interface SessionServiceOptions {
  store: CredentialStore
  events: EventBus
  log: CoreLog
  /** The Plannr API a token or a browser sign-in is checked against. */
  apiUrl: string
  fetch?: typeof fetch
  /** How long one request to Plannr may take before it is given up (the client's default unless set). */
  requestTimeoutMs?: number
  demo: () => Promise<{ apiUrl: string; token: string }>
  ports: ShellPorts
  oauth: OAuthSettings
  now: () => number
}

/** Why a session ended: the user signed out, or Plannr refused its token (then local data is kept). */
export type SessionEndReason = 'signed-out' | 'refused'

export interface SessionEnded {
  reason: SessionEndReason
  apiUrl: string
  /** Every account this sign-in could act as. */
  accountUuids: string[]
}

/** A login's tokens, as the Plannr client asks for them, and as the store keeps them. */
interface LoginTokens extends TokenSource {
  snapshot(): LoginSecrets | null
}

/** One sign-in, in main only: its tokens never leave this object except to the keychain. */
interface Login {
  /** The keychain entry; known once Plannr has said who the user is. */
  key: string
  kind: LoginKind
  apiUrl: string
  user: SessionUser
  accounts: AccountChoice[]
  tokens: LoginTokens
}

type State =
  | { kind: 'signed-out' }
  | { kind: 'choosing-account'; login: Login }
  | { kind: 'signed-in'; login: Login; account: AccountChoice; client: PlannrClient }

interface BrowserAttempt {
  controller: AbortController
  url: string | undefined
  done: Promise<SessionStatus>
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof AppError && error.code === 'unauthenticated'
}

/**
 * The session state machine: who is signed in, as which account, and how it ends. Every change runs
 * through one queue and emits `session.changed`; statuses carry names and accounts, never a token.
 */
export class SessionService {
  private state: State = { kind: 'signed-out' }
  private notice: string | undefined
  private browser: BrowserAttempt | undefined
  /** Bumped on every sign-in and sign-out, so late background results for an older session are ignored. */
  private generation = 0
  private restored: Promise<void> | undefined
  private closed = false
  private secretWrites: Promise<void> = Promise.resolve()
  private readonly queue = new SerialQueue()
  private readonly background = new BackgroundTasks()
  private readonly listeners = new Set<(status: SessionStatus) => void>()
  private readonly endListeners = new Set<(ended: SessionEnded) => void | Promise<void>>()
  private lastEmitted: string | undefined

  constructor(private readonly options: SessionServiceOptions) {}

  /** Restores the saved session on first use; a saved sign-in shows at once, without waiting for Plannr. */
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
    this.cancelBrowser()
    return this.mutate(async () => {
      const login = this.newLogin('token', this.options.apiUrl, { accessToken: token })
      await this.begin(login, await verifyLogin(this.clientFor(login), TOKEN_REJECTED_MESSAGE))
    })
  }

  startDemo(): Promise<SessionStatus> {
    this.cancelBrowser()
    return this.mutate(async () => {
      const { apiUrl, token } = await this.options.demo()
      const login = this.newLogin('demo', apiUrl, { accessToken: token })
      await this.begin(login, await verifyLogin(this.clientFor(login)))
    })
  }

  /**
   * "Sign in with Plannr": the browser signs in at Plannr and comes back to a loopback address. Waits
   * (at most the configured timeout) for that; a second click while waiting joins the same attempt.
   */
  async signInWithPlannr(): Promise<SessionStatus> {
    await this.ready()
    if (this.browser) return this.browser.done
    const controller = new AbortController()
    const apiUrl = this.options.apiUrl
    const attempt: BrowserAttempt = { controller, url: undefined, done: Promise.resolve(this.snapshot()) }
    this.browser = attempt
    attempt.done = (async () => {
      try {
        const secrets = await signInWithBrowser({
          apiUrl,
          clientId: this.options.oauth.clientId,
          scope: this.options.oauth.scope,
          fetch: this.options.fetch,
          now: this.options.now,
          timeoutMs: this.options.oauth.timeoutMs,
          signal: controller.signal,
          open: async (url) => {
            attempt.url = url
            this.notice = undefined
            this.changed()
            await this.options.ports.openExternal(url)
          },
        })
        return await this.mutate(async () => {
          // Cancelled (or replaced by another sign-in) while the code was being exchanged: keep nothing.
          if (controller.signal.aborted) throw new AppError('unauthenticated', SIGN_IN_MESSAGES.cancelled)
          const login = this.newLogin('oauth', apiUrl, secrets)
          await this.begin(login, await verifyLogin(this.clientFor(login), OAUTH_REJECTED_MESSAGE))
        })
      } finally {
        if (this.browser === attempt) this.browser = undefined
        this.changed()
      }
    })()
    return attempt.done
  }

  /** Stops waiting for the browser; the pending sign-in ends with "Sign-in cancelled." */
  async cancelSignIn(): Promise<SessionStatus> {
    const attempt = this.browser
    this.cancelBrowser()
    await attempt?.done.catch(() => undefined)
    return this.status()
  }

  /** Picks the account to act as: while choosing after sign-in, or to switch accounts later. */
  chooseAccount(accountUuid: string): Promise<SessionStatus> {
    return this.mutate(async () => {
      if (this.state.kind === 'signed-out') throw new AppError('not_signed_in', NOT_SIGNED_IN_MESSAGE)
      const { login } = this.state
      const account = login.accounts.find((candidate) => candidate.uuid === accountUuid)
      if (!account) {
        throw new AppError('invalid_input', 'That account is not one this sign-in can use. Pick one from the list.', {
          fields: { accountUuid: ['Not one of your accounts'] },
        })
      }
      this.setSignedIn(login, account)
      await this.persist()
    })
  }

  /** The user signed out: the one place a user's own sign-out happens (see `end`). */
  signOut(): Promise<SessionStatus> {
    this.cancelBrowser()
    return this.mutate(() => this.end('signed-out'))
  }

  /** The Plannr client for the chosen account, for other features. */
  requireClient(): PlannrClient {
    if (this.state.kind !== 'signed-in') throw new AppError('not_signed_in', NOT_SIGNED_IN_MESSAGE)
    return this.state.client
  }

  /** Who is signed in (Plannr base URL and user uuid), or null: the outbox sends only that user's writes. */
  userKey(): string | null {
    return this.state.kind === 'signed-in' && this.state.login.key ? this.state.login.key : null
  }

  /** Identifies the signed-in session and account; changes whenever cached data must not be reused. */
  accountKey(): string | null {
    if (this.state.kind !== 'signed-in') return null
    return `${this.generation}|${this.state.login.apiUrl}|${this.state.account.uuid}`
  }

  /** Called after every change, before the event goes out, for features that keep per-account data. */
  onChange(listener: (status: SessionStatus) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Called when a session ends, with the reason: 'signed-out' (the user asked: their local data may go)
   * or 'refused' (Plannr refused the token: keep local data and unsent writes for the next sign-in).
   */
  onEnded(listener: (ended: SessionEnded) => void | Promise<void>): () => void {
    this.endListeners.add(listener)
    return () => this.endListeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    this.cancelBrowser()
    await this.background.drain()
    await this.secretWrites
    await this.options.store.flush()
  }

  private snapshot(): SessionStatus {
    const storage = this.options.store.storage()
    switch (this.state.kind) {
      case 'signed-out': {
        const url = this.browser?.url
        return {
          state: 'signed-out',
          storage,
          ...(this.notice ? { notice: this.notice } : {}),
          ...(url ? { authorizing: { url } } : {}),
        }
      }
      case 'choosing-account': {
        const { user, accounts, kind } = this.state.login
        return { state: 'choosing-account', storage, user, accounts, demo: kind === 'demo' }
      }
      case 'signed-in': {
        const { user, accounts, kind, apiUrl } = this.state.login
        return { state: 'signed-in', storage, user, account: this.state.account, accounts, demo: kind === 'demo', apiUrl }
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

  private cancelBrowser(): void {
    this.browser?.controller.abort()
  }

  private current(): Login | undefined {
    return this.state.kind === 'signed-out' ? undefined : this.state.login
  }

  /** A login not yet verified: tokens that report refusal only while it is the current one. */
  private newLogin(kind: LoginKind, apiUrl: string, secrets: LoginSecrets): Login {
    const login: Login = { key: '', kind, apiUrl, user: { name: '', email: null }, accounts: [], tokens: undefined as never }
    const refused = () => this.refusedBy(login)
    if (kind === 'oauth') {
      const source = new RefreshingTokens({
        apiUrl,
        clientId: this.options.oauth.clientId,
        fetch: this.options.fetch,
        now: this.options.now,
        secrets,
        persist: (rotated) => this.persistSecrets(login, rotated),
        onRefused: refused,
      })
      login.tokens = Object.assign(source, { snapshot: () => source.secretsNow() })
    } else {
      const source = fixedToken(secrets.accessToken, refused)
      // The demo's token is the sandbox's, started again on each run: nothing secret to keep.
      login.tokens = { ...source, snapshot: () => (kind === 'demo' ? null : secrets) }
    }
    return login
  }

  private clientFor(login: Login, accountUuid?: string): PlannrClient {
    return createPlannrClient({
      baseUrl: login.apiUrl,
      token: login.tokens,
      accountUuid,
      fetch: this.options.fetch,
      ...(this.options.requestTimeoutMs === undefined ? {} : { timeoutMs: this.options.requestTimeoutMs }),
    })
  }

  private setSignedIn(login: Login, account: AccountChoice): void {
    this.state = { kind: 'signed-in', login, account, client: this.clientFor(login, account.uuid) }
  }

  private apply(login: Login, verified: Verified): void {
    login.key = verified.login
    login.user = verified.user
    login.accounts = verified.accounts
  }

  /** A new session: signed straight in when an account is settled, otherwise the user picks one. */
  private async begin(login: Login, verified: Verified): Promise<void> {
    this.apply(login, verified)
    this.generation += 1
    this.notice = undefined
    if (verified.chosen) this.setSignedIn(login, verified.chosen)
    else this.state = { kind: 'choosing-account', login }
    await this.persist()
  }

  /**
   * The one way a session ends. `reason` says whose doing it was: 'signed-out' is the user's sign-out;
   * 'refused' is Plannr refusing the token, after which local data and unsent writes must be kept.
   */
  private async end(reason: SessionEndReason, notice?: string): Promise<void> {
    const login = this.current()
    this.generation += 1
    this.state = { kind: 'signed-out' }
    // A refresh that is storing rotated tokens lands first, so the delete below removes them too.
    await this.secretWrites
    const forgotten = await this.options.store.forget(login?.kind === 'demo' ? undefined : login?.key || undefined)
    // A refused login's tokens are dead wherever they are: why it ended matters more than the leftover entry.
    this.notice = forgotten.removed || reason === 'refused' ? notice : KEYCHAIN_DELETE_FAILED_NOTICE
    if (login) {
      const ended: SessionEnded = { reason, apiUrl: login.apiUrl, accountUuids: login.accounts.map((account) => account.uuid) }
      for (const listener of this.endListeners) {
        try {
          await listener(ended)
        } catch (error) {
          this.options.log.error('A feature failed while the session ended', error)
        }
      }
    }
    this.changed()
  }

  /** Plannr refused this login's token and no refresh could fix it: back to sign-in, saying why. */
  private refusedBy(login: Login): void {
    void this.queue.run(async () => {
      if (this.closed || this.current() !== login) return
      this.options.log.info('Plannr refused the saved sign-in; returning to the sign-in screen', { kind: login.kind })
      await this.end('refused', SESSION_REFUSED_NOTICE)
    })
  }

  /** Rotated tokens go to the keychain, unless the login has ended meanwhile (never write a token back). */
  private persistSecrets(login: Login, secrets: LoginSecrets): Promise<void> {
    const write = this.secretWrites.then(async () => {
      if (this.current() !== login || !login.key) return
      await this.options.store.saveSecrets(login.key, secrets)
    })
    this.secretWrites = write.catch((error: unknown) => this.options.log.error('Could not store refreshed tokens', error))
    return this.secretWrites
  }

  private async persist(): Promise<void> {
    if (this.state.kind === 'signed-out') return
    const { login } = this.state
    const saved: SavedLogin = {
      login: login.key,
      kind: login.kind,
      apiUrl: login.apiUrl,
      user: login.user,
      accounts: login.accounts,
      ...(this.state.kind === 'signed-in' ? { accountUuid: this.state.account.uuid } : {}),
    }
    await this.options.store.save(saved, login.tokens.snapshot())
    // Announced after the save: the keychain may have fallen back to memory, and the status says where.
    this.changed()
  }

  private async restore(): Promise<void> {
    const restored = await this.options.store.load()
    if (!restored) return
    const { saved, secrets } = restored
    if (saved.kind === 'demo') return this.restoreDemo(saved.accountUuid)
    if (!secrets) return
    const login = this.newLogin(saved.kind, saved.apiUrl, secrets)
    Object.assign(login, { key: saved.login, user: saved.user, accounts: saved.accounts })
    this.generation += 1
    const account = saved.accounts.find((candidate) => candidate.uuid === saved.accountUuid)
    if (account) this.setSignedIn(login, account)
    else this.state = { kind: 'choosing-account', login }
    this.changed()
    this.recheckInBackground(login)
  }

  private async restoreDemo(accountUuid: string | undefined): Promise<void> {
    try {
      const { apiUrl, token } = await this.options.demo()
      const login = this.newLogin('demo', apiUrl, { accessToken: token })
      const verified = await verifyLogin(this.clientFor(login))
      this.apply(login, verified)
      await this.resume(login, verified, accountUuid)
    } catch (error) {
      this.options.log.warn('Could not reopen the demo workspace', error)
    }
  }

  /** Back into a session found on disk: the saved account if it is still offered, else the usual rules. */
  private async resume(login: Login, verified: Verified, accountUuid: string | undefined): Promise<void> {
    this.generation += 1
    const account = verified.accounts.find((candidate) => candidate.uuid === accountUuid) ?? verified.chosen
    if (account) this.setSignedIn(login, account)
    else this.state = { kind: 'choosing-account', login }
    await this.persist()
  }

  /**
   * Re-checks a restored sign-in with Plannr: fresh details replace the saved ones. A refused token ends
   * the session through its token source; an unreachable Plannr is no reason to sign out.
   */
  private recheckInBackground(login: Login): void {
    const generation = this.generation
    this.background.run(async () => {
      let verified: Verified
      try {
        verified = await verifyLogin(this.clientFor(login))
      } catch (error) {
        if (!isUnauthenticated(error)) {
          this.options.log.info('Could not re-check the saved sign-in; carrying on with what was saved', {
            code: error instanceof AppError ? error.code : 'internal',
          })
        }
        return
      }
      await this.queue.run(async () => {
        if (this.closed || generation !== this.generation || this.current() !== login) return
        login.user = verified.user
        login.accounts = verified.accounts
        const chosen = this.state.kind === 'signed-in' ? this.state.account.uuid : undefined
        const account = verified.accounts.find((candidate) => candidate.uuid === chosen) ?? verified.chosen
        if (account) this.setSignedIn(login, account)
        else this.state = { kind: 'choosing-account', login }
        await this.persist()
      })
    })
  }
}
