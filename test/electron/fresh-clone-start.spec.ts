import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { makeZip } from './support/zip'

/*
 * The README's first command on a fresh clone: `npm ci` then `npm start` must fetch Electron's binary
 * (Electron 42+ no longer does so at install time) and launch it with this app. The binary comes from
 * a download mirror on 127.0.0.1, reached through Electron's own settings (ELECTRON_MIRROR, with the
 * mirror's SHASUMS256.txt as any private mirror provides it), and stands in for Electron: a script that
 * records how it was launched.
 */

const ROOT = resolve(__dirname, '../..')
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version

/** Where Electron's zip keeps its executable, per platform (as node_modules/electron/install.js says). */
const EXECUTABLE_IN_ZIP: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  darwin: 'Electron.app/Contents/MacOS/Electron',
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): { output: string; status: number | null } {
  const result = spawnSync(command, args, { ...options, encoding: 'utf8', timeout: options.timeoutMs })
  return { output: `${result.stdout ?? ''}\n${result.stderr ?? ''}`, status: result.status }
}

/** npm settings a developer's machine may need to install at all (registry, cache, Node headers). */
const KEPT_NPM_SETTINGS = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_nodedir'])

/** The environment a developer's shell would have: no Electron or npm-run settings inherited from this run. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/electron/i.test(key) || key === 'NODE_OPTIONS') continue
    if (key.toLowerCase().startsWith('npm_') && !KEPT_NPM_SETTINGS.has(key.toLowerCase())) continue
    env[key] = value
  }
  // The Node that runs this test (24) first on PATH, as the README requires.
  env['PATH'] = [dirname(process.execPath), process.env['PATH'] ?? ''].join(delimiter)
  return { ...env, ...extra }
}

interface Mirror {
  server: Server
  url: string
  requests: string[]
}

async function startMirror(files: Map<string, Buffer>): Promise<Mirror> {
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://mirror').pathname
    requests.push(path)
    const body = files.get(path)
    if (!body) {
      response.writeHead(404).end('not found')
      return
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('mirror has no port')
  return { server, url: `http://127.0.0.1:${address.port}/`, requests }
}

const executable = EXECUTABLE_IN_ZIP[process.platform]

test.describe('a fresh clone', () => {
  test.skip(executable === undefined, `the stand-in Electron is a shell script; no stand-in for ${process.platform}`)
  test.skip(!existsSync(join(ROOT, '.git')), 'not a git checkout: there is nothing to clone')

  let work: string
  let mirror: Mirror | undefined

  test.beforeEach(() => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'plannr-fresh-clone-')))
  })

  test.afterEach(async () => {
    if (mirror) await new Promise((done) => mirror?.server.close(done))
    rmSync(work, { recursive: true, force: true })
  })

  test('`npm ci && npm start` downloads Electron, checks it, then launches it with this app', async () => {
    // About 15 s on an idle machine; room for a loaded one.
    test.setTimeout(180_000)
    const clone = join(work, 'clone')
    const record = join(work, 'launched.txt')
    const nonce = randomUUID()

    // The committed HEAD, cloned as a developer would.
    const head = run('git', ['rev-parse', 'HEAD'], { cwd: ROOT, env: process.env, timeoutMs: 10_000 }).output.trim()
    expect(run('git', ['clone', '--quiet', '--no-checkout', ROOT, clone], { cwd: work, env: process.env, timeoutMs: 30_000 }).status).toBe(0)
    expect(run('git', ['checkout', '--quiet', head], { cwd: clone, env: process.env, timeoutMs: 30_000 }).status).toBe(0)

    const installed = run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: clone, env: cleanEnv({}), timeoutMs: 120_000 })
    expect(installed.status, installed.output).toBe(0)
    expect(existsSync(join(clone, 'node_modules/electron/path.txt')), 'npm ci itself does not fetch the binary').toBe(false)

    // The stand-in Electron: says which download it came from, and how and where it was started.
    const standIn = [
      '#!/bin/sh',
      `record='${record}'`,
      `echo "nonce=${nonce}" > "$record"`,
      'echo "cwd=$PWD" >> "$record"',
      'for arg in "$@"; do echo "arg=$arg" >> "$record"; done',
      'if [ -f out/main/index.js ]; then echo "built=yes" >> "$record"; fi',
      '',
    ].join('\n')
    const zipName = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`
    const zip = makeZip([
      { name: executable ?? 'electron', content: standIn, mode: 0o755 },
      { name: 'version', content: ELECTRON_VERSION },
    ])
    const sha256 = createHash('sha256').update(zip).digest('hex')
    const checksumsPath = `/v${ELECTRON_VERSION}/SHASUMS256.txt`
    const files = new Map([
      [`/v${ELECTRON_VERSION}/${zipName}`, zip],
      // First a checksum that does not match: a corrupted or tampered download.
      [checksumsPath, Buffer.from(`${'0'.repeat(64)} *${zipName}\n`)],
    ])
    mirror = await startMirror(files)

    const env = cleanEnv({
      ELECTRON_MIRROR: mirror.url,
      // Check the download against the mirror's SHASUMS256.txt, not the official release's checksums.
      electron_use_remote_checksums: '1',
      electron_config_cache: join(work, 'electron-cache'),
    })
    const npmStart = (): Promise<{ code: number | null; output: string }> =>
      new Promise((done) => {
        const child = spawn('npm', ['start'], { cwd: clone, env, stdio: ['ignore', 'pipe', 'pipe'] })
        let output = ''
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
        const timer = setTimeout(() => child.kill('SIGTERM'), 90_000)
        child.on('close', (code) => {
          clearTimeout(timer)
          done({ code, output })
        })
      })

    // A download that fails its checksum is never run; the developer is told what to do instead.
    const refused = await npmStart()
    expect(refused.code, refused.output).not.toBe(0)
    expect(refused.output).toMatch(/could not download Electron’s binary/)
    expect(refused.output).toMatch(/npm run web/)
    expect(existsSync(record)).toBe(false)
    expect(existsSync(join(clone, 'node_modules/electron/path.txt'))).toBe(false)

    files.set(checksumsPath, Buffer.from(`${sha256} *${zipName}\n`))
    mirror.requests.length = 0
    const started = await npmStart()
    expect(started.code, started.output).toBe(0)
    expect(started.output).toContain('Downloading Electron’s binary (the first time only)…')

    // The binary was fetched once, with its checksum file, from the configured mirror …
    expect(mirror.requests.filter((path) => path.endsWith(zipName))).toHaveLength(1)
    expect(mirror.requests).toContain(`/v${ELECTRON_VERSION}/SHASUMS256.txt`)
    expect(readFileSync(join(clone, 'node_modules/electron/path.txt'), 'utf8')).toBe(executable)

    // … and what ran is that download, started on this app's build: `electron .` in the clone.
    expect(existsSync(record), `the stand-in Electron never ran:\n${started.output}`).toBe(true)
    const lines = readFileSync(record, 'utf8').trim().split('\n')
    expect(lines[0]).toBe(`nonce=${nonce}`)
    expect(lines).toContain(`cwd=${clone}`)
    expect(lines.filter((line) => line.startsWith('arg='))[0]).toBe('arg=.')
    expect(lines).toContain('built=yes')
    const manifest = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { main: string }
    expect(existsSync(join(clone, manifest.main))).toBe(true)

    // The next `npm start` uses the installed binary: nothing is downloaded again.
    rmSync(record)
    mirror.requests.length = 0
    const again = await npmStart()
    expect(again.code, again.output).toBe(0)
    expect(mirror.requests).toEqual([])
    expect(again.output).not.toContain('Downloading Electron’s binary')
    expect(readFileSync(record, 'utf8').split('\n')[0]).toBe(`nonce=${nonce}`)
  })
})
