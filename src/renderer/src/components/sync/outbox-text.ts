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

/**
 * The line under a list that holds some of the user's unsent writes, so the marks on its rows are said
 * once, the same way in every view: "2 not on Plannr yet: 1 sending, 1 needs attention (see Outbox)".
 * Empty when every row is on Plannr.
 */
export function unsentRowsText(marks: Iterable<OutboxMark | undefined>): string {
  const counts: Record<OutboxMark, number> = { sending: 0, waiting: 0, 'needs-attention': 0 }
  for (const mark of marks) if (mark) counts[mark]++
  const total = counts.sending + counts.waiting + counts['needs-attention']
  if (total === 0) return ''
  const parts = [
    counts.sending > 0 ? `${counts.sending} sending` : null,
    counts.waiting > 0 ? `${counts.waiting} waiting for connection` : null,
    counts['needs-attention'] > 0 ? `${counts['needs-attention']} ${counts['needs-attention'] === 1 ? 'needs' : 'need'} attention` : null,
  ].filter((part) => part !== null)
  const fix = counts['needs-attention'] > 0 ? ' (fix or discard in Outbox, in the status bar)' : ''
  return `${total} not on Plannr yet: ${parts.join(', ')}${fix}`
}
