import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Client } from '../../../src/renderer/src/lib/api'
import { ConversationsState } from '../../../src/renderer/src/lib/state/conversations.svelte'
import { mergeMessages, ThreadState } from '../../../src/renderer/src/lib/state/messages.svelte'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { direct, postMessages, signedInAccount } from '../conversations/helpers'
import { unsentAfterDraining } from './outbox-drained'

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('renderer state for conversations, over the real core and sandbox', () => {
  let h: SignedInHarness
  let client: Client
  let account: string

  beforeAll(async () => {
    h = await signedInHarness()
    client = createClient(h.bridge)
    account = await signedInAccount(h.test)
  })
  afterAll(() => h.close())

  it('loads the list, searches with a debounce, and keeps only the newest answer', async () => {
    const state = new ConversationsState(client)
    const stop = state.start()
    await until(() => state.loaded)
    expect(state.rows.length).toBe(state.total)
    expect(state.rows[0]!.pinned).toBe(true)
    const word = state.rows.at(-1)!.name.split(/\s+/)[0]!
    state.setSearch('zz')
    state.setSearch(word)
    await until(() => state.shownSearch === word)
    expect(state.rows.every((row) => row.name.toLowerCase().includes(word.toLowerCase()))).toBe(true)
    state.clearSearch()
    await until(() => state.shownSearch === '')
    stop()
  })

  it('names the archived filter of the rows on screen, not of the ones still on their way', async () => {
    const state = new ConversationsState(client)
    const stop = state.start()
    await until(() => state.loaded)
    state.setArchived('only')
    // The count line must not call the active rows "archived" while the archived ones load.
    expect(state.loading).toBe(true)
    expect(state.shownArchived).toBe('false')
    await until(() => !state.loading)
    expect(state.shownArchived).toBe('only')
    stop()
  })

  it('pins a conversation and re-sorts when main says the list changed', async () => {
    const state = new ConversationsState(client)
    const stop = state.start()
    await until(() => state.loaded)
    const last = state.rows.at(-1)!
    expect(last.pinned).toBe(false)
    await state.togglePin(last.uuid)
    expect(state.pinning.size).toBe(0)
    await until(() => state.rows.findIndex((row) => row.uuid === last.uuid) < state.rows.filter((row) => row.pinned).length)
    expect(state.rows.find((row) => row.uuid === last.uuid)?.pinned).toBe(true)
    await state.togglePin(last.uuid)
    await until(() => state.rows.find((row) => row.uuid === last.uuid)?.pinned === false)
    stop()
  })

  it('reports a pin Plannr refuses without changing the row', async () => {
    const state = new ConversationsState(client)
    const stop = state.start()
    await until(() => state.loaded)
    const row = state.rows.at(-1)!
    h.sandbox.faults.queue.push({ status: 403, method: 'POST' })
    await state.togglePin(row.uuid)
    expect(state.pinError?.uuid).toBe(row.uuid)
    expect(state.rows.find((candidate) => candidate.uuid === row.uuid)?.pinned).toBe(row.pinned)
    stop()
  })

  it('returns create’s validation errors at the contract’s field names and opens what it created', async () => {
    const state = new ConversationsState(client)
    const stop = state.start()
    await until(() => state.loaded)
    const bad = await state.create({ name: 'Review', caseUuid: 'not-a-case' })
    expect(bad.ok ? null : Object.keys(bad.error.fields ?? {})).toEqual(['caseUuid'])
    const good = await state.create({ name: 'Protection review' })
    if (!good.ok) throw new Error(good.error.message)
    expect(state.selectedUuid).toBe(good.value.uuid)
    expect(state.rows.map((row) => row.uuid)).toContain(good.value.uuid)
    stop()
  })

  it('opens a thread newest at the bottom, loads earlier pages without repeats, sends and edits', async () => {
    const list = new ConversationsState(client)
    const stopList = list.start()
    await until(() => list.loaded)
    const uuid = list.rows[1]!.uuid
    const countBefore = list.rows[1]!.messagesCount!
    await postMessages(h.sandbox, account, uuid, 35)

    const thread = new ThreadState(client)
    const stop = thread.start()
    await thread.open(uuid)
    expect(thread.conversation?.uuid).toBe(uuid)
    expect(thread.messages).toHaveLength(30)
    expect(thread.messages.at(-1)!.contents).toBe('Numbered note 35')
    expect(thread.hasEarlier).toBe(true)

    // A message sent now shifts Plannr's pages by one: the earlier page must not show a message twice.
    const sent = await thread.send('Shifts the pages')
    expect(sent?.contents).toBe('Shifts the pages')
    expect(thread.sendForm.outcome).toBe('saved')
    expect(thread.messages.at(-1)!.contents).toBe('Shifts the pages')
    await thread.loadEarlier()
    const uuids = thread.messages.map((message) => message.uuid)
    expect(new Set(uuids).size).toBe(uuids.length)
    const times = thread.messages.map((message) => Date.parse(message.at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    while (thread.hasEarlier) await thread.loadEarlier()
    expect(thread.messages.length).toBe(countBefore + 35 + 1)

    const mine = thread.messages.at(-1)!
    expect(mine.contents).toBe('Shifts the pages')
    thread.startEditing(mine.uuid)
    const saved = await thread.saveEdit('Edited words')
    expect(saved?.contents).toBe('Edited words')
    expect(thread.editForm.outcome).toBe('saved')
    expect(thread.editingUuid).toBeNull()
    expect(thread.messages.at(-1)).toMatchObject({ uuid: mine.uuid, contents: 'Edited words', edited: true })

    // The list heard about it too: its latest message is the edited one.
    await until(() => list.rows.find((row) => row.uuid === uuid)?.latestMessage?.preview === 'Edited words')
    stop()
    stopList()
  })

  it('keeps the typed message when sending fails, with Plannr’s message at the text', async () => {
    const list = new ConversationsState(client)
    const stopList = list.start()
    await until(() => list.loaded)
    const thread = new ThreadState(client)
    const stop = thread.start()
    await thread.open(list.rows[0]!.uuid)
    const before = thread.messages.length
    h.sandbox.faults.queue.push({ status: 422, body: { message: 'The contents field is required.', errors: { contents: ['The contents field is required.'] } } })
    const result = await thread.send('Will fail')
    expect(result).toBeNull()
    expect(thread.sendForm.errors.contents).toBe('The contents field is required.')
    expect(thread.sendForm.failure).toBeNull()
    expect(thread.sendForm.submitting).toBe(false)
    expect(thread.messages).toHaveLength(before)
    stop()
    stopList()
  })

  it('after a send whose answer was lost, finds it on Plannr rather than sending it twice', async () => {
    const list = new ConversationsState(client)
    const stopList = list.start()
    await until(() => list.loaded)
    const thread = new ThreadState(client)
    const stop = thread.start()
    const uuid = list.rows[0]!.uuid
    await thread.open(uuid)
    const contents = `Did this arrive? ${Date.now()}`
    // Plannr saves the message, and the answer is lost on its way back.
    h.sandbox.faults.queue.push({ status: 502, afterWork: true, method: 'POST' })
    const result = await thread.send(contents)
    expect(result).not.toBeNull()
    expect(thread.sendForm.failure).toBeNull()
    await until(() => thread.messages.some((message) => message.contents === contents))
    // The outbox looks before it sends again: it is on Plannr once.
    expect(await unsentAfterDraining(client)).toBe(0)
    const page = (await direct(h.sandbox, account, `/api/v1/conversation/${uuid}/messages?per_page=100`)) as { data: Array<{ contents: string }> }
    expect(page.data.filter((message) => message.contents === contents)).toHaveLength(1)
    stop()
    stopList()
  })

  it('drops an answer for a conversation that is no longer open', async () => {
    const list = new ConversationsState(client)
    const stopList = list.start()
    await until(() => list.loaded)
    const thread = new ThreadState(client)
    const first = thread.open(list.rows[0]!.uuid)
    const second = thread.open(list.rows[2]!.uuid)
    await Promise.all([first, second])
    expect(thread.conversationUuid).toBe(list.rows[2]!.uuid)
    expect(thread.conversation?.uuid).toBe(list.rows[2]!.uuid)
    stopList()
  })
})

describe('mergeMessages', () => {
  const m = (uuid: string, at: string, contents = uuid) => ({ uuid, at, contents, authorUuid: null, authorName: 'A', mine: false, edited: false })

  it('puts an older page before messages of the same second, and newer ones after', () => {
    const shown = [m('x', '2025-01-01T10:00:00Z')]
    expect(mergeMessages(shown, [m('older', '2025-01-01T10:00:00Z')], 'earlier').map((x) => x.uuid)).toEqual(['older', 'x'])
    expect(mergeMessages(shown, [m('newer', '2025-01-01T10:00:00Z')], 'later').map((x) => x.uuid)).toEqual(['x', 'newer'])
  })

  it('keeps time order, one copy each, the newer copy winning', () => {
    const merged = mergeMessages([m('b', '2025-01-01T10:00:00Z'), m('c', '2025-01-01T11:00:00Z')], [m('a', '2025-01-01T09:00:00Z'), m('b', '2025-01-01T10:00:00Z', 'edited')])
    expect(merged.map((x) => [x.uuid, x.contents])).toEqual([['a', 'a'], ['b', 'edited'], ['c', 'c']])
  })
})
