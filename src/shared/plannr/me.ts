import { z } from 'zod'
import { PlannrId, optionalText, relation } from './common'
import { Account } from './account'

/** GET /api/v1/me — the authenticated user. */
export const Me = z.looseObject({
  uuid: PlannrId,
  type: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  name: optionalText,
  email: optionalText,
  photo_url: optionalText,
  current_account: relation(Account),
})
export type Me = z.infer<typeof Me>

/** Plannr answers /me either bare or wrapped in `data`. */
export const MeResponse = z.union([z.looseObject({ data: Me }).transform((r) => r.data), Me])
