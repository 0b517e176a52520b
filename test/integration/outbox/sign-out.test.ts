import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientsPage } from '@shared/models/accounts'
import type { ConversationsPage, MessagesPage, MessageView } from '@shared/models/conversations'
import { unsentWarning, type OutboxSummary } from '@shared/models/outbox'
import type { SessionStatus } from '@shared/models/session'
import type { SyncStatus } from '@shared/models/sync'
import { keyAccount, storeId } from '../../../src/main/core/store'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { startCore, tempDataDir, type TestCore } from '../../support/core-harness'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { doneWrites } from './harness'

/*
 * Signing out with writes Plannr has not got yet, through the real core (real keychain, real SQLite file,
 * real sandbox): the account's cached data leaves the computer, the writes stay sealed for the user who
 * made them — across a restart —, another user of the same account finds them held and is told, and
 * when their maker signs in again they show again and reach Plannr exactly once, in order.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox sign-out tests skipped — ${keychain.reason}`)

type SignedIn = Extract<SessionStatus, { state: 'signed-in' }>

/** What the file holds, read beside the app as anyone with the file could. */
function tables(path: string): { records: number; snapshots: number; syncStates: number; unsent: number; payloads: Buffer[] } {
  const db = new DatabaseSync(path, { readOnly: true })
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
    return {
      records: count('SELECT COUNT(*) AS n FROM records'),
      snapshots: count('SELECT COUNT(*) AS n FROM snapshots'),
      syncStates: count('SELECT COUNT(*) AS n FROM sync_state'),
      unsent: count("SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'sending', 'needs-attention')"),
      payloads: (db.prepare('SELECT payload FROM records LIMIT 40').all() as Array<{ payload: Uint8Array }>).map((row) => Buffer.from(row.payload)),
    }
  } finally {
    db.close()
  }
}

describe.skipIf(!keychain.available)('signing out with unsent writes (real core, keychain, SQLite, sandbox)', () => {
  let sandbox: Sandbox
  let dataDir: string
  let service: string
  let app: TestCore | undefined

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    dataDir = tempDataDir()
    service = uniqueService('outbox-sign-out')
  })
  afterAll(async () => {
    await app?.core.close()
    for (const credential of await keytar.findCredentials(service)) await keytar.deletePassword(service, credential.account)
    await sandbox?.close()
  })

  const start = () => (app = startCore(sandbox, service, sandbox.url, { dataDir }))
  const summary = (core: TestCore) => core.value<OutboxSummary>('outbox.list')
  const posted = (conversationUuid: string, tag: string) =>
    doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversationUuid}/messages`)
      .map((entry) => (entry.body as { contents: string }).contents)
      .filter((contents) => contents.includes(tag))

  it('keeps them sealed for their maker, holds them from another user of the account, and sends them once when the maker is back', async () => {
    const tag = randomUUID().slice(0, 8)
    let core = start()
    const sophie = await core.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    const accountUuid = sophie.account.uuid
    const [talk, other] = (await core.value<ConversationsPage>('conversations.list', {})).rows as [ConversationsPage['rows'][number], ConversationsPage['rows'][number]]
    await core.value<MessagesPage>('messages.list', { conversationUuid: talk.uuid, page: 1 })
    await core.value<ClientsPage>('clients.list', {})
    await core.synced()
    const dbPath = join(dataDir, 'stores', `${storeId(sandbox.url, accountUuid)}.sqlite`)
    const cached = tables(dbPath).payloads
    expect(cached.length).toBeGreaterThan(10)

    // Plannr out of reach: three messages and a pin wait in the outbox.
    sandbox.faults.offline = true
    const texts = [1, 2, 3].map((n) => `kept ${tag} #${n}`)
    for (const contents of texts) expect((await core.value<MessageView>('messages.send', { conversationUuid: talk.uuid, contents })).outbox).toBeDefined()
    await core.value('conversations.pin', { uuid: other.uuid, pin: !other.pinned })
    expect((await summary(core)).count).toBe(4)
    // What the sign-out prompt says is what happens next.
    expect(unsentWarning(4, 'sign-out')).toMatch(/removes your Plannr data from this computer, but these changes are kept \(encrypted\) and sent when you sign in to this account again/)

    // A copy set aside earlier (damaged, say) holds cached data too.
    const setAside = `${dbPath}.set-aside-2026-01-01T00-00-00-000Z`
    writeFileSync(setAside, readFileSync(dbPath))
    await core.value('session.signOut')
    expect(existsSync(setAside)).toBe(false)
    // Only the writes are left in the file, sealed, and the key to them in the keychain.
    const left = tables(dbPath)
    expect(left).toMatchObject({ records: 0, snapshots: 0, syncStates: 0, unsent: 4 })
    const bytes = Buffer.concat([dbPath, `${dbPath}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)))
    for (const payload of cached) expect(bytes.indexOf(payload.subarray(0, 48))).toBe(-1)
    expect(bytes.includes(Buffer.from(`kept ${tag}`))).toBe(false)
    expect(await keytar.getPassword(service, keyAccount(storeId(sandbox.url, accountUuid)))).not.toBeNull()
    sandbox.faults.offline = false

    // A restart, then another person signs in to the same account: the writes are held, and she is told.
    await core.core.close()
    core = start()
    const grace = await core.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.delegate })
    expect(grace.account.uuid).toBe(accountUuid)
    expect(grace.user.name).not.toBe(sophie.user.name)
    const held = await summary(core)
    expect(held.count).toBe(4)
    expect(held.items.every((item) => item.held)).toBe(true)
    expect((await core.value<SyncStatus>('sync.status')).notice).toMatch(/4 changes made on this computer by another Plannr user are waiting for them/)
    // Not hers to send, fix or throw away.
    for (const name of ['outbox.retry', 'outbox.discard']) {
      const refused = await core.call(name, { id: held.items[0]?.id })
      expect(!refused.ok && refused.error.code).toBe('forbidden')
    }
    expect((await summary(core)).count).toBe(4)
    // Her own message to the same conversation goes at once; none of Sophie's goes with it or is shown as hers.
    const hers = await core.value<MessageView>('messages.send', { conversationUuid: talk.uuid, contents: `grace ${tag}` })
    expect(hers.outbox).toBeUndefined()
    expect(posted(talk.uuid, tag)).toEqual([`grace ${tag}`])
    const herThread = await core.value<MessagesPage>('messages.list', { conversationUuid: talk.uuid, page: 1 })
    expect(herThread.messages.filter((message) => message.contents.startsWith('kept'))).toEqual([])
    expect(doneWrites(sandbox, 'POST', `/api/v1/conversation/${other.uuid}/pin`)).toEqual([])
    await core.value('session.signOut')
    expect(tables(dbPath)).toMatchObject({ records: 0, unsent: 4 })

    // Sophie again, with Plannr refusing writes for a moment: her changes are on screen again at once …
    sandbox.faults.queue.push(...Array.from({ length: 30 }, () => ({ status: 503, method: 'POST' })))
    await core.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect((await core.value<SyncStatus>('sync.status')).notice).toBeNull()
    const mine = await summary(core)
    expect(mine.items.map((item) => item.held)).toEqual([false, false, false, false])
    const thread = await core.value<MessagesPage>('messages.list', { conversationUuid: talk.uuid, page: 1 })
    const shown = thread.messages.filter((message) => message.contents.startsWith(`kept ${tag}`))
    expect(shown.map((message) => message.contents)).toEqual(texts)
    expect(shown.every((message) => message.outbox !== undefined)).toBe(true)
    const row = (await core.value<ConversationsPage>('conversations.list', {})).rows.find((candidate) => candidate.uuid === other.uuid)
    expect(row?.pinned).toBe(!other.pinned)

    // … and once Plannr takes writes again, each reaches it once, in order.
    sandbox.faults.queue.splice(0)
    for (const item of mine.items) await core.call('outbox.retry', { id: item.id })
    const deadline = Date.now() + 30_000
    while ((await summary(core)).count > 0) {
      if (Date.now() > deadline) throw new Error(`not delivered: ${JSON.stringify(await summary(core))}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(posted(talk.uuid, tag)).toEqual([`grace ${tag}`, ...texts])
    expect(doneWrites(sandbox, 'POST', `/api/v1/conversation/${other.uuid}/pin`)).toHaveLength(1)

    // With nothing left unsent, signing out deletes the file and its key, as always.
    await core.value('session.signOut')
    expect(existsSync(dbPath)).toBe(false)
    expect(await keytar.getPassword(service, keyAccount(storeId(sandbox.url, accountUuid)))).toBeNull()
  }, 120_000)
})
