import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { version } from '../../../package.json'
import { createCore } from '../core'
import { startSandbox, SANDBOX_TOKENS, type NamedSize, type Sandbox } from '../sandbox'
import { sandboxControl } from '../sandbox/control'
import { parseWebPreviewArgs, USAGE, UsageError } from './args'
import { createLogger } from './log'
import { contentSecurityPolicy } from '../renderer-serving/content-security-policy'
import { createStaticHandler } from './static-server'
import { previewUpdater, reportPreviewUpdates } from './updates'
import { attachWsBridge } from './ws-bridge'
import { BRIDGE_PATH } from '@shared/bridge-protocol'

/*
 * The web preview: the same core as the desktop app, in plain Node, with the built renderer served over
 * http://127.0.0.1 and the contract carried over a WebSocket. It exists because Electron's binary is not
 * available everywhere (CI, this machine); Playwright drives the real UI through it.
 * stdout carries only the machine-readable lines (WEB_PREVIEW_URL=…, SANDBOX_URL=…, OPEN_EXTERNAL=…); logs go to stderr.
 */

const HOST = '127.0.0.1'
const log = createLogger('web-preview')

/** Starts a sandbox once, on first use; later callers share it. */
function lazySandbox(size: NamedSize, existing?: Sandbox) {
  let starting: Promise<Sandbox> | undefined = existing ? Promise.resolve(existing) : undefined
  return {
    get: (): Promise<Sandbox> => {
      if (starting) return starting
      const started = startSandbox({ size }).then((sandbox) => {
        log.info(`Started the demo sandbox at ${sandbox.url}`)
        return sandbox
      })
      // A failed start may be retried by the next caller.
      started.catch(() => {
        if (starting === started) starting = undefined
      })
      starting = started
      return started
    },
    close: async (): Promise<void> => {
      const sandbox = await starting?.catch(() => undefined)
      await sandbox?.close()
    },
  }
}

async function main(): Promise<void> {
  let options
  try {
    options = parseWebPreviewArgs(process.argv.slice(2))
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`)
      process.exit(2)
    }
    throw error
  }

  // Without --api-url, the sandbox plays Plannr for token sign-in as well as for the demo.
  const eager =
    options.apiUrl === undefined
      ? await startSandbox({ size: options.sandboxSize, ...(options.sandboxControl ? { control: sandboxControl() } : {}) })
      : undefined
  const sandbox = lazySandbox(options.sandboxSize, eager)
  const apiUrl = options.apiUrl ?? eager?.url ?? ''

  const core = createCore({
    shell: 'web-preview',
    version,
    platform: process.platform,
    apiUrl,
    keychainService: options.keychainService,
    dataDir: options.dataDir,
    ports: {
      // Whoever plays the browser (a person, or a test) reads this line; the UI shows the link as well.
      openExternal: async (url) => {
        process.stdout.write(`OPEN_EXTERNAL=${url}\n`)
      },
      // The page shows it with the browser's Notification API, when the tab is not focused and the
      // browser allows it; clicking it opens the target in the page. A browser tab has no badge.
      notify: (notification) => core.events.emit('app.notify', notification),
      updater: () => previewUpdater(options.updateFeed, version),
    },
    desktop: { firstUpdateCheckMs: 0, ...(options.messagePollSeconds !== undefined ? { messagePollMs: options.messagePollSeconds * 1000 } : {}) },
    ...(options.oauthClientId ? { oauth: { clientId: options.oauthClientId } } : {}),
    demo: async () => ({ apiUrl: (await sandbox.get()).url, token: SANDBOX_TOKENS.adviser }),
    log,
  })

  const secret = randomBytes(32).toString('base64url')
  let origin = ''
  const allowedHosts = new Set<string>()
  const staticHandler = createStaticHandler({
    root: join(__dirname, '../renderer'),
    headers: () => ({
      'content-security-policy': contentSecurityPolicy([`ws://${new URL(origin).host}`]),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    }),
  })

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // A page on another site that rebinds its DNS name to 127.0.0.1 would send its own Host: refuse it.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden')
      return
    }
    staticHandler(req, res).catch((error: unknown) => {
      log.error('Static file error', error)
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(options.port, HOST, () => resolveListen())
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://${HOST}:${port}`
  allowedHosts.add(`${HOST}:${port}`).add(`localhost:${port}`)

  const bridge = attachWsBridge({ server, core, secret, origin, log })
  reportPreviewUpdates(core.desktop.updates, log)
  core.desktop.start()

  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    log.info(`${signal}: stopping`)
    bridge.close()
    server.closeAllConnections()
    const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()))
    Promise.allSettled([closed, core.close(), sandbox.close()])
      .then((results) => {
        for (const result of results) if (result.status === 'rejected') log.error('Error while stopping', result.reason)
      })
      .finally(() => process.exit(0))
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  log.info(`Bridge at ws://${HOST}:${port}${BRIDGE_PATH}; Plannr API ${apiUrl || '(none)'}`)
  if (eager) process.stdout.write(`SANDBOX_URL=${eager.url}\n`)
  if (eager?.controlSecret) process.stdout.write(`SANDBOX_CONTROL=${eager.controlSecret}\n`)
  process.stdout.write(`WEB_PREVIEW_URL=${origin}/#bridge=${secret}\n`)
}

main().catch((error: unknown) => {
  log.error('The web preview could not start', error)
  process.exit(1)
})
