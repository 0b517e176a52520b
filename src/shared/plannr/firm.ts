import { z } from 'zod'
import { PlannrId, optionalText } from './common'

export const Firm = z.looseObject({
  uuid: PlannrId,
  name: z.string(),
  slug: optionalText,
  logo: optionalText,
  logo_icon: optionalText,
})
export type Firm = z.infer<typeof Firm>
