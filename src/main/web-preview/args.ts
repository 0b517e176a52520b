import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { checkFeedUrl } from '../core/update/availability'
import { NAMED_SIZES, type NamedSize } from '../sandbox/types'

export interface WebPreviewOptions {
  /** A real (or other) Plannr API; when absent the preview starts its own sandbox. */
  apiUrl: string | undefined
  /** 0 picks a free port. */
  port: number
  keychainService: string
  sandboxSize: NamedSize
  /** The app's data folder (the session file); default a folder under the OS's user-data location. */
  dataDir: string
  /** The OAuth client "Sign in with Plannr" uses; undefined means the app's default. */
  oauthClientId: string | undefined
  /** An electron-updater feed to read `latest.yml` from (never installs); undefined: no update check. */
  updateFeed: string | undefined
  /** How often to look for new messages to notify about; undefined: the app's default (a minute). */
  messagePollSeconds: number | undefined
  /** Serve the sandbox's /__sandbox control routes (for tests), printing their secret as SANDBOX_CONTROL=… */
  sandboxControl: boolean
}

/** Where the OS keeps applications' per-user data, as Electron's app.getPath('appData') would say. */
export function userDataRoot(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  const xdg = env['XDG_CONFIG_HOME']
  return xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.config')
}

export const DEFAULT_WEB_PREVIEW_DATA_DIR = 'Plannr Desktop (web preview)'

export const USAGE =
  'Usage: node out/main/web-preview.js [--api-url URL] [--port N] [--keychain-service NAME] [--sandbox-size small|demo|large] [--data-dir DIR] [--oauth-client-id ID] [--update-feed URL] [--message-poll-seconds N] [--sandbox-control]'

export class UsageError extends Error {}

function isSandboxSize(value: string): value is NamedSize {
  return (NAMED_SIZES as readonly string[]).includes(value)
}

export function parseWebPreviewArgs(argv: readonly string[]): WebPreviewOptions {
  let values: {
    'api-url'?: string
    port?: string
    'keychain-service'?: string
    'sandbox-size'?: string
    'data-dir'?: string
    'oauth-client-id'?: string
    'update-feed'?: string
    'message-poll-seconds'?: string
    'sandbox-control'?: boolean
  }
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
        'oauth-client-id': { type: 'string' },
        'update-feed': { type: 'string' },
        'message-poll-seconds': { type: 'string' },
        'sandbox-control': { type: 'boolean' },
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
  if (!isSandboxSize(sandboxSize)) throw new UsageError(`--sandbox-size must be one of ${NAMED_SIZES.join(', ')}`)

  const dataDirText = values['data-dir']
  if (dataDirText !== undefined && dataDirText.trim() === '') throw new UsageError('--data-dir must not be empty')
  const dataDir = dataDirText === undefined ? join(userDataRoot(), DEFAULT_WEB_PREVIEW_DATA_DIR) : resolve(dataDirText)

  const oauthClientId = values['oauth-client-id']
  if (oauthClientId !== undefined && !/^[\x21-\x7e]{1,200}$/.test(oauthClientId)) {
    throw new UsageError('--oauth-client-id must be 1–200 printable characters without spaces')
  }

  const updateFeed = values['update-feed']
  if (updateFeed !== undefined) {
    const feed = checkFeedUrl(updateFeed)
    if (!feed.ok) throw new UsageError(`--update-feed: ${feed.reason}`)
  }

  const pollText = values['message-poll-seconds']
  let messagePollSeconds: number | undefined
  if (pollText !== undefined) {
    messagePollSeconds = Number(pollText)
    if (!/^\d+$/.test(pollText) || messagePollSeconds < 1 || messagePollSeconds > 3600) {
      throw new UsageError(`--message-poll-seconds must be a whole number from 1 to 3600, not ${pollText}`)
    }
  }

  const sandboxControl = values['sandbox-control'] === true
  if (sandboxControl && apiUrl !== undefined) throw new UsageError('--sandbox-control needs the preview’s own sandbox: leave out --api-url')

  return { apiUrl: apiUrl?.replace(/\/+$/, ''), port, keychainService, sandboxSize, dataDir, oauthClientId, updateFeed, messagePollSeconds, sandboxControl }
}
