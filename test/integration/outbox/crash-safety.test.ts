import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { rm } from 'node:fs/promises'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'
import { rawList, type RawConversation, type RawMessage } from '../../support/plannr-raw'
import { doneWrites, openOutboxApp, tempDataDir } from './harness'

/*
 * Crash safety: the core's outbox runs in a child process that is killed with SIGKILL at a random moment —
 * while enqueueing, while a request is on its way, while an answer is being written — again and again on
 * the same data folder. From the sandbox's journal and records: every write that was accepted reached
 * Plannr exactly once, in the order it was made, and nothing reached it twice.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Outbox crash-safety test skipped — ${keychain.reason}`)

const TRIALS = Number(process.env['OUTBOX_CRASH_TRIALS'] ?? 50)
const root = resolve(__dirname, '../../..')

/** The child script, bundled once (aliases resolved) so that each trial starts as plain Node would. */
async function bundleChild(): Promise<string> {
  mkdirSync(join(root, 'out'), { recursive: true })
  const outDir = mkdtempSync(join(root, 'out', 'crash-child-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
    build: {
      ssr: resolve(__dirname, 'crash-child.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'keytar'], output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
  })
  return join(outDir, 'child.mjs')
}

interface Run {
  enqueued: string[]
  drained: boolean
  killed: boolean
}

function runChild(script: string, args: string[], killAfterMs: number | null): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    const run: Run = { enqueued: [], drained: false, killed: false }
    let buffer = ''
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      let newline: number
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        if (line === 'READY' && killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs)
        else if (line.startsWith('ENQUEUED ')) run.enqueued.push(line.slice('ENQUEUED '.length))
        else if (line === 'DRAINED') run.drained = true
      }
    })
    child.on('exit', (code, signal) => {
      run.killed = signal === 'SIGKILL'
      if (signal === 'SIGKILL' || code === 0) done(run)
      else fail(new Error(`child exited ${code}: ${stderr}`))
    })
  })
}

describe.skipIf(!keychain.available)('the outbox killed with SIGKILL at random points', () => {
  let sandbox: Sandbox
  let script: string

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    script = await bundleChild()
  }, 60_000)
  afterAll(async () => {
    await sandbox?.close()
    if (script) await rm(dirname(script), { recursive: true, force: true })
  })

  it(`loses and duplicates nothing over ${TRIALS} kills`, async () => {
    const service = uniqueService('outbox-crash')
    const dataDir = tempDataDir()
    const setup = await openOutboxApp(sandbox, service, dataDir)
    const accountUuid = setup.accountUuid
    await setup.close()
    const conversation = (await rawList<RawConversation>(sandbox, accountUuid, '/api/v1/conversation'))[0] as RawConversation
    const args = (trial: number) => [sandbox.url, service, dataDir, conversation.uuid, `crash t${trial}`, '5']

    const accepted: string[] = []
    let killedMidway = 0
    let seed = 0x2545f491
    const random = () => {
      seed = (seed * 1103515245 + 12345) >>> 0
      return seed / 2 ** 32
    }
    for (let trial = 0; trial < TRIALS; trial++) {
      // Answers are lost now and then too, so a kill also lands while a lookup is under way.
      if (random() < 0.3) sandbox.faults.queue.push({ status: 502, afterWork: true, method: 'POST' })
      const run = await runChild(script, args(trial), Math.floor(random() * 60))
      accepted.push(...run.enqueued)
      if (run.killed && !run.drained) killedMidway++
    }
    sandbox.faults.queue.splice(0)
    // Last, one run left alone to finish what is left.
    const last = await runChild(script, args(TRIALS), null)
    accepted.push(...last.enqueued)
    expect(last.drained).toBe(true)

    const path = `/api/v1/conversation/${conversation.uuid}/messages`
    const posted = doneWrites(sandbox, 'POST', path).map((entry) => (entry.body as { contents: string }).contents).filter((text) => text.startsWith('crash t'))
    // Nothing twice.
    expect(posted.length).toBe(new Set(posted).size)
    // Nothing accepted is lost (a kill between the commit and the "ENQUEUED" line may add one that was not reported).
    for (const contents of accepted) expect(posted).toContain(contents)
    // In the order they were made.
    const order = (text: string) => {
      const match = /^crash t(\d+) #(\d+)$/.exec(text)
      return match ? Number(match[1]) * 10 + Number(match[2]) : -1
    }
    expect(posted.map(order)).toEqual([...posted.map(order)].sort((a, b) => a - b))
    const onServer = (await rawList<RawMessage>(sandbox, accountUuid, path)).filter((message) => message.contents.startsWith('crash t'))
    expect(onServer.map((message) => message.contents).sort()).toEqual([...posted].sort())
    expect(accepted.length).toBeGreaterThan(0)
    // The kills landed while there was work: most runs died before they had sent everything.
    expect(killedMidway).toBeGreaterThan(TRIALS / 3)
  }, 600_000)
})
