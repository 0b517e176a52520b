import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

export type SandboxSize = 'small' | 'demo' | 'large'
const SANDBOX_SIZES: readonly SandboxSize[] = ['small', 'demo', 'large']

export interface WebPreviewOptions {
  /** A real (or other) Plannr API; when absent the preview starts its own sandbox. */
  apiUrl: string | undefined
  /** 0 picks a free port. */
  port: number
  keychainService: string
  sandboxSize: SandboxSize
  /** Where the store is kept; two runs with the same folder and keychain service share it. */
  dataDir: string
}

const APP_FOLDER = 'Plannr Desktop (web preview)'

/** The OS's user-data location, as Electron's userData would be: ~/.config on Linux. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), APP_FOLDER)
}

export const USAGE =
  'Usage: node out/main/web-preview.js [--api-url URL] [--port N] [--keychain-service NAME] [--sandbox-size small|demo|large] [--data-dir DIR]'

export class UsageError extends Error {}

function isSandboxSize(value: string): value is SandboxSize {
  return (SANDBOX_SIZES as readonly string[]).includes(value)
}

export function parseWebPreviewArgs(argv: readonly string[]): WebPreviewOptions {
  let values: { 'api-url'?: string; port?: string; 'keychain-service'?: string; 'sandbox-size'?: string; 'data-dir'?: string }
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'api-url': { type: 'string' },
        port: { type: 'string' },
        'keychain-service': { type: 'string' },
        'sandbox-size': { type: 'string' },
        'data-dir': { type: 'string' },
      },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }

  const apiUrl = values['api-url']
  if (apiUrl !== undefined) {
    let parsed: URL
    try {
      parsed = new URL(apiUrl)
    } catch {
      throw new UsageError(`--api-url is not a URL: ${apiUrl}`)
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UsageError('--api-url must be http(s)')
  }

  const portText = values.port ?? '0'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be 0–65535, not ${portText}`)

  const keychainService = values['keychain-service'] ?? 'Plannr Desktop (web preview)'
  if (keychainService.trim() === '') throw new UsageError('--keychain-service must not be empty')

  const sandboxSize = values['sandbox-size'] ?? 'demo'
  if (!isSandboxSize(sandboxSize)) throw new UsageError(`--sandbox-size must be one of ${SANDBOX_SIZES.join(', ')}`)

  const dataDirText = values['data-dir']
  if (dataDirText !== undefined && dataDirText.trim() === '') throw new UsageError('--data-dir must not be empty')
  const dataDir = dataDirText === undefined ? defaultDataDir() : resolve(dataDirText)

  return { apiUrl: apiUrl?.replace(/\/+$/, ''), port, keychainService, sandboxSize, dataDir }
}
