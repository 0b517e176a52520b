import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, type CallName, type CallOutput } from '@shared/contract'
import type { ContactDetailView } from '@shared/models/contacts'
import { EventBus } from '../../../src/main/core/events'
import type { Handlers } from '../../../src/main/core/ipc/dispatch'
import { createContactsFeature } from '../../../src/main/core/features/contacts'
import { createConversationsFeature } from '../../../src/main/core/features/conversations'
import { DEFAULT_FILTER } from '../../../src/main/core/features/conversations/requests'
import { conversationsSpec } from '../../../src/main/core/features/conversations/resource'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rawList, type RawAccount, type RawContactDetail, type RawConversation, type RawMessage } from '../../support/plannr-raw'
import { doneWrites, drained, openOutboxApp, tempDataDir, type OutboxApp } from './harness'

/*
 * Writes queued while a sync lands: the app keeps its own unsent changes on screen and in the store
 * when Plannr's older copy of the same records arrives first (a full pass of the conversations, a thread
 * read afresh, a client's card), keeps the records those writes made through a full pass that does not
 * see them on Plannr, and then delivers each write once.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox pending-vs-sync tests skipped — ${keychain.reason}`)

describe.skipIf(!keychain.available)('unsent writes and the syncs that land before them (real sandbox, store, keychain)', () => {
  let sandbox: Sandbox
  let app: OutboxApp
  let handlers: Partial<Handlers>

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    app = await openOutboxApp(sandbox, uniqueService('outbox-pending-sync'), tempDataDir())
    const deps = { session: app.session, events: new EventBus(), log: app.log, sync: app.hub }
    handlers = { ...createConversationsFeature(deps).handlers, ...createContactsFeature(deps).handlers }
  })
  afterAll(async () => {
    await app?.close()
    await app?.session.signOut()
    await sandbox?.close()
  })

  /** A call as the window makes it: input parsed by the contract, answered by the feature. */
  async function call<N extends CallName>(name: N, input: unknown): Promise<CallOutput<N>> {
    const handler = handlers[name] as ((parsed: unknown) => Promise<CallOutput<N>>) | undefined
    if (!handler) throw new Error(`no handler for ${name}`)
    return handler(contract.calls[name].input.parse(input))
  }

  it('keeps an edit, a pin, a new conversation and contact-detail changes over Plannr’s older copy, then delivers each once', async () => {
    const tag = randomUUID().slice(0, 8)
    const conversations = await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation', { include: 'participants' })
    const [talk, other] = conversations as [RawConversation, RawConversation]
    const client = (await rawList<RawAccount>(sandbox, app.accountUuid, '/api/v1/account', { 'filter[type]': 'client' }))[0] as RawAccount
    await call('conversations.list', {})
    // Online: a message of ours, the thread's latest, to edit later.
    const mine = await call('messages.send', { conversationUuid: talk.uuid, contents: `mine ${tag}` })
    expect(mine.outbox).toBeUndefined()
    const card = await call('contacts.forClient', { clientUuid: client.uuid })
    const email = card.find((detail) => detail.type === 'email') as ContactDetailView
    expect(email).toBeDefined()

    // Plannr out of reach for writes only: the sender is stopped, reads still go.
    await app.outbox.stop()
    const stoppedAt = sandbox.requests.length
    await call('messages.edit', { conversationUuid: talk.uuid, messageUuid: mine.uuid, contents: `edited ${tag}` })
    await call('conversations.pin', { uuid: other.uuid, pin: !(other.pinned ?? false) })
    const created = await call('conversations.create', { name: `Pending ${tag}`, participantUuids: [] })
    await call('contacts.update', {
      uuid: email.uuid,
      type: 'email',
      description: email.description ?? 'Email',
      value: `changed-${tag}@example.com`,
      country: null,
      ownerUuids: email.owners.map((owner) => owner.uuid),
    })
    const added = await call('contacts.add', {
      type: 'email',
      description: 'Work',
      value: `added-${tag}@example.com`,
      country: null,
      ownerUuids: [client.uuid],
    })
    expect(app.outbox.count()).toBe(5)

    // Plannr's copies arrive first: a full pass of the conversations, the thread and the card read afresh.
    const list = await app.hub.resource(conversationsSpec(DEFAULT_FILTER), () => undefined)
    await list.syncNow()
    const rows = (await call('conversations.list', {})).rows
    const talkRow = rows.find((row) => row.uuid === talk.uuid)
    expect(talkRow?.latestMessage?.preview).toContain(`edited ${tag}`)
    const otherRow = rows.find((row) => row.uuid === other.uuid)
    expect(otherRow?.pinned).toBe(!(other.pinned ?? false))
    expect(otherRow?.outbox).toBeDefined()
    // The conversation not yet on Plannr was not taken for one deleted there.
    expect(rows.find((row) => row.uuid === created.uuid)?.name).toBe(`Pending ${tag}`)
    const stored = list.repo.get(other.uuid)
    expect(stored?.pinned).toBe(!(other.pinned ?? false))

    const thread = await call('messages.list', { conversationUuid: talk.uuid, page: 1 })
    const edited = thread.messages.find((message) => message.uuid === mine.uuid)
    expect(edited?.contents).toBe(`edited ${tag}`)
    expect(edited?.outbox).toBeDefined()
    const cardNow = await call('contacts.forClient', { clientUuid: client.uuid })
    expect(cardNow.find((detail) => detail.uuid === email.uuid)?.value).toBe(`changed-${tag}@example.com`)
    expect(cardNow.find((detail) => detail.uuid === added.uuid)?.value).toBe(`added-${tag}@example.com`)
    // None of it has reached Plannr.
    expect(sandbox.requests.slice(stoppedAt).filter((entry) => entry.method !== 'GET')).toEqual([])

    app.outbox.start()
    await drained(app.outbox)
    expect(doneWrites(sandbox, 'PUT', `/api/v1/conversation/${talk.uuid}/messages/${mine.uuid}`).filter((entry) => JSON.stringify(entry.body).includes(tag))).toHaveLength(1)
    expect(doneWrites(sandbox, 'POST', `/api/v1/conversation/${other.uuid}/pin`)).toHaveLength(1)
    expect(doneWrites(sandbox, 'POST', '/api/v1/conversation').filter((entry) => JSON.stringify(entry.body).includes(tag))).toHaveLength(1)
    expect(doneWrites(sandbox, 'PUT', `/api/v2/contact-details/${email.uuid}`)).toHaveLength(1)
    expect(doneWrites(sandbox, 'POST', '/api/v2/contact-details').filter((entry) => JSON.stringify(entry.body).includes(tag))).toHaveLength(1)
    const onPlannr = await rawList<RawMessage>(sandbox, app.accountUuid, `/api/v1/conversation/${talk.uuid}/messages`)
    expect(onPlannr.find((message) => message.uuid === mine.uuid)?.contents).toBe(`edited ${tag}`)
    const details = await rawList<RawContactDetail>(sandbox, app.accountUuid, '/api/v2/contact-details', { 'filter[account_uuids]': client.uuid })
    expect(details.find((detail) => detail.uuid === email.uuid)?.value).toBe(`changed-${tag}@example.com`)
    const pinned = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation', { include: 'participants' })).find((item) => item.uuid === other.uuid)
    expect(pinned?.pinned).toBe(!(other.pinned ?? false))
  })
})
