import { randomUUID } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Outbox } from '../../../src/main/core/outbox'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rawList, type RawAccount, type RawContactDetail, type RawConversation, type RawMessage, type RawReferralConnection } from '../../support/plannr-raw'
import { doneWrites, drained, openOutboxApp, tempDataDir, type OutboxApp } from './harness'

/*
 * The outbox against a real sandbox, with the store on disk and its key in the real keychain: writes made
 * offline, answers lost after the work was done, refusals, storms and restarts — and, from the sandbox's
 * own journal and records, every write carried out exactly once, in order.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox tests skipped — ${keychain.reason}`)

const now = () => new Date().toISOString()
const REQUEST_TIMEOUT_MS = 3_000

describe.skipIf(!keychain.available)('the outbox (real sandbox, real store, real keychain)', () => {
  let sandbox: Sandbox
  let app: OutboxApp
  let dataDir: string
  let service: string
  let conversation: RawConversation
  let client: RawAccount

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    dataDir = tempDataDir()
    service = uniqueService('outbox')
    // A short request timeout, so that an answer held back past it is a few seconds' wait.
    app = await openOutboxApp(sandbox, service, dataDir, undefined, undefined, REQUEST_TIMEOUT_MS)
    conversation = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation'))[0] as RawConversation
    client = (await rawList<RawAccount>(sandbox, app.accountUuid, '/api/v1/account', { 'filter[type]': 'client' }))[0] as RawAccount
  })
  afterEach(() => {
    sandbox.faults.offline = false
    sandbox.faults.queue.splice(0)
  })
  afterAll(async () => {
    await app?.close()
    await app?.session.signOut()
    await sandbox?.close()
  })

  const actor = () => ({ accountUuid: app.accountUuid, userUuid: app.session.userKey() ?? '' })
  const send = (outbox: Outbox, conversationUuid: string, contents: string) =>
    outbox.enqueue({ kind: 'message.send', conversationUuid, tempUuid: randomUUID(), contents, authorUuid: app.accountUuid, createdAt: now() }, actor())
  const messagesOn = (uuid: string) => rawList<RawMessage>(sandbox, app.accountUuid, `/api/v1/conversation/${uuid}/messages`)

  it('accepts writes offline at once, then delivers each exactly once, in order, with a new conversation’s real id', async () => {
    sandbox.faults.offline = true
    const tag = randomUUID().slice(0, 8)
    const contents = [1, 2, 3].map((n) => `offline ${tag} #${n}`)
    for (const text of contents) send(app.outbox, conversation.uuid, text)
    const tempConversation = randomUUID()
    app.outbox.enqueue(
      { kind: 'conversation.create', tempUuid: tempConversation, body: { name: `Offline ${tag}` }, creatorUuid: app.accountUuid, createdAt: now() },
      actor(),
    )
    send(app.outbox, tempConversation, `first in new ${tag}`)
    app.outbox.enqueue({ kind: 'conversation.pin', conversationUuid: conversation.uuid, pin: true, previous: conversation.pinned ?? false }, actor())

    // Shown at once, from the store, before Plannr has any of it.
    const store = await app.hub.store()
    const stored = store.repository<{ uuid: string; contents: string }>(`messages|${conversation.uuid}`, {
      parse: (json) => json as { uuid: string; contents: string },
      id: (record) => record.uuid,
      updatedAt: () => null,
    })
    expect(stored.all().map((message) => message.contents)).toEqual(expect.arrayContaining(contents))
    expect(app.outbox.count()).toBe(6)

    sandbox.faults.offline = false
    await drained(app.outbox)

    const posted = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`)
      .map((entry) => (entry.body as { contents: string }).contents)
      .filter((text) => text.includes(tag))
    expect(posted).toEqual(contents)
    const onServer = (await messagesOn(conversation.uuid)).filter((message) => message.contents.includes(tag))
    expect(onServer.map((message) => message.contents).sort()).toEqual([...contents].sort())

    const created = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation')).filter((item) => item.name === `Offline ${tag}`)
    expect(created).toHaveLength(1)
    const real = (created[0] as RawConversation).uuid
    expect((await messagesOn(real)).map((message) => message.contents)).toEqual([`first in new ${tag}`])
    expect(doneWrites(sandbox, 'POST', `/api/v1/conversation/${tempConversation}/messages`)).toHaveLength(0)
    // The optimistic records were replaced by Plannr's.
    expect(stored.all().filter((message) => message.contents.includes(tag)).map((message) => message.uuid).sort()).toEqual(
      onServer.map((message) => message.uuid).sort(),
    )
    expect(doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/pin`)).toHaveLength(1)
  })

  const creates: Array<{ label: string; path: string | RegExp; make: (tag: string) => void; count: (tag: string) => Promise<number> }> = [
    {
      label: 'a message',
      path: `/api/v1/conversation/CONV/messages`,
      make: (tag) => void send(app.outbox, conversation.uuid, `ambiguous ${tag}`),
      count: async (tag) => (await messagesOn(conversation.uuid)).filter((message) => message.contents === `ambiguous ${tag}`).length,
    },
    {
      label: 'a conversation',
      path: '/api/v1/conversation',
      make: (tag) =>
        void app.outbox.enqueue(
          { kind: 'conversation.create', tempUuid: randomUUID(), body: { name: `Ambiguous ${tag}` }, creatorUuid: app.accountUuid, createdAt: now() },
          actor(),
        ),
      count: async (tag) => (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation')).filter((item) => item.name === `Ambiguous ${tag}`).length,
    },
    {
      label: 'a contact detail',
      path: '/api/v2/contact-details',
      make: (tag) =>
        void app.outbox.enqueue(
          {
            kind: 'contact-detail.create',
            tempUuid: randomUUID(),
            body: { type: 'email', name: 'Work', value: `${tag}@example.com`, account_uuids: [client.uuid] },
            createdAt: now(),
          },
          actor(),
        ),
      count: async (tag) =>
        (await rawList<RawContactDetail>(sandbox, app.accountUuid, '/api/v2/contact-details', { 'filter[account_uuids]': client.uuid })).filter(
          (detail) => detail.value === `${tag}@example.com`,
        ).length,
    },
  ]

  for (const create of creates) {
    for (const fault of [
      { status: 502, label: '502 after the work' },
      { status: 504, label: '504 after the work' },
      { status: 0, label: 'the connection dropped after the work' },
      { status: 0, holdMs: 4 * REQUEST_TIMEOUT_MS, label: 'the answer hung past the timeout' },
    ]) {
      it(`creates ${create.label} exactly once when ${fault.label}`, async () => {
        const tag = randomUUID().slice(0, 8)
        const path = typeof create.path === 'string' ? create.path.replace('CONV', conversation.uuid) : create.path
        sandbox.faults.queue.push({ status: fault.status, afterWork: true, method: 'POST', ...('holdMs' in fault ? { holdMs: fault.holdMs } : {}) })
        create.make(tag)
        await drained(app.outbox)
        expect(sandbox.faults.queue).toHaveLength(0)
        expect(await create.count(tag)).toBe(1)
        // It was carried out once: the job found it on Plannr rather than sending it again.
        const writes = doneWrites(sandbox, 'POST', path).filter((entry) => JSON.stringify(entry.body).includes(tag))
        expect(writes).toHaveLength(1)
      })
    }
  }

  it('requests a referral connection exactly once when its answer is lost', async () => {
    sandbox.faults.queue.push({ status: 502, afterWork: true, method: 'POST' })
    app.outbox.enqueue({ kind: 'referral.request', tempUuid: randomUUID(), adviserKey: 'MMP1F6K8', createdAt: now() }, actor())
    await drained(app.outbox)
    expect(doneWrites(sandbox, 'POST', '/api/v1/referral-connections').filter((entry) => JSON.stringify(entry.body).includes('MMP1F6K8'))).toHaveLength(1)
    const pending = (await rawList<RawReferralConnection>(sandbox, app.accountUuid, '/api/v1/referral-connections')).filter(
      (connection) => connection.direction === 'sent' && connection.status === 'pending' && connection.recipient_firm?.name.startsWith('Marlow'),
    )
    expect(pending).toHaveLength(1)
    const stored = (await app.hub.store()).repository<{ uuid: string }>('referrals', { parse: (json) => json as { uuid: string }, id: (r) => r.uuid, updatedAt: () => null })
    expect(stored.get((pending[0] as RawReferralConnection).uuid)).toBeDefined()
  })

  it('delivers everything through a burst of 5xx answers and dropped connections, in order and once each', async () => {
    const tag = randomUUID().slice(0, 8)
    sandbox.faults.queue.push(
      { status: 503, method: 'POST' },
      { status: 500, method: 'POST' },
      { status: 502, afterWork: true, method: 'POST' },
      { status: 0, method: 'POST' },
      { status: 504, afterWork: true, method: 'POST' },
      { status: 0, afterWork: true, method: 'POST' },
    )
    const contents = Array.from({ length: 8 }, (_, n) => `burst ${tag} #${n}`)
    for (const text of contents) send(app.outbox, conversation.uuid, text)
    await drained(app.outbox, 30_000)
    expect(sandbox.faults.queue).toHaveLength(0)
    const posted = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`)
      .map((entry) => (entry.body as { contents: string }).contents)
      .filter((text) => text.includes(tag))
    expect(posted).toEqual(contents)
  })

  it('waits out a 429’s Retry-After and then delivers once', async () => {
    const tag = randomUUID().slice(0, 8)
    // Plannr's 429 says nothing is left of the minute; Retry-After says when to come back.
    sandbox.faults.queue.push({ status: 429, retryAfter: 2, method: 'POST' })
    const started = Date.now()
    send(app.outbox, conversation.uuid, `limited ${tag}`)
    await drained(app.outbox, 90_000)
    const posts = sandbox.requests.filter((entry) => entry.method === 'POST' && JSON.stringify(entry.body).includes(tag))
    expect(posts.map((entry) => entry.status)).toEqual([429, 200])
    expect(Date.parse((posts[1] as { at: string }).at) - Date.parse((posts[0] as { at: string }).at)).toBeGreaterThanOrEqual(2_000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000)
  }, 100_000)

  it('marks a refused write as needing attention with its field errors; fixed, it is sent', async () => {
    const job = app.outbox.enqueue({ kind: 'referral.request', tempUuid: randomUUID(), adviserKey: 'HVFP7T2S', createdAt: now() }, actor())
    await drained(app.outbox)
    const refused = app.outbox.list().find((candidate) => candidate.id === job.id)
    expect(refused?.state).toBe('needs-attention')
    expect(refused?.lastError?.fields?.adviserKey?.[0]).toMatch(/own firm/)
    app.outbox.retry(job.id, { ...job.payload, kind: 'referral.request', adviserKey: 'WWM4P7R2' } as typeof job.payload)
    await drained(app.outbox)
    expect(app.outbox.list().find((candidate) => candidate.id === job.id)).toBeUndefined()
    expect(doneWrites(sandbox, 'POST', '/api/v1/referral-connections').filter((entry) => JSON.stringify(entry.body).includes('WWM4P7R2'))).toHaveLength(1)
  })

  it('discards a refused conversation with its queued message, rolling both back', async () => {
    const temp = randomUUID()
    const job = app.outbox.enqueue({ kind: 'conversation.create', tempUuid: temp, body: { name: '' }, creatorUuid: app.accountUuid, createdAt: now() }, actor())
    send(app.outbox, temp, 'never sent')
    const store = await app.hub.store()
    const list = store.repository<{ uuid: string }>('conversations|false|', { parse: (json) => json as { uuid: string }, id: (r) => r.uuid, updatedAt: () => null })
    expect(list.get(temp)).toBeDefined()
    await drained(app.outbox)
    const refused = app.outbox.list().find((candidate) => candidate.id === job.id)
    expect(refused?.state).toBe('needs-attention')
    expect(refused?.lastError?.fields?.name?.length).toBeGreaterThan(0)
    expect(app.outbox.count()).toBe(2)
    app.outbox.discard(job.id)
    expect(app.outbox.count()).toBe(0)
    expect(list.get(temp)).toBeUndefined()
    expect(doneWrites(sandbox, 'POST', /\/messages$/).filter((entry) => JSON.stringify(entry.body).includes('never sent'))).toHaveLength(0)
  })

  it('discarding a refused message puts the conversation’s preview back to the message before it', async () => {
    const tag = randomUUID().slice(0, 8)
    const store = await app.hub.store()
    const list = store.repository<RawConversation>('conversations|false|', { parse: (json) => json as RawConversation, id: (r) => r.uuid, updatedAt: () => null })
    list.upsertPage([conversation])
    send(app.outbox, conversation.uuid, `on Plannr ${tag}`)
    await drained(app.outbox)
    const delivered = list.get(conversation.uuid)?.latest_message as RawMessage | undefined
    expect(delivered?.contents).toBe(`on Plannr ${tag}`)

    sandbox.faults.queue.push({ status: 422, method: 'POST', body: { message: 'The contents are invalid.', errors: { contents: ['The contents are invalid.'] } } })
    // As the conversations service writes it: with the preview it replaces.
    const refused = app.outbox.enqueue(
      {
        kind: 'message.send',
        conversationUuid: conversation.uuid,
        tempUuid: randomUUID(),
        contents: `refused ${tag}`,
        authorUuid: app.accountUuid,
        createdAt: now(),
        previousLatest: list.get(conversation.uuid)?.latest_message ?? null,
      },
      actor(),
    )
    await drained(app.outbox)
    expect(app.outbox.list().find((job) => job.id === refused.id)?.state).toBe('needs-attention')
    app.outbox.discard(refused.id)

    const preview = list.get(conversation.uuid)?.latest_message as RawMessage | undefined
    expect(preview?.uuid).toBe(delivered?.uuid)
    expect(preview?.contents).toBe(`on Plannr ${tag}`)
  })

  it('keeps unsent writes through a restart and delivers them once, in order', async () => {
    sandbox.faults.offline = true
    const tag = randomUUID().slice(0, 8)
    const contents = Array.from({ length: 5 }, (_, n) => `restart ${tag} #${n}`)
    for (const text of contents) send(app.outbox, conversation.uuid, text)
    await app.close()
    sandbox.faults.offline = false
    app = await openOutboxApp(sandbox, service, dataDir, undefined, undefined, REQUEST_TIMEOUT_MS)
    expect(app.outbox.count()).toBe(5)
    await drained(app.outbox)
    const posted = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`)
      .map((entry) => (entry.body as { contents: string }).contents)
      .filter((text) => text.includes(tag))
    expect(posted).toEqual(contents)
  })
})
