import { z } from 'zod'
import { OutboxMark } from './outbox'
import { ContactDetailType } from '../plannr/contact-detail'
import { Id } from './common'
import { userText } from './text'

export const ContactOwner = z.object({ uuid: z.string(), name: z.string(), primary: z.boolean() })

/** A contact detail as a client's card shows it. */
export const ContactDetailView = z.object({
  uuid: z.string(),
  type: ContactDetailType,
  description: z.string().nullable(),
  /** What Plannr stores: E.164 for phones, the address for emails. */
  value: z.string(),
  /** What to show: phone_number_meta.formatted for phones, else the value. */
  display: z.string(),
  country: z.string().nullable(),
  /** Primary for the client being viewed (in answers to add and update: primary for any owner). */
  primary: z.boolean(),
  owners: z.array(ContactOwner),
  /** Present while this row holds a write not yet on Plannr. */
  outbox: OutboxMark.optional(),
})
export type ContactDetailView = z.infer<typeof ContactDetailView>

const Description = userText({ required: 'Describe it, e.g. “Mobile” or “Work email”', max: 255, tooLong: 'Keep the description under 255 characters' })
const Value = userText({ required: 'Enter the email address or phone number', max: 320, tooLong: 'That is too long' })
/** ISO 3166 country of a phone number; GB when absent. */
const Country = z.string().regex(/^[A-Z]{2}$/, 'Choose a country').nullable().default(null)

export const NewContactDetail = z.strictObject({
  type: ContactDetailType,
  description: Description,
  value: Value,
  country: Country,
  /** Make it the primary of its type (the others of that type stop being primary). */
  isPrimary: z.boolean().default(false),
  ownerUuids: z.array(Id).min(1, 'Choose at least one owner').max(20),
  /** Owners who have it as their primary; each must be an owner. */
  primaryOwnerUuids: z.array(Id).max(20).default([]),
})
export type NewContactDetail = z.input<typeof NewContactDetail>

export const ContactDetailEdit = z.strictObject({
  uuid: Id,
  /** The detail's type, which cannot change: it says how to check the value. */
  type: ContactDetailType,
  description: Description,
  value: Value,
  country: Country,
  ownerUuids: z.array(Id).min(1, 'Choose at least one owner').max(20),
  primaryOwnerUuids: z.array(Id).max(20).default([]),
})
export type ContactDetailEdit = z.input<typeof ContactDetailEdit>
