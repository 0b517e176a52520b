import type { SessionStatus } from '@shared/models/session'
import type { IpcError, Result } from '@shared/result'
import type { Client } from '../api'

/** What the user asked for, so the UI can show busy and errors at the control that started it. */
export type SessionAction = 'load' | 'token' | 'plannr' | 'demo' | 'account' | 'sign-out'

export interface SessionFailure {
  action: SessionAction
  error: IpcError
}

/** The session as the UI needs it: who is signed in, what is in flight, and what just went wrong. */
export class SessionState {
  /** Null until main has answered the first time. */
  status = $state<SessionStatus | null>(null)
  busy = $state<SessionAction | null>(null)
  failure = $state<SessionFailure | null>(null)

  readonly #client: Client
  #unsubscribe: (() => void) | null = null

  constructor(client: Client) {
    this.#client = client
  }

  /** Loads the current status and follows 'session.changed'. Returns the function that stops following. */
  start(): () => void {
    this.#unsubscribe ??= this.#client.onEvent('session.changed', (status) => {
      this.status = status
    })
    void this.load()
    return () => {
      this.#unsubscribe?.()
      this.#unsubscribe = null
    }
  }

  load(): Promise<boolean> {
    return this.#run('load', () => this.#client.api.session.status())
  }

  signIn(token: string): Promise<boolean> {
    return this.#run('token', () => this.#client.api.session.signInWithToken({ token }))
  }

  /** Opens Plannr's sign-in page in the browser and waits for it (the status shows the link meanwhile). */
  signInWithPlannr(): Promise<boolean> {
    return this.#run('plannr', () => this.#client.api.session.signInWithPlannr())
  }

  /** Stops waiting for the browser. Not queued behind the sign-in it cancels: that is still busy. */
  async cancelSignIn(): Promise<void> {
    const result = await this.#client.api.session.cancelSignIn()
    if (result.ok) this.status = result.value
  }

  startDemo(): Promise<boolean> {
    return this.#run('demo', () => this.#client.api.session.startDemo())
  }

  chooseAccount(accountUuid: string): Promise<boolean> {
    return this.#run('account', () => this.#client.api.session.chooseAccount({ accountUuid }))
  }

  signOut(): Promise<boolean> {
    return this.#run('sign-out', () => this.#client.api.session.signOut())
  }

  /** The error for one action, if that action failed last. */
  errorFor(action: SessionAction): IpcError | null {
    return this.failure?.action === action ? this.failure.error : null
  }

  clearError(): void {
    this.failure = null
  }

  async #run(action: SessionAction, call: () => Promise<Result<SessionStatus>>): Promise<boolean> {
    // One session change at a time: a second click while the first is in flight does nothing.
    if (this.busy !== null && action !== 'load') return false
    this.busy = action
    this.failure = null
    try {
      const result = await call()
      if (result.ok) {
        this.status = result.value
        return true
      }
      this.failure = { action, error: result.error }
      return false
    } finally {
      this.busy = null
    }
  }
}
