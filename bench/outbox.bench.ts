import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../src/main/sandbox'
import { runCrashTrials } from '../test/integration/outbox/crash-trials'
import { doneWrites, drained, openOutboxApp, tempDataDir, type OutboxApp } from '../test/integration/outbox/harness'
import { probeKeychain } from '../test/support/keychain-probe'
import { rawList, type RawConversation, type RawMessage } from '../test/support/plannr-raw'
import { benchConfig } from './support/config'
import { memoryKeys } from './support/memory-keys'
import { recordFigure, single } from './support/figures'

/*
 * The outbox after a long time offline: 1,000 messages written to 10 conversations while Plannr was out of
 * reach, then Plannr back. Reported: the wall time of the replay against the least the rate limit allows
 * (500 requests a minute), and — from the sandbox's records — how many writes arrived twice, or never.
 */

/** 1,000 for the figures; a few for CI's smoke run (BENCH_SIZE=small), unless BENCH_OUTBOX_WRITES says. */
const WRITES = Number(process.env['BENCH_OUTBOX_WRITES'] ?? (benchConfig().size === 'small' ? 50 : 1_000))
const CONVERSATIONS = 10
/** SIGKILL trials: more than the 50 `npm test` runs, a few for the smoke run; OUTBOX_CRASH_TRIALS says otherwise. */
const CRASH_TRIALS = Number(process.env['OUTBOX_CRASH_TRIALS'] ?? (benchConfig().size === 'small' ? 10 : 200))
const LIMIT = 500

let sandbox: Sandbox
let app: OutboxApp

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', rateLimitPerMinute: LIMIT })
  app = await openOutboxApp(sandbox, `plannr-desktop-bench-outbox-${process.pid}`, tempDataDir(), undefined, memoryKeys())
}, 60_000)

afterAll(async () => {
  await app?.close()
  await sandbox?.close()
})

describe('outbox replay', () => {
  it(`replays ${WRITES} queued writes exactly once within the rate limit`, async () => {
    const conversations = (await rawList<RawConversation>(sandbox, app.accountUuid, '/api/v1/conversation')).slice(0, CONVERSATIONS)
    const actor = { accountUuid: app.accountUuid, userUuid: app.session.userKey() ?? '' }
    const tag = randomUUID().slice(0, 8)
    sandbox.faults.offline = true
    const written: string[] = []
    for (let n = 0; n < WRITES; n++) {
      const conversation = conversations[n % conversations.length] as RawConversation
      const contents = `bench ${tag} #${n}`
      written.push(contents)
      app.outbox.enqueue(
        { kind: 'message.send', conversationUuid: conversation.uuid, tempUuid: randomUUID(), contents, authorUuid: app.accountUuid, createdAt: new Date().toISOString() },
        actor,
      )
    }
    await app.outbox.stop()
    // As after a long time offline: nothing sent in the last minute (the sign-in, the look-ups above, the
    // attempts made offline) still counts against the limit when the replay starts.
    const lastSent = Math.max(...sandbox.requests.map((entry) => Date.parse(entry.at)))
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastSent + 61_000 - Date.now())))
    sandbox.clearRequests()
    sandbox.faults.offline = false

    const started = performance.now()
    app.outbox.start()
    await drained(app.outbox, 20 * 60_000)
    const wallMs = performance.now() - started

    const requests = sandbox.requests.length
    // Plannr allows LIMIT a rolling minute: N requests need at least (ceil(N / LIMIT) - 1) minutes.
    const minimumMs = Math.max(0, Math.ceil(requests / LIMIT) - 1) * 60_000
    const refused = sandbox.requests.filter((entry) => entry.status === 429).length
    recordFigure(__filename, single({ id: 'outbox.replay', label: `Outbox: ${WRITES} queued writes replayed`, unit: 'ms' }, wallMs))
    recordFigure(__filename, single({ id: 'outbox.replay-minimum', label: `Outbox: least the rate limit allows for those ${requests} requests`, unit: 'ms' }, minimumMs))
    recordFigure(__filename, single({ id: 'outbox.429', label: 'Outbox: requests Plannr refused for the rate limit', unit: 'count' }, refused))

    // The check reads with the same token: let the replay's minute pass first, if it used the limit up.
    if (requests + CONVERSATIONS >= LIMIT) await new Promise((resolve) => setTimeout(resolve, 61_000))
    const posted = conversations.flatMap((conversation) =>
      doneWrites(sandbox, 'POST', `/api/v1/conversation/${conversation.uuid}/messages`).map((entry) => (entry.body as { contents: string }).contents),
    )
    const counts = new Map<string, number>()
    for (const contents of posted) counts.set(contents, (counts.get(contents) ?? 0) + 1)
    const duplicates = [...counts.values()].filter((count) => count > 1).length
    const onServer = new Set<string>()
    for (const conversation of conversations) {
      for (const message of await rawList<RawMessage>(sandbox, app.accountUuid, `/api/v1/conversation/${conversation.uuid}/messages`)) onServer.add(message.contents)
    }
    const lost = written.filter((contents) => !onServer.has(contents)).length

    recordFigure(__filename, single({ id: 'outbox.duplicates', label: 'Outbox: writes that reached Plannr twice', unit: 'count', goal: { stat: 'p95', max: 0 } }, duplicates))
    recordFigure(__filename, single({ id: 'outbox.lost', label: 'Outbox: writes that never reached Plannr', unit: 'count', goal: { stat: 'p95', max: 0 } }, lost))
    expect(duplicates).toBe(0)
    expect(lost).toBe(0)
  }, 25 * 60_000)
})

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox SIGKILL trials skipped — ${keychain.reason}`)

describe('outbox killed with SIGKILL while sending', () => {
  // The crashed runs keep their store's key in the OS keychain, as the app does.
  it.skipIf(!keychain.available)(`loses and duplicates nothing over ${CRASH_TRIALS} kills`, async () => {
    // Plannr's limit is not what this measures: a roomy one keeps the trials quick.
    const crashSandbox = await startSandbox({ size: 'small', rateLimitPerMinute: 100_000 })
    try {
      const result = await runCrashTrials(crashSandbox, CRASH_TRIALS)
      const note = `${result.killedMidway} of ${result.trials} runs killed before they had sent everything; ${result.accepted.length} writes accepted, ${result.posted.length} carried out`
      recordFigure(__filename, single({ id: 'outbox.crash.trials', label: 'Outbox: SIGKILL trials run', unit: 'count', note }, result.trials))
      recordFigure(__filename, single({ id: 'outbox.crash.lost', label: 'Outbox: writes lost over the SIGKILL trials', unit: 'count', goal: { stat: 'p95', max: 0 } }, result.lost.length))
      recordFigure(
        __filename,
        single({ id: 'outbox.crash.duplicated', label: 'Outbox: writes duplicated over the SIGKILL trials', unit: 'count', goal: { stat: 'p95', max: 0 } }, result.duplicated.length),
      )
      expect(result.finished).toBe(true)
      expect(result.lost).toEqual([])
      expect(result.duplicated).toEqual([])
    } finally {
      await crashSandbox.close()
    }
  }, 30 * 60_000)
})
