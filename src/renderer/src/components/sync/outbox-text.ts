import type { OutboxMark, OutboxSummary } from '@shared/models/outbox'

/** The words shown on a row whose write is not yet on Plannr. */
export function markText(mark: OutboxMark): string {
  switch (mark) {
    case 'sending':
      return 'Sending…'
    case 'waiting':
      return 'Waiting for connection'
    case 'needs-attention':
      return 'Needs attention'
  }
}

/** The status bar's entry: "Outbox (3)", and what needs the user. */
export function outboxLabel(summary: OutboxSummary | null): string {
  const count = summary?.count ?? 0
  if (count === 0) return 'Outbox'
  return `Outbox (${count})`
}

export { unsentWarning } from '@shared/models/outbox'
