import type { ConversationDetail, ConversationRow, MessageView } from '@shared/models/conversations'
import type { MoneyView } from '@shared/models/common'
import { accountName, type Account, type Case, type Conversation, type Message } from '@shared/plannr'

/** How long a list's latest-message preview may be; the row shows one or two lines of it. */
export const PREVIEW_LENGTH = 160

/**
 * One line of plain text from a message: Plannr's web app may store markup, and a preview must never
 * carry it into the list.
 */
export function previewOf(contents: string | null | undefined): string {
  const text = (contents ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : text
}

/** Who wrote a message: the author account, else the user behind it. */
export function authorNameOf(message: Message): string | null {
  if (message.author) return accountName(message.author)
  const user = message.user
  if (!user) return null
  return user.name?.trim() || [user.first_name, user.last_name].filter(Boolean).join(' ') || null
}

export function toConversationRow(conversation: Conversation): ConversationRow {
  const latest = conversation.latest_message
  return {
    uuid: conversation.uuid,
    name: conversation.name,
    pinned: conversation.pinned ?? false,
    latestMessage: latest
      ? { preview: previewOf(latest.contents), at: latest.created_at, authorName: authorNameOf(latest) }
      : null,
    messagesCount: conversation.messages_count ?? null,
    participantsCount: conversation.participants_count ?? conversation.participants?.length ?? null,
    tags: (conversation.tags ?? []).map((tag) => ({ uuid: tag.uuid, name: tag.name, colour: tag.colour ?? null })),
    case: conversation.case ? caseOf(conversation.case) : null,
    updatedAt: conversation.updated_at ?? null,
  }
}

function caseOf(record: Case): NonNullable<ConversationRow['case']> {
  return { uuid: record.uuid, name: record.name ?? null, value: moneyOf(record.value) }
}

/**
 * Plannr's money object: `amount` in the minor unit, as a string or a number. Anything that is not a
 * whole number of pennies in a three-letter currency reads as no value rather than a wrong one.
 */
export function moneyOf(money: Case['value']): MoneyView | null {
  if (!money || money.amount === null || money.amount === undefined) return null
  const minor = typeof money.amount === 'number' ? money.amount : Number(money.amount.trim())
  const currency = (money.currency ?? 'GBP').toUpperCase()
  if (!Number.isSafeInteger(minor) || !/^[A-Z]{3}$/.test(currency)) return null
  return { minor, currency }
}

function personOf(account: Account) {
  return { uuid: account.uuid, name: accountName(account), type: account.type ?? null, role: account.role ?? null }
}

export function toConversationDetail(conversation: Conversation): ConversationDetail {
  return {
    ...toConversationRow(conversation),
    participants: (conversation.participants ?? []).map(personOf),
    isAdmin: conversation.is_admin ?? false,
  }
}

/** A message as the thread shows it; `mine` when the signed-in account wrote it (only those may be edited). */
export function toMessageView(message: Message, accountUuid: string | undefined): MessageView {
  const authorUuid = message.author?.uuid ?? null
  return {
    uuid: message.uuid,
    contents: message.contents ?? '',
    authorUuid,
    authorName: authorNameOf(message) ?? 'Unknown',
    mine: accountUuid !== undefined && authorUuid === accountUuid,
    at: message.created_at,
    edited: message.edited ?? false,
  }
}
