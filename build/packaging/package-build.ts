/**
 * The packaged app's build (`electron-vite build --mode package`): the Electron entry only (no web
 * preview), and the demo sandbox without its control routes.
 */
import { resolve } from 'node:path'
import type { Plugin } from 'vite'

export const PACKAGE_MODE = 'package'

const SANDBOX_SERVER = resolve(__dirname, '../../src/main/sandbox/server.ts')
const CONTROL_OFF = resolve(__dirname, 'sandbox-control-off.ts')

/** Swaps the sandbox server's `./control` import for a module that answers 404; nothing else changes. */
export function withoutSandboxControl(): Plugin {
  return {
    name: 'plannr:without-sandbox-control',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './control' && importer !== undefined && resolve(importer) === SANDBOX_SERVER) return CONTROL_OFF
      return null
    },
  }
}
