import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox'
import { TestSocket } from '../web-preview/bridge-client'
import { ensureBuilt, PREVIEW_ENTRY, ROOT } from '../web-preview/preview-process'

/*
 * keytar is an optional dependency: where its native module could not be installed, `npm install` still
 * succeeds and the app must start and sign in, keeping the session for this run only. This runs the
 * built app's core (the web preview's entry) in a real process where `keytar` cannot be resolved, and
 * signs in over its bridge.
 */

const HOOK = join(__dirname, 'without-keytar.hook.mjs')

describe('the app without keytar installed', () => {
  let child: ChildProcess
  let socket: TestSocket
  let output = ''

  beforeAll(async () => {
    ensureBuilt()
    // A data folder of its own: never the machine's, which another run may have signed in.
    const dataDir = mkdtempSync(join(tmpdir(), 'plannr-without-keytar-'))
    child = spawn(process.execPath, ['--import', HOOK, PREVIEW_ENTRY, '--sandbox-size', 'small', '--data-dir', dataDir, '--keychain-service', `Plannr Desktop test ${randomUUID()}`], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const printed = await new Promise<string>((resolveUrl, rejectUrl) => {
      let stdout = ''
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        const match = /^WEB_PREVIEW_URL=(.+)$/m.exec(stdout)
        if (match?.[1]) resolveUrl(match[1])
      })
      child.once('exit', (code) => rejectUrl(new Error(`the app exited (${code}) before it was ready:\n${stdout}\n${output}`)))
    })
    const url = new URL(printed)
    socket = await TestSocket.open(`ws://127.0.0.1:${url.port}/bridge`, url.origin)
    socket.hello(new URLSearchParams(url.hash.slice(1)).get('bridge') ?? '')
  }, 240_000)

  afterAll(async () => {
    socket?.close()
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    }
  })

  it('starts, says the keychain library is missing, and keeps the sign-in for this session only', async () => {
    const status = await socket.call('session.status', {})
    expect(status).toMatchObject({ ok: true, value: { state: 'signed-out', storage: { kind: 'session-only' } } })
    const storage = (status['value'] as { storage: { reason: string } }).storage
    expect(storage.reason).toMatch(/keychain library could not be loaded/)
    expect(storage.reason).toMatch(/Cannot find package 'keytar'/)
    expect(storage.reason).toMatch(/until Plannr Desktop is closed/)

    const signedIn = await socket.call('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    expect(signedIn).toMatchObject({ ok: true, value: { state: 'signed-in', storage: { kind: 'session-only' } } })
    expect(await socket.call('session.status', {})).toEqual(signedIn)
    expect(output).not.toContain(SANDBOX_TOKENS.adviser)
  })
})
