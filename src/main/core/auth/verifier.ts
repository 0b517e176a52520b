import type { AccountChoice, SessionUser } from '@shared/models/session'
import { AppError } from '@shared/result'
import { getMe, listLogins, type PlannrClient } from '../plannr'
import { decideAccount, toSessionUser } from './account-choice'

export const TOKEN_REJECTED_MESSAGE =
  'Plannr did not accept that token. Check that you copied all of it, and that it has not expired or been revoked.'
export const UNREACHABLE_MESSAGE = "Plannr can't be reached. Check your internet connection, then try again."

/** Who a token belongs to, as Plannr says. */
export interface Verified {
  /** Names the login's keychain entry: one per Plannr user and server. */
  login: string
  user: SessionUser
  accounts: AccountChoice[]
  /** The account Plannr's rules pick, when they pick one. */
  chosen: AccountChoice | undefined
}

/** Plannr's answer to a failed check, in words a user can act on. */
function explain(error: unknown, rejectedMessage: string): unknown {
  if (error instanceof AppError && error.code === 'unauthenticated') return new AppError('unauthenticated', rejectedMessage)
  if (error instanceof AppError && error.code === 'network') return new AppError('network', UNREACHABLE_MESSAGE)
  return error
}

export function loginKey(apiUrl: string, userUuid: string): string {
  return `${new URL(apiUrl).host} ${userUuid}`
}

/** Asks Plannr who the token belongs to and which accounts it may act as (no account header needed). */
export async function verifyLogin(client: PlannrClient, rejectedMessage = TOKEN_REJECTED_MESSAGE): Promise<Verified> {
  try {
    const [me, logins] = await Promise.all([getMe(client), listLogins(client)])
    const decision = decideAccount(logins)
    if (decision.kind === 'none') {
      throw new AppError('forbidden', 'Plannr accepted that sign-in, but it gives access to no accounts.')
    }
    return {
      login: loginKey(client.baseUrl, me.uuid),
      user: toSessionUser(me),
      accounts: decision.accounts,
      chosen: decision.kind === 'chosen' ? decision.account : undefined,
    }
  } catch (error) {
    throw explain(error, rejectedMessage)
  }
}
