import type { JobKind } from '../jobs'
import type { Mutation } from '../mutation'
import { createContactDetailMutation, updateContactDetailMutation } from './contact-details'
import { createConversationMutation, pinMutation } from './conversations'
import { editMessageMutation, sendMessageMutation } from './messages'
import { requestReferralMutation } from './referrals'

const MUTATIONS: { [K in JobKind]: Mutation<K> } = {
  'message.send': sendMessageMutation,
  'message.edit': editMessageMutation,
  'conversation.pin': pinMutation,
  'conversation.create': createConversationMutation,
  'contact-detail.create': createContactDetailMutation,
  'contact-detail.update': updateContactDetailMutation,
  'referral.request': requestReferralMutation,
}

export function mutationOf<K extends JobKind>(kind: K): Mutation<K> {
  return MUTATIONS[kind]
}

