import { z } from 'zod'
import { AccountChoice, SessionUser } from '@shared/models/session'

/**
 * What is remembered between runs, as one JSON record per keychain service. Besides the token it keeps
 * the non-secret bits needed to show the signed-in window at once, before Plannr has been asked again.
 */
export const StoredProfile = z.object({
  user: SessionUser,
  accounts: z.array(AccountChoice),
})
export type StoredProfile = z.infer<typeof StoredProfile>

export const VaultRecord = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('token'),
    apiUrl: z.string().min(1),
    token: z.string().min(1),
    accountUuid: z.string().min(1).optional(),
    profile: StoredProfile.optional(),
  }),
  // The demo's token is the sandbox's and the sandbox is started again on each run: nothing secret to keep.
  z.object({
    kind: z.literal('demo'),
    accountUuid: z.string().min(1).optional(),
  }),
])
export type VaultRecord = z.infer<typeof VaultRecord>
