import { z } from 'zod'

/** An account the user can act as: one of their logins' accounts. */
export const AccountChoice = z.object({
  uuid: z.string(),
  name: z.string(),
  type: z.string(),
  role: z.string().nullable(),
  firmName: z.string().nullable(),
  /** Plannr's preferred_account_uuid names this account. */
  preferred: z.boolean(),
})
export type AccountChoice = z.infer<typeof AccountChoice>

export const SessionUser = z.object({
  name: z.string(),
  email: z.string().nullable(),
})
export type SessionUser = z.infer<typeof SessionUser>

/** Where the token is kept: the OS keychain, or — when none is usable — memory for this session only. */
export const TokenStorage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keychain') }),
  z.object({ kind: z.literal('session-only'), reason: z.string() }),
])
export type TokenStorage = z.infer<typeof TokenStorage>

/** The session as the renderer sees it. The token itself never appears here. */
export const SessionStatus = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('signed-out'),
    storage: TokenStorage,
    /** Why the last session ended, or what went wrong at sign-out, in words for the user. */
    notice: z.string().optional(),
    /** A "Sign in with Plannr" waiting for the browser: the page it opened, for the user to copy. */
    authorizing: z.object({ url: z.string() }).optional(),
  }),
  z.object({
    state: z.literal('choosing-account'),
    storage: TokenStorage,
    user: SessionUser,
    accounts: z.array(AccountChoice),
    demo: z.boolean(),
  }),
  z.object({
    state: z.literal('signed-in'),
    storage: TokenStorage,
    user: SessionUser,
    account: AccountChoice,
    /** Other accounts the user could switch to. */
    accounts: z.array(AccountChoice),
    demo: z.boolean(),
    apiUrl: z.string(),
  }),
])
export type SessionStatus = z.infer<typeof SessionStatus>
