import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import type { SessionStatus } from '@shared/models/session'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { requestsTo } from './helpers'

/*
 * A message written while Plannr is out of reach waits in the outbox, shown at once in the thread and as
 * the conversation's latest message in the list. Its author is the signed-in account, by name — the same
 * name Plannr gives it once sent — not "Unnamed account".
 */
describe('a pending message’s author', () => {
  let h: SignedInHarness
  let accountName: string
  let conversation: string

  beforeAll(async () => {
    h = await signedInHarness()
    const status = await h.test.value<SessionStatus>('session.status')
    if (status.state !== 'signed-in') throw new Error(`expected to be signed in, got ${status.state}`)
    accountName = status.account.name
    const list = await h.test.value<ConversationsPage>('conversations.list', {})
    conversation = list.rows[0]!.uuid
  })
  afterAll(() => h.close())

  it('is the signed-in account’s name in the thread and in the list’s preview, before and after Plannr has it', async () => {
    expect(accountName).toBe('Sophie Turner')
    h.sandbox.faults.offline = true
    const sent = await h.test.value<MessageView>('messages.send', { conversationUuid: conversation, contents: 'Written while offline' })
    expect(sent).toMatchObject({ contents: 'Written while offline', mine: true, authorName: accountName })
    expect(sent.outbox).toBeDefined()

    const list = await h.test.value<ConversationsPage>('conversations.list', {})
    const row = list.rows.find((candidate) => candidate.uuid === conversation)!
    expect(row.latestMessage).toMatchObject({ preview: 'Written while offline', authorName: accountName })
    const page = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation })
    expect(page.messages.find((message) => message.uuid === sent.uuid)).toMatchObject({ authorName: accountName, mine: true })

    // Plannr back: the message reaches it once, and Plannr's own record says the same name.
    h.sandbox.faults.offline = false
    await h.test.value('sync.now', {})
    const until = Date.now() + 20_000
    while (!requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${conversation}/messages`).some((r) => r.status === 200)) {
      if (Date.now() > until) throw new Error('the queued message was never sent')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    await expect
      .poll(async () => (await h.test.value<ConversationsPage>('conversations.list', {})).rows.find((candidate) => candidate.uuid === conversation)?.latestMessage)
      .toMatchObject({ preview: 'Written while offline', authorName: accountName })
    const delivered = requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${conversation}/messages`).filter((r) => r.status === 200)
    expect(delivered.map((r) => r.body)).toEqual([{ contents: 'Written while offline' }])
  })
})
