import { z } from 'zod'
import { PlannrId, Timestamp, optionalText, relation, relationList } from './common'
import { Account, PhoneNumberMeta } from './account'

export const CONTACT_DETAIL_TYPES = ['email', 'phone_number'] as const
export const ContactDetailType = z.enum(CONTACT_DETAIL_TYPES)
export type ContactDetailType = z.infer<typeof ContactDetailType>

/** A v2 contact detail: firm-level, shared by one or more client accounts. */
export const ContactDetail = z.looseObject({
  uuid: PlannrId,
  type: ContactDetailType,
  name: optionalText,
  value: z.string(),
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  phone_number_meta: relation(PhoneNumberMeta),
  // The docs' example renders the owners as one object; relationList reads either form as a list.
  accounts: relationList(Account),
  primary_accounts: relationList(Account),
})
export type ContactDetail = z.infer<typeof ContactDetail>

export const CONTACT_DETAIL_INCLUDES = ['accounts', 'primary_accounts'] as const
export const CONTACT_DETAIL_SORTS = ['created_at', 'updated_at', 'name', 'value'] as const
