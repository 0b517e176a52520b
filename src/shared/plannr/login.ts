import { z } from 'zod'
import { PlannrId, Timestamp, optionalText, relation } from './common'
import { Account } from './account'
import { Firm } from './firm'

/** A login joins the user to one account on one firm, with its permissions. */
export const Login = z.looseObject({
  uuid: PlannrId,
  created_at: Timestamp.nullish(),
  expires_at: Timestamp.nullish(),
  has_write_permission: z.boolean().nullish(),
  has_delete_permission: z.boolean().nullish(),
  primary: z.boolean().nullish(),
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  // We depend on the account: a login without one cannot be used.
  account: Account,
  firm: relation(Firm),
})
export type Login = z.infer<typeof Login>

/** GET /api/v1/logins. `preferred_account_uuid` is present for integrations enrolled after 29 Nov 2024. */
export const LoginsResponse = z.looseObject({
  data: z.array(Login),
  preferred_account_uuid: PlannrId.nullish(),
})
export type LoginsResponse = z.infer<typeof LoginsResponse>
