import { z } from 'zod'
import { ExternalReference, PlannrId, Tag, Timestamp, optionalText, relation, relationList } from './common'
import { Firm } from './firm'

export const ACCOUNT_TYPES = ['client', 'employee', 'external'] as const
export const AccountType = z.enum(ACCOUNT_TYPES)

/** GET /api/v1/account `include` and `sort` (default first_name). */
export const ACCOUNT_INCLUDES = [
  'primary_phone_number',
  'primary_email',
  'primary_address',
  'assigned_adviser',
  'assigned_administrator',
  'assigned_paraplanner',
  'groups',
  'tags',
  'owners',
  'custom_fields',
  'external_references',
  'charge_split_schema',
] as const
export type AccountInclude = (typeof ACCOUNT_INCLUDES)[number]

export const ACCOUNT_SORTS = [
  'created_at',
  'updated_at',
  'first_name',
  'last_name',
  'email',
  'next_review_date',
  'previous_review_date',
  'anniversary_review_date',
] as const
export type AccountSort = (typeof ACCOUNT_SORTS)[number]

/** A phone number's display form, returned with v2 contact details. */
export const PhoneNumberMeta = z.looseObject({
  country: optionalText,
  formatted: optionalText,
})

/** The primary email / phone relations an account can include: a contact-detail-like shape. */
export const PrimaryContact = z.looseObject({
  uuid: PlannrId.optional(),
  type: optionalText,
  name: optionalText,
  value: z.unknown().optional(),
  phone_number_meta: relation(PhoneNumberMeta),
})

/**
 * An account: a person or entity on a firm (client, employee or external). `type` is kept as a
 * string so that a type Plannr adds later does not break a list; code compares with ACCOUNT_TYPES.
 */
export const Account = z.looseObject({
  uuid: PlannrId,
  type: optionalText,
  role: optionalText,
  name: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  entity_name: optionalText,
  email: optionalText,
  photo_url: optionalText,
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  inactive_at: optionalText,
  has_joint_account: z.boolean().nullish(),
  firm: relation(Firm),
  tags: relationList(Tag),
  external_references: relationList(ExternalReference),
  primary_email: relation(PrimaryContact),
  primary_phone_number: relation(PrimaryContact),
})
export type Account = z.infer<typeof Account>

/** The display name of an account, whichever name fields it carries. */
export function accountName(account: Pick<Account, 'name' | 'first_name' | 'last_name' | 'entity_name'>): string {
  const joined = [account.first_name, account.last_name].filter(Boolean).join(' ')
  return account.name?.trim() || joined || account.entity_name?.trim() || 'Unnamed account'
}
