import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ForcedResponse } from '../../../src/main/sandbox'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rawList, type RawConversation } from '../../support/plannr-raw'
import { doneWrites, drained, openOutboxApp, tempDataDir, type OutboxApp } from './harness'

/*
 * A long queue replayed into a storm: Plannr answering 429 (with and without Retry-After), bursts of
 * 5xx (some after doing the work), and connections dropped before and after the work, against a sandbox
 * whose own rate limit is a few dozen requests a minute. From the sandbox's journal: every create carried
 * out exactly once (edits and pins, which set a state, at least once and only ever to the state made),
 * each conversation's writes in the order they were made, and not one request refused by the sandbox's
 * own limiter — only the 429s the test forced.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox storm test skipped — ${keychain.reason}`)

const LIMIT = 30
const CONVERSATIONS = 3
const MESSAGES = 8

describe.skipIf(!keychain.available)('the outbox replaying through a 429 storm (real sandbox, store, keychain)', () => {
  let sandbox: Sandbox
  let app: OutboxApp

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small', rateLimitPerMinute: LIMIT })
    app = await openOutboxApp(sandbox, uniqueService('outbox-storm'), tempDataDir())
  })
  afterAll(async () => {
    await app?.close()
    await app?.session.signOut()
    await sandbox?.close()
  })

  it('delivers everything exactly once, in order per conversation, and never runs into the rate limit', async () => {
    const tag = randomUUID().slice(0, 8)
    const conversations = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation')).slice(0, CONVERSATIONS)
    const actor = { accountUuid: app.accountUuid, userUuid: app.session.userKey() ?? '' }

    // Written offline: per conversation, messages, an edit of its first one (still a temporary id) and a pin.
    sandbox.faults.offline = true
    const expected = new Map<string, string[]>()
    const edits = new Map<string, string>()
    for (const conversation of conversations) {
      const contents = Array.from({ length: MESSAGES }, (_, n) => `storm ${tag} ${conversation.uuid.slice(0, 4)} #${n}`)
      expected.set(conversation.uuid, contents)
      let first: string | null = null
      for (const text of contents) {
        const tempUuid = randomUUID()
        first ??= tempUuid
        app.outbox.enqueue({ kind: 'message.send', conversationUuid: conversation.uuid, tempUuid, contents: text, authorUuid: app.accountUuid, createdAt: new Date().toISOString() }, actor)
      }
      const edited = `${contents[0]} (edited)`
      edits.set(conversation.uuid, edited)
      app.outbox.enqueue({ kind: 'message.edit', conversationUuid: conversation.uuid, messageUuid: first as string, contents: edited, previous: contents[0] ?? null }, actor)
      app.outbox.enqueue({ kind: 'conversation.pin', conversationUuid: conversation.uuid, pin: !(conversation.pinned ?? false), previous: conversation.pinned ?? false }, actor)
    }
    const writes = CONVERSATIONS * (MESSAGES + 2)
    expect(app.outbox.count()).toBe(writes)

    // The storm, spread over the replay: whatever request comes next takes the next of these.
    const storm: ForcedResponse[] = [
      { status: 429, retryAfter: 1 },
      { status: 503 },
      { status: 0, method: 'POST' },
      { status: 429, retryAfter: 2, method: 'POST' },
      { status: 502, afterWork: true, method: 'POST' },
      { status: 500 },
      { status: 429 },
      { status: 0, afterWork: true, method: 'POST' },
      { status: 429, retryAfter: 1 },
      { status: 504, afterWork: true, method: 'PUT' },
      { status: 503 },
      { status: 429, retryAfter: 1, method: 'POST' },
      { status: 500, method: 'POST' },
    ]
    const forced429 = storm.filter((entry) => entry.status === 429).length
    await app.outbox.stop()
    sandbox.clearRequests()
    sandbox.faults.offline = false
    sandbox.faults.queue.push(...storm)
    app.outbox.start()
    app.outbox.wake()
    await drained(app.outbox, 200_000)
    expect(sandbox.faults.queue).toEqual([])

    // Not one request refused by the sandbox's own limiter: only the forced 429s.
    expect(sandbox.requests.filter((entry) => entry.status === 429)).toHaveLength(forced429)
    for (const conversation of conversations) {
      const posted = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`).map((entry) => (entry.body as { contents: string }).contents)
      // Every message (a create) carried out exactly once, in the order it was written.
      expect(posted).toEqual(expected.get(conversation.uuid))
      // An edit (PUT) and a pin set a state: one whose answer was lost after the work may be sent again, to
      // the same effect. Each was carried out, only ever with the change that was made.
      const put = doneWrites(sandbox, 'PUT', new RegExp(`^/api/v1/conversation/${conversation.uuid}/messages/`))
      expect(put.length).toBeGreaterThanOrEqual(1)
      expect(new Set(put.map((entry) => (entry.body as { contents: string }).contents))).toEqual(new Set([edits.get(conversation.uuid)]))
      // The edit went to the real message, after it was created; the pin after the edit.
      const created = sandbox.requests.filter((entry) => entry.method === 'POST' && entry.path === `/api/v1/conversation/${conversation.uuid}/messages`)
      expect(put[0]?.path).not.toContain('undefined')
      expect(Date.parse((put[0] as { at: string }).at)).toBeGreaterThanOrEqual(Date.parse((created[0] as { at: string }).at))
      const pins = doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/pin`)
      expect(pins.length).toBeGreaterThanOrEqual(1)
      expect(new Set(pins.map((entry) => (entry.body as { pin: boolean }).pin))).toEqual(new Set([!(conversation.pinned ?? false)]))
      expect(Date.parse((pins[0] as { at: string }).at)).toBeGreaterThanOrEqual(Date.parse((put[0] as { at: string }).at))
    }
  }, 240_000)
})
