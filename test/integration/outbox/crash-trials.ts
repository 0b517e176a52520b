import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { Sandbox } from '../../../src/main/sandbox'
import { uniqueService } from '../../support/keychain-probe'
import { rawList, type RawConversation, type RawMessage } from '../../support/plannr-raw'
import { doneWrites, openOutboxApp, tempDataDir } from './harness'

/*
 * The core's outbox in a child process (crash-child.ts), killed with SIGKILL at a random moment — while
 * enqueueing, while a request is on its way, while an answer is being written — again and again on the
 * same data folder, then left to finish. What the sandbox's journal and records say of it: for the
 * crash-safety test and the outbox benchmark.
 */

const root = resolve(__dirname, '../../..')

export interface CrashTrials {
  trials: number
  /** Runs killed before they had sent everything. */
  killedMidway: number
  /** Writes a run said were committed (a kill between the commit and that line may leave one unsaid). */
  accepted: string[]
  /** The writes Plannr carried out, in the order it received them. */
  posted: string[]
  /** The messages on Plannr afterwards. */
  onServer: string[]
  /** Accepted writes that never reached Plannr. */
  lost: string[]
  /** Writes Plannr carried out more than once. */
  duplicated: string[]
  /** Whether Plannr received them in the order they were made. */
  inOrder: boolean
  /** Whether the last run, left alone, sent everything. */
  finished: boolean
}

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

/** Runs `trials` killed runs (5 messages each; now and then an answer lost after the work) and one to finish. */
export async function runCrashTrials(sandbox: Sandbox, trials: number): Promise<CrashTrials> {
  const script = await bundleChild()
  const dataDir = tempDataDir()
  try {
    const service = uniqueService('outbox-crash')
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
    for (let trial = 0; trial < trials; trial++) {
      // Answers are lost now and then too, so a kill also lands while a lookup is under way.
      if (random() < 0.3) sandbox.faults.queue.push({ status: 502, afterWork: true, method: 'POST' })
      const run = await runChild(script, args(trial), Math.floor(random() * 60))
      accepted.push(...run.enqueued)
      if (run.killed && !run.drained) killedMidway++
    }
    sandbox.faults.queue.splice(0)
    const last = await runChild(script, args(trials), null)
    accepted.push(...last.enqueued)

    const path = `/api/v1/conversation/${conversation.uuid}/messages`
    const posted = doneWrites(sandbox, 'POST', path)
      .map((entry) => (entry.body as { contents: string }).contents)
      .filter((text) => text.startsWith('crash t'))
    const onServer = (await rawList<RawMessage>(sandbox, accountUuid, path)).map((message) => message.contents).filter((text) => text.startsWith('crash t'))
    const seen = new Set<string>()
    const duplicated = posted.filter((text) => (seen.has(text) ? true : (seen.add(text), false)))
    const order = (text: string) => {
      const match = /^crash t(\d+) #(\d+)$/.exec(text)
      return match ? Number(match[1]) * 10 + Number(match[2]) : -1
    }
    const orders = posted.map(order)
    return {
      trials,
      killedMidway,
      accepted,
      posted,
      onServer,
      lost: accepted.filter((text) => !posted.includes(text)),
      duplicated,
      inOrder: orders.every((value, index) => index === 0 || value >= (orders[index - 1] as number)),
      finished: last.drained,
    }
  } finally {
    await rm(resolve(script, '..'), { recursive: true, force: true })
    await rm(dataDir, { recursive: true, force: true })
  }
}
