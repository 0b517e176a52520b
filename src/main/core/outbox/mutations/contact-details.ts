import type { ContactDetail } from '@shared/plannr'
import { normalisePhone } from '../../phone-numbers'
import { createContactDetail, listContactDetails, updateContactDetail } from '../../plannr'
import type { AccountStore } from '../../store'
import { storedRecordCodec } from '../../sync/codec'
import { createdSince, type Mutation } from '../mutation'

/** A client's contact details as last read (the contacts feature's own kind). */
export function detailsOf(store: AccountStore, clientUuid: string) {
  return store.repository(`contact-details|${clientUuid}`, storedRecordCodec<ContactDetail>())
}

/** Plannr's `account_uuids.0` and the like → the form's fields. */
function contactFields(fields: Record<string, string[]>): Record<string, string[]> {
  const mapped: Record<string, string[]> = {}
  for (const [field, messages] of Object.entries(fields)) {
    const target = field.replace(/\.\d+$/, '')
    mapped[target] = [...(mapped[target] ?? []), ...messages]
  }
  return mapped
}

export function valueText(value: string | { country: string; number: string }): string {
  return typeof value === 'string' ? value : value.number
}

/**
 * A phone number's country and national form as Plannr will give them, so that what is shown before
 * Plannr answers reads as the new number (not the one it replaces, nor a bare +44…).
 */
function phoneMeta(value: string | { country: string; number: string }, known: ContactDetail['phone_number_meta']): ContactDetail['phone_number_meta'] {
  const country = typeof value === 'string' ? (known?.country ?? undefined) : value.country
  const phone = normalisePhone(valueText(value), country)
  return phone.ok ? { ...known, country: phone.country, formatted: phone.national } : known
}

export const createContactDetailMutation: Mutation<'contact-detail.create'> = {
  kind: 'contact-detail.create',
  recordKey: (payload) => `contact-detail:${payload.tempUuid}`,
  apply(store, payload) {
    const optimistic: ContactDetail = {
      uuid: payload.tempUuid,
      type: payload.body.type,
      name: payload.body.name,
      value: valueText(payload.body.value),
      ...(payload.body.type === 'phone_number' ? { phone_number_meta: phoneMeta(payload.body.value, undefined) } : {}),
      created_at: payload.createdAt,
      updated_at: payload.createdAt,
      accounts: payload.body.account_uuids.map((uuid) => ({ uuid })),
    }
    for (const owner of payload.body.account_uuids) detailsOf(store, owner).upsertPage([optimistic])
  },
  async send(client, payload) {
    const detail = await createContactDetail(client, payload.body)
    return { uuid: detail.uuid, record: detail }
  },
  async find(client, payload, since, claimed) {
    const owners = payload.body.account_uuids
    const details = await listContactDetails(client, { accountUuids: owners, include: ['accounts'] })
    const value = valueText(payload.body.value)
    const found = details.find(
      (detail) =>
        !claimed.has(detail.uuid) &&
        detail.type === payload.body.type &&
        (detail.value === value || detail.phone_number_meta?.number === value) &&
        createdSince(detail.created_at, since),
    )
    return found ? { uuid: found.uuid, record: found } : null
  },
  reconcile(store, payload, delivered) {
    const detail = delivered.record as ContactDetail
    for (const owner of payload.body.account_uuids) {
      const details = detailsOf(store, owner)
      details.remove([payload.tempUuid])
      details.upsertPage([detail])
    }
    return { from: payload.tempUuid, to: detail.uuid }
  },
  rollback(store, payload) {
    for (const owner of payload.body.account_uuids) detailsOf(store, owner).remove([payload.tempUuid])
  },
  fields: contactFields,
}

export const updateContactDetailMutation: Mutation<'contact-detail.update'> = {
  kind: 'contact-detail.update',
  recordKey: (payload) => `contact-detail:${payload.uuid}`,
  apply(store, payload) {
    for (const owner of payload.body.account_uuids) {
      detailsOf(store, owner).update(payload.uuid, (detail) => ({
        ...detail,
        name: payload.body.name,
        value: valueText(payload.body.value),
        ...(detail.type === 'phone_number' ? { phone_number_meta: phoneMeta(payload.body.value, detail.phone_number_meta) } : {}),
      }))
    }
  },
  async send(client, payload) {
    const detail = await updateContactDetail(client, payload.uuid, payload.body)
    return { uuid: detail.uuid, record: detail }
  },
  reconcile(store, payload, delivered) {
    const detail = delivered.record as ContactDetail
    for (const owner of payload.body.account_uuids) detailsOf(store, owner).upsertPage([detail])
    return null
  },
  rollback(store, payload) {
    const previous = payload.previous as ContactDetail | null
    if (!previous) return
    for (const owner of payload.body.account_uuids) detailsOf(store, owner).update(payload.uuid, () => previous)
  },
  fields: contactFields,
}
