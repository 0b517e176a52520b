import { z } from 'zod'
import { PlannrId } from './common'
import { ContactDetailType } from './contact-detail'

/**
 * Request bodies, exactly as the seed pages specify them. The client sends these and the sandbox
 * reads them, so both ends agree on one definition.
 */

/** POST /api/v1/conversation */
export const CreateConversationBody = z.object({
  name: z.string(),
  case: PlannrId.optional(),
  participants: z.array(PlannrId).optional(),
})
export type CreateConversationBody = z.infer<typeof CreateConversationBody>

/** POST /api/v1/conversation/{uuid}/messages and PUT …/messages/{uuid} */
export const MessageBody = z.object({
  contents: z.string(),
  files: z.array(PlannrId).optional(),
})
export type MessageBody = z.infer<typeof MessageBody>

/** POST /api/v1/conversation/{uuid}/pin */
export const PinBody = z.object({ pin: z.boolean() })
export type PinBody = z.infer<typeof PinBody>

/** A phone number in another country's format: `{ country: "AU", number: "+61 2 3456 7890" }`. */
export const PhoneValue = z.object({ country: z.string().length(2), number: z.string() })

/** POST /api/v2/contact-details */
export const CreateContactDetailBody = z.object({
  type: ContactDetailType,
  name: z.string(),
  value: z.union([z.string(), PhoneValue]),
  is_primary: z.boolean().optional(),
  account_uuids: z.array(PlannrId),
  primary_account_uuids: z.array(PlannrId).optional(),
})
export type CreateContactDetailBody = z.infer<typeof CreateContactDetailBody>

/** PUT /api/v2/contact-details/{uuid}: no type and no is_primary. */
export const UpdateContactDetailBody = z.object({
  name: z.string(),
  value: z.union([z.string(), PhoneValue]),
  account_uuids: z.array(PlannrId),
  primary_account_uuids: z.array(PlannrId).optional(),
})
export type UpdateContactDetailBody = z.infer<typeof UpdateContactDetailBody>

/** POST /api/v1/referral-connections */
export const CreateReferralConnectionBody = z.object({ adviser_key: z.string() })
export type CreateReferralConnectionBody = z.infer<typeof CreateReferralConnectionBody>
