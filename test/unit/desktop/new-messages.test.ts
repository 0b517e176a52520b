import { describe, expect, it } from 'vitest'
import type { ConversationRow, MessageView } from '@shared/models/conversations'
import { memoryLog } from '../../../src/main/core/log'
import { NewMessageWatcher } from '../../../src/main/core/desktop/new-messages-from-conversations'
import type { NewMessageEvent } from '../../../src/main/core/desktop/notification-batch'

/*
 * The watcher reads the conversations list, then the newest page of a conversation that changed. Plannr
 * keeps answering in between: the page can hold messages the list had not counted yet. Each message is
 * reported once, whichever look sees it first.
 */

const message = (n: number, at: string): MessageView => ({
  uuid: `m${n}`,
  contents: `message ${n}`,
  authorUuid: 'colleague',
  authorName: 'Daniel Hughes',
  mine: false,
  at,
  edited: false,
})

const row = (count: number, at: string): ConversationRow => ({
  uuid: 'c1',
  name: 'Annual review',
  pinned: false,
  latestMessage: { preview: '…', at, authorName: 'Daniel Hughes' },
  messagesCount: count,
  participantsCount: 2,
  tags: [],
  case: null,
  updatedAt: at,
})

/** Plannr as the watcher sees it, one look at a time: the list it gets, then the page it reads after. */
function looks(steps: Array<{ rows: ConversationRow[]; page: MessageView[] }>) {
  let step = -1
  const events: NewMessageEvent[] = []
  const watcher = new NewMessageWatcher({
    source: {
      accountKey: () => 'sophie',
      refresh: async () => steps[++step]!.rows,
      latestMessages: async () => steps[step]!.page,
    },
    onNewMessages: (batch) => events.push(...batch),
    log: memoryLog(),
    intervalMs: 60_000,
  })
  return { watcher, events }
}

describe('new messages from the conversations list', () => {
  const t0 = '2026-12-01T10:00:00+00:00'
  const t1 = '2026-12-01T10:05:00+00:00'
  const old = [message(1, t0), message(2, t0), message(3, t0)]

  it('reports a message that arrived between reading the list and reading the page, once', async () => {
    const { watcher, events } = looks([
      { rows: [row(3, t0)], page: old },
      // The list counts message 4; by the time the page is read, message 5 is there too.
      { rows: [row(4, t1)], page: [...old, message(4, t1), message(5, t1)] },
      { rows: [row(5, t1)], page: [...old, message(4, t1), message(5, t1)] },
    ])
    await watcher.pollNow()
    await watcher.pollNow()
    await watcher.pollNow()
    expect(events.map((event) => event.messageUuid)).toEqual(['m4', 'm5'])
  })

  it('reports nothing already there at the first look, and each later message once', async () => {
    const { watcher, events } = looks([
      { rows: [row(3, t0)], page: old },
      { rows: [row(4, t1)], page: [...old, message(4, t1)] },
      { rows: [row(4, t1)], page: [...old, message(4, t1)] },
    ])
    await watcher.pollNow()
    await watcher.pollNow()
    await watcher.pollNow()
    expect(events.map((event) => event.messageUuid)).toEqual(['m4'])
  })
})
