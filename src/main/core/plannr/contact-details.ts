import {
  ContactDetail,
  CreateContactDetailBody,
  UpdateContactDetailBody,
  type CONTACT_DETAIL_INCLUDES,
  type CONTACT_DETAIL_SORTS,
} from '@shared/plannr'
import type { PlannrClient } from './client'
import { checkedBody, resource } from './envelope'
import { segment, sortParam, type SortDirection } from './query'

export type ContactDetailInclude = (typeof CONTACT_DETAIL_INCLUDES)[number]
export type ContactDetailSort = (typeof CONTACT_DETAIL_SORTS)[number]

export interface ContactDetailListParams {
  uuids?: readonly string[]
  accountUuids?: readonly string[]
  circleUuids?: readonly string[]
  include?: readonly ContactDetailInclude[]
  sort?: ContactDetailSort
  direction?: SortDirection
}

const PATH = '/api/v2/contact-details'

/** GET /api/v2/contact-details — every matching contact detail, all pages. */
export function listContactDetails(client: PlannrClient, params: ContactDetailListParams = {}): Promise<ContactDetail[]> {
  return client.getAll(PATH, ContactDetail, {
    'filter[uuid]': params.uuids,
    'filter[account_uuids]': params.accountUuids,
    'filter[circle_uuids]': params.circleUuids,
    include: params.include,
    sort: sortParam(params.sort, params.direction),
  })
}

/** POST /api/v2/contact-details → 201. */
export async function createContactDetail(client: PlannrClient, body: CreateContactDetailBody): Promise<ContactDetail> {
  return client.send('POST', PATH, resource(ContactDetail), checkedBody(CreateContactDetailBody, body, 'a new contact detail'))
}

/** PUT /api/v2/contact-details/{uuid} — no type and no is_primary: a detail's type cannot change. */
export async function updateContactDetail(client: PlannrClient, uuid: string, body: UpdateContactDetailBody): Promise<ContactDetail> {
  return client.send(
    'PUT',
    `${PATH}/${segment(uuid)}`,
    resource(ContactDetail),
    checkedBody(UpdateContactDetailBody, body, 'a contact detail change'),
  )
}
