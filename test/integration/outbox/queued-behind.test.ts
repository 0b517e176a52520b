import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rawList, type RawConversation } from '../../support/plannr-raw'
import { doneWrites, drained, openOutboxApp, tempDataDir, type OutboxApp } from './harness'

/*
 * A write that must wait for an earlier one to the same record (an edit of a message not yet sent, a
 * message to a conversation not yet created) is answered at once, offline too: its first attempt cannot
 * come before the earlier write's, which may wait for the network. Then both go, in order, once each.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox tests skipped — ${keychain.reason}`)

/** Far longer than the test may take: a submit that waited for a first attempt would time the test out. */
const WAIT_MS = 10 * 60_000

describe.skipIf(!keychain.available)('a write queued behind another of its record', () => {
  let sandbox: Sandbox
  let app: OutboxApp

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    app = await openOutboxApp(sandbox, uniqueService('outbox-behind'), tempDataDir())
  })
  afterAll(async () => {
    await app?.close()
    await app?.session.signOut()
    await sandbox?.close()
  })

  it('is answered at once offline, then sent after the write it waits for, once', async () => {
    const conversation = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation'))[0] as RawConversation
    const actor = { accountUuid: app.accountUuid, userUuid: app.session.userKey() ?? '' }
    const tag = randomUUID().slice(0, 8)
    const tempUuid = randomUUID()
    sandbox.faults.offline = true

    const sent = await app.outbox.submit(
      { kind: 'message.send', conversationUuid: conversation.uuid, tempUuid, contents: `sent ${tag}`, authorUuid: app.accountUuid, createdAt: new Date().toISOString() },
      actor,
      WAIT_MS,
    )
    expect(sent.delivered).toBeNull()
    const edited = await app.outbox.submit(
      { kind: 'message.edit', conversationUuid: conversation.uuid, messageUuid: tempUuid, contents: `edited ${tag}`, previous: `sent ${tag}` },
      actor,
      WAIT_MS,
    )
    expect(edited.delivered).toBeNull()
    expect(edited.job.attempts).toBe(0)

    sandbox.faults.offline = false
    await drained(app.outbox)
    const posts = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`).filter((entry) => JSON.stringify(entry.body).includes(tag))
    expect(posts.map((entry) => entry.body)).toEqual([{ contents: `sent ${tag}` }])
    // The edit went to the message Plannr made, not to the id it had here.
    const puts = doneWrites(sandbox, 'PUT', /\/messages\//).filter((entry) => JSON.stringify(entry.body).includes(tag))
    expect(puts.map((entry) => entry.body)).toEqual([{ contents: `edited ${tag}` }])
    expect(puts[0]?.path).not.toContain(tempUuid)
  })
})
