import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain } from '../../support/keychain-probe'
import { runCrashTrials } from './crash-trials'

/*
 * Crash safety: the core's outbox killed with SIGKILL at random points, again and again on the same data
 * folder (crash-trials.ts). From the sandbox's journal and records: every write that was accepted reached
 * Plannr exactly once, in the order it was made, and nothing reached it twice.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox crash-safety test skipped — ${keychain.reason}`)

const TRIALS = Number(process.env['OUTBOX_CRASH_TRIALS'] ?? 50)

describe.skipIf(!keychain.available)('the outbox killed with SIGKILL at random points', () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  }, 60_000)
  afterAll(async () => {
    await sandbox?.close()
  })

  it(`loses and duplicates nothing over ${TRIALS} kills`, async () => {
    const result = await runCrashTrials(sandbox, TRIALS)
    expect(result.finished).toBe(true)
    expect(result.accepted.length).toBeGreaterThan(0)
    expect(result.duplicated).toEqual([])
    expect(result.lost).toEqual([])
    expect(result.inOrder).toBe(true)
    expect([...result.onServer].sort()).toEqual([...result.posted].sort())
    // The kills landed while there was work: most runs died before they had sent everything.
    expect(result.killedMidway).toBeGreaterThan(TRIALS / 3)
  }, 600_000)
})
