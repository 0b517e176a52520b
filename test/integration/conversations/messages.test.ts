import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { directMessages, postMessages, requestsTo, signedInAccount } from './helpers'

describe('messages against the sandbox', () => {
  let h: SignedInHarness
  let account: string
  let conversation: string

  beforeAll(async () => {
    h = await signedInHarness()
    account = await signedInAccount(h.test)
    const list = await h.test.value<ConversationsPage>('conversations.list', {})
    conversation = list.rows[0]!.uuid
    // Longer than one page of 30, so that paging back in time is exercised.
    await postMessages(h.sandbox, account, conversation, 40)
  })
  afterAll(() => h.close())
  beforeEach(() => h.sandbox.clearRequests())

  it('reads page 1 as the newest 30, oldest first, and page 2 as the ones before', async () => {
    const all = await directMessages(h.sandbox, account, conversation)
    h.sandbox.clearRequests()
    const first = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation })
    const [request] = requestsTo(h.sandbox, 'GET', `/api/v1/conversation/${conversation}/messages`)
    expect(request!.query).toEqual({ page: '1', per_page: '30', sort: '-created_at' })
    expect(first.messages.map((m) => m.uuid)).toEqual(all.slice(-30).map((m) => m.uuid))
    expect(first.hasEarlier).toBe(true)
    expect(first.total).toBe(all.length)
    expect(first.messages.at(-1)!.contents).toBe('Numbered note 40')

    const second = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation, page: 2 })
    expect(second.messages.map((m) => m.uuid)).toEqual(all.slice(0, -30).map((m) => m.uuid))
    expect(second.hasEarlier).toBe(false)
    expect(second.page).toBe(2)
  })

  it('marks the signed-in account’s own messages as mine, and only those', async () => {
    const page = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation })
    const mine = page.messages.filter((m) => m.mine)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((m) => m.authorUuid === account)).toBe(true)
    expect(page.messages.filter((m) => !m.mine).every((m) => m.authorUuid !== account)).toBe(true)
  })

  it('sends {contents}, returns it as mine, tells windows, and updates the list’s latest message', async () => {
    const sent = await h.test.value<MessageView>('messages.send', { conversationUuid: conversation, contents: '  See you Tuesday at 10.\nBring your P60.  ' })
    const [post] = requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${conversation}/messages`)
    expect(post!.body).toEqual({ contents: 'See you Tuesday at 10.\nBring your P60.' })
    expect(sent).toMatchObject({ contents: 'See you Tuesday at 10.\nBring your P60.', mine: true, edited: false, authorUuid: account })
    const changed = h.test.transcript.map((l) => JSON.parse(l) as { name?: string; payload?: unknown }).filter((e) => e.name === 'messages.changed')
    expect(changed.at(-1)?.payload).toEqual({ conversationUuid: conversation })
    const list = await h.test.value<ConversationsPage>('conversations.list', {})
    const row = list.rows.find((r) => r.uuid === conversation)!
    expect(row.latestMessage?.preview).toBe('See you Tuesday at 10. Bring your P60.')
    const page = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation })
    expect(page.messages.at(-1)!.uuid).toBe(sent.uuid)
  })

  it('edits one’s own message with PUT {contents}; the answer says edited', async () => {
    const sent = await h.test.value<MessageView>('messages.send', { conversationUuid: conversation, contents: 'Draft' })
    h.sandbox.clearRequests()
    const edited = await h.test.value<MessageView>('messages.edit', { conversationUuid: conversation, messageUuid: sent.uuid, contents: 'Final wording' })
    const [put] = requestsTo(h.sandbox, 'PUT', `/api/v1/conversation/${conversation}/messages/${sent.uuid}`)
    expect(put!.body).toEqual({ contents: 'Final wording' })
    expect(edited).toMatchObject({ uuid: sent.uuid, contents: 'Final wording', edited: true, mine: true })
  })

  it('refuses to edit someone else’s message (Plannr says forbidden)', async () => {
    const page = await h.test.value<MessagesPage>('messages.list', { conversationUuid: conversation, page: 2 })
    const theirs = page.messages.find((m) => !m.mine)!
    const result = await h.test.call('messages.edit', { conversationUuid: conversation, messageUuid: theirs.uuid, contents: 'x' })
    expect(result.ok ? null : result.error.code).toBe('forbidden')
  })

  it('refuses an empty message before anything is sent', async () => {
    const result = await h.test.call('messages.send', { conversationUuid: conversation, contents: ' \n ' })
    expect(result.ok ? null : result.error.fields?.contents).toEqual(['Write a message first'])
    expect(requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${conversation}/messages`)).toHaveLength(0)
  })
})
