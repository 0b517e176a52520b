import { parseArgs } from 'node:util'
import { NAMED_SIZES, type NamedSize } from '../sandbox/types'

export interface WebPreviewOptions {
  /** A real (or other) Plannr API; when absent the preview starts its own sandbox. */
  apiUrl: string | undefined
  /** 0 picks a free port. */
  port: number
  keychainService: string
  sandboxSize: NamedSize
  /** Serve the sandbox's /__sandbox control routes (for tests), printing their secret as SANDBOX_CONTROL=… */
  sandboxControl: boolean
}

export const USAGE =
  'Usage: node out/main/web-preview.js [--api-url URL] [--port N] [--keychain-service NAME] [--sandbox-size small|demo|large] [--sandbox-control]'

export class UsageError extends Error {}

function isSandboxSize(value: string): value is NamedSize {
  return (NAMED_SIZES as readonly string[]).includes(value)
}

export function parseWebPreviewArgs(argv: readonly string[]): WebPreviewOptions {
  let values: { 'api-url'?: string; port?: string; 'keychain-service'?: string; 'sandbox-size'?: string; 'sandbox-control'?: boolean }
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

  const sandboxControl = values['sandbox-control'] === true
  if (sandboxControl && apiUrl !== undefined) throw new UsageError('--sandbox-control needs the preview’s own sandbox: leave out --api-url')

  return { apiUrl: apiUrl?.replace(/\/+$/, ''), port, keychainService, sandboxSize, sandboxControl }
}
