import type { OutboxItem, OutboxSummary } from '@shared/models/outbox'
import type { JobPayload } from './jobs'
import type { Outbox } from './outbox'

const SUMMARY_LENGTH = 60

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line
}

function describe(payload: JobPayload): Pick<OutboxItem, 'summary' | 'editable'> {
  switch (payload.kind) {
    case 'message.send':
      return { summary: `Message: ${clip(payload.contents)}`, editable: { field: 'contents', value: payload.contents } }
    case 'message.edit':
      return { summary: `Edited message: ${clip(payload.contents)}`, editable: { field: 'contents', value: payload.contents } }
    case 'conversation.pin':
      return { summary: payload.pin ? 'Pin a conversation' : 'Unpin a conversation', editable: null }
    case 'conversation.create':
      return { summary: `New conversation: ${clip(payload.body.name)}`, editable: { field: 'name', value: payload.body.name } }
    case 'contact-detail.create':
      return { summary: `New ${payload.body.type === 'email' ? 'email' : 'phone number'}`, editable: null }
    case 'contact-detail.update':
      return { summary: 'Changed contact detail', editable: null }
    case 'referral.request':
      return { summary: `Referral request: ${payload.adviserKey}`, editable: { field: 'adviserKey', value: payload.adviserKey } }
  }
}

/** The user's fix applied to the field they could change. */
export function withFix(payload: JobPayload, fix: { field: 'contents' | 'name' | 'adviserKey'; value: string }): JobPayload {
  if (fix.field === 'contents' && (payload.kind === 'message.send' || payload.kind === 'message.edit')) return { ...payload, contents: fix.value }
  if (fix.field === 'name' && payload.kind === 'conversation.create') return { ...payload, body: { ...payload.body, name: fix.value } }
  if (fix.field === 'adviserKey' && payload.kind === 'referral.request') return { ...payload, adviserKey: fix.value }
  throw new Error(`a ${payload.kind} has no ${fix.field} to change`)
}

/** What the status bar and the outbox list show. */
export function summarise(outbox: Outbox, userUuid: string | null): OutboxSummary {
  const items: OutboxItem[] = outbox.list().map((job) => ({
    id: job.id,
    kind: job.payload.kind,
    ...describe(job.payload),
    mark: job.state === 'needs-attention' ? 'needs-attention' : job.lastError ? 'waiting' : 'sending',
    error: job.lastError?.message ?? null,
    fields: job.lastError?.fields ?? null,
    held: job.userUuid !== userUuid,
  }))
  return { count: items.length, needsAttention: items.filter((item) => item.mark === 'needs-attention').length, items }
}
