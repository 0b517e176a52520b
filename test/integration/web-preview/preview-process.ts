import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(__dirname, '../../..')
export const PREVIEW_ENTRY = resolve(ROOT, 'out/main/web-preview.js')

/** The web preview is tested as built (what `npm run web` runs): build once if it is not there. */
export function ensureBuilt(): void {
  if (existsSync(PREVIEW_ENTRY) && existsSync(resolve(ROOT, 'out/renderer/index.html'))) return
  const build = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    timeout: 180_000,
  })
  if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)
}

export interface RunningPreview {
  process: ChildProcess
  keychainService: string
  /** WEB_PREVIEW_URL as printed, fragment included. */
  printedUrl: string
  /** http://127.0.0.1:PORT */
  origin: string
  port: number
  secret: string
  sandboxUrl: string
  /** The sandbox's control secret, when started with --sandbox-control. */
  sandboxControl: string | undefined
  stderr: () => string
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export async function startPreview(args: string[] = ['--sandbox-size', 'small', '--sandbox-control'], timeoutMs = 30_000): Promise<RunningPreview> {
  const keychainService = `Plannr Desktop test ${randomUUID()}`
  // Never the user's own data folder: one of the test's own, under the temp folder.
  const dataDir = join(tmpdir(), `plannr-desktop-preview-test-${randomUUID()}`)
  const child = spawn(process.execPath, [PREVIEW_ENTRY, '--keychain-service', keychainService, '--data-dir', dataDir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  )

  const lines = await new Promise<Map<string, string>>((resolveLines, rejectLines) => {
    const timer = setTimeout(() => rejectLines(new Error(`The web preview printed no URL in time.\n${stdout}\n${stderr}`)), timeoutMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      const found = new Map<string, string>()
      for (const line of stdout.split('\n')) {
        const match = /^(WEB_PREVIEW_URL|SANDBOX_URL|SANDBOX_CONTROL)=(.+)$/.exec(line)
        if (match?.[1] && match[2]) found.set(match[1], match[2])
      }
      if (found.has('WEB_PREVIEW_URL')) {
        clearTimeout(timer)
        resolveLines(found)
      }
    })
    void exited.then(({ code }) => {
      clearTimeout(timer)
      rejectLines(new Error(`The web preview exited (${code}) before it was ready.\n${stderr}`))
    })
  })

  const printedUrl = lines.get('WEB_PREVIEW_URL') ?? ''
  const url = new URL(printedUrl)
  return {
    process: child,
    keychainService,
    printedUrl,
    origin: url.origin,
    port: Number(url.port),
    secret: new URLSearchParams(url.hash.slice(1)).get('bridge') ?? '',
    sandboxUrl: lines.get('SANDBOX_URL') ?? '',
    sandboxControl: lines.get('SANDBOX_CONTROL'),
    stderr: () => stderr,
    exited,
  }
}

/** Stops the preview and removes anything it stored under its own keychain service. */
export async function stopPreview(preview: RunningPreview | undefined): Promise<void> {
  if (!preview) return
  if (preview.process.exitCode === null && preview.process.signalCode === null) {
    preview.process.kill('SIGTERM')
    await preview.exited
  }
  await forgetKeychainService(preview.keychainService)
}

async function forgetKeychainService(service: string): Promise<void> {
  try {
    const { default: keytar } = await import('keytar')
    const lookup = keytar.findCredentials(service)
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('keychain timeout')), 5_000).unref())
    for (const { account } of await Promise.race([lookup, timeout])) await keytar.deletePassword(service, account)
  } catch {
    // No usable keychain in this session: the preview kept its token in memory, gone with the process.
  }
}
