import type { AccountOption, ClientRow } from '@shared/models/accounts'
import type { ContactDetailView } from '@shared/models/contacts'
import { displayPhone } from '../../phone-numbers'
import { accountName, type Account, type ContactDetail } from '@shared/plannr'

/** Plannr's primary_email / primary_phone_number relation, as an account carries it. */
type PrimaryContact = NonNullable<Account['primary_email']>

function primaryValue(contact: PrimaryContact | null | undefined): string | null {
  return typeof contact?.value === 'string' && contact.value !== '' ? contact.value : null
}

/** The primary phone as a UK reader should see it (international form for numbers from abroad). */
function primaryPhone(contact: PrimaryContact | null | undefined): string | null {
  const value = primaryValue(contact)
  return value === null ? null : displayPhone(value, contact?.phone_number_meta?.country, contact?.phone_number_meta?.formatted)
}

export function clientRow(account: Account): ClientRow {
  return {
    uuid: account.uuid,
    name: accountName(account),
    role: account.role ?? null,
    email: primaryValue(account.primary_email) ?? account.email ?? null,
    phone: primaryPhone(account.primary_phone_number),
  }
}

export function accountOption(account: Account): AccountOption {
  return {
    uuid: account.uuid,
    name: accountName(account),
    type: account.type ?? null,
    role: account.role ?? null,
    email: primaryValue(account.primary_email) ?? account.email ?? null,
  }
}

/**
 * A contact detail as a client's card shows it. `primary` is for `clientUuid` (the card's client); an
 * answer to add or update, which concerns no one card, is primary when any owner has it as primary.
 */
export function contactDetailView(detail: ContactDetail, clientUuid?: string): ContactDetailView {
  const primaryUuids = new Set((detail.primary_accounts ?? []).map((account) => account.uuid))
  const phone = detail.type === 'phone_number'
  return {
    uuid: detail.uuid,
    type: detail.type,
    description: detail.name?.trim() || null,
    value: detail.value,
    display: phone ? displayPhone(detail.value, detail.phone_number_meta?.country, detail.phone_number_meta?.formatted) : detail.value,
    country: phone ? (detail.phone_number_meta?.country ?? null) : null,
    primary: clientUuid === undefined ? primaryUuids.size > 0 : primaryUuids.has(clientUuid),
    owners: (detail.accounts ?? []).map((account) => ({
      uuid: account.uuid,
      name: accountName(account),
      primary: primaryUuids.has(account.uuid),
    })),
  }
}

/** The relation an account shows for `detail` as its primary email or phone. */
export function asPrimaryContact(detail: ContactDetail): PrimaryContact {
  return {
    uuid: detail.uuid,
    type: detail.type,
    name: detail.name ?? null,
    value: detail.value,
    phone_number_meta: detail.phone_number_meta ?? undefined,
  }
}
