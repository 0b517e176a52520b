import type { ParsedInput } from '@shared/contract'
import { normaliseEmail } from '@shared/contact-values'
import { normalisePhone } from '../../phone-numbers'
import type { ContactDetailType, CreateContactDetailBody, UpdateContactDetailBody } from '@shared/plannr'
import { AppError } from '@shared/result'

export type NewContactDetailInput = ParsedInput<'contacts.add'>
export type ContactDetailEditInput = ParsedInput<'contacts.update'>

type Fields = Record<string, string[]>

export const INVALID_MESSAGE = 'Some details need changing before Plannr can save this. Check the highlighted fields.'

function invalid(fields: Fields): AppError {
  return new AppError('validation', INVALID_MESSAGE, { fields })
}

function add(fields: Fields, key: string, message: string): void {
  ;(fields[key] ??= []).push(message)
}

/**
 * The value as the seed page wants it: an email address; a UK phone number in E.164 (Plannr reads phone
 * strings as GB); any other country's number as `{ country, number }` in international form.
 */
function plannrValue(type: ContactDetailType, value: string, country: string | null, fields: Fields): CreateContactDetailBody['value'] {
  if (type === 'email') {
    const email = normaliseEmail(value)
    if (email.ok) return email.value
    add(fields, 'value', email.message)
    return value
  }
  const phone = normalisePhone(value, country ?? undefined)
  if (!phone.ok) {
    add(fields, 'value', phone.message)
    return value
  }
  return phone.country === 'GB' ? phone.e164 : { country: phone.country, number: phone.international }
}

/** Owners once each, in the order chosen; primaries must be among them. */
function owners(ownerUuids: readonly string[], primaryOwnerUuids: readonly string[], fields: Fields) {
  const owners = [...new Set(ownerUuids)]
  const primaries = [...new Set(primaryOwnerUuids)]
  if (primaries.some((uuid) => !owners.includes(uuid))) {
    add(fields, 'primaryOwnerUuids', 'Only an owner of this contact detail can have it as their primary.')
  }
  return { owners, primaries }
}

/** POST /api/v2/contact-details, exactly the seed page's six fields; throws `validation` with our field names. */
export function createContactDetailBody(input: NewContactDetailInput): CreateContactDetailBody {
  const fields: Fields = {}
  const value = plannrValue(input.type, input.value, input.country, fields)
  const { owners: accountUuids, primaries } = owners(input.ownerUuids, input.primaryOwnerUuids, fields)
  if (Object.keys(fields).length > 0) throw invalid(fields)
  return {
    type: input.type,
    name: input.description.trim(),
    value,
    is_primary: input.isPrimary,
    account_uuids: accountUuids,
    // "Make primary" with no owner picked out means primary for every owner: say so explicitly.
    primary_account_uuids: input.isPrimary && primaries.length === 0 ? accountUuids : primaries,
  }
}

/** PUT /api/v2/contact-details/{uuid}: name, value and owners; no type and no is_primary. */
export function updateContactDetailBody(input: ContactDetailEditInput): UpdateContactDetailBody {
  const fields: Fields = {}
  const value = plannrValue(input.type, input.value, input.country, fields)
  const { owners: accountUuids, primaries } = owners(input.ownerUuids, input.primaryOwnerUuids, fields)
  if (Object.keys(fields).length > 0) throw invalid(fields)
  return { name: input.description.trim(), value, account_uuids: accountUuids, primary_account_uuids: primaries }
}

/** Plannr's field names (dotted for array items) → the contract's input names. */
function ourField(plannrField: string): string {
  const [head, tail] = plannrField.split('.', 2)
  switch (head) {
    case 'name':
      return 'description'
    case 'value':
      return tail === 'country' ? 'country' : 'value'
    case 'account_uuids':
      return 'ownerUuids'
    case 'primary_account_uuids':
      return 'primaryOwnerUuids'
    case 'is_primary':
      return 'isPrimary'
    case 'type':
      return 'type'
    default:
      return '_'
  }
}

/** Laravel names fields in its messages ("The selected account_uuids.0 is invalid."): use the form's words. */
const WORDS: Array<[RegExp, string]> = [
  [/\bprimary_account_uuids(\.\d+)?\b/g, 'primary owner'],
  [/\baccount_uuids(\.\d+)?\b/g, 'owner'],
  [/\bvalue\.number\b/g, 'number'],
  [/\bvalue\.country\b/g, 'country'],
  [/\bis_primary\b/g, 'make primary'],
  [/\bname\b/g, 'description'],
]

function inOurWords(message: string): string {
  return WORDS.reduce((text, [pattern, word]) => text.replace(pattern, word), message)
}

/** A 422's `errors`, keyed as the form's fields, so each message shows at the control it concerns. */
export function contactFieldErrors(plannrFields: Readonly<Record<string, readonly string[]>>): Fields {
  const fields: Fields = {}
  for (const [field, messages] of Object.entries(plannrFields)) {
    for (const message of messages) {
      const key = ourField(field)
      const text = inOurWords(message)
      if (!fields[key]?.includes(text)) add(fields, key, text)
    }
  }
  return fields
}
