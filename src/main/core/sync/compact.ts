import type { Account, Circle } from '@shared/plannr'

/*
 * What the store keeps of a record: the fields the app reads, not everything Plannr sends. Records are
 * decrypted and parsed on every start, so a client kept at a tenth of its size opens ten times faster.
 */

type Contact = NonNullable<Account['primary_email']>

function contact(value: Contact | null | undefined): Contact | undefined {
  if (!value) return undefined
  const formatted = value.phone_number_meta?.formatted
  return {
    uuid: value.uuid,
    type: value.type,
    name: value.name,
    value: value.value,
    ...(formatted ? { phone_number_meta: { formatted, country: value.phone_number_meta?.country } } : {}),
  }
}

/** A person as a list, a picker or a circle's members show them. */
export function compactPerson(account: Account): Account {
  return {
    uuid: account.uuid,
    type: account.type,
    role: account.role,
    name: account.name,
    first_name: account.first_name,
    last_name: account.last_name,
    entity_name: account.entity_name,
    email: account.email,
    updated_at: account.updated_at,
  }
}

/** A client as the list, its search and the quick switcher use it. */
export function compactClient(account: Account): Account {
  return { ...compactPerson(account), primary_email: contact(account.primary_email), primary_phone_number: contact(account.primary_phone_number) }
}

/** A circle as its row, detail pane, filters and pickers use it. */
export function compactCircle(circle: Circle): Circle {
  return {
    uuid: circle.uuid,
    name: circle.name,
    created_at: circle.created_at,
    updated_at: circle.updated_at,
    bg_colour: circle.bg_colour,
    photo_url: circle.photo_url,
    joint_account_uuid: circle.joint_account_uuid,
    accounts: circle.accounts?.map(compactPerson),
    groups: circle.groups?.map((group) => ({ uuid: group.uuid, name: group.name, participants_count: group.participants_count })),
    external_references: circle.external_references?.map((ref) => ({ uuid: ref.uuid, reference: ref.reference, third_party: ref.third_party })),
  }
}
