// `npm start` / `npm run dev`: make sure Electron's binary is installed, then run electron-vite.
//
// Since Electron 42 `npm install` no longer downloads the binary; Electron's own `install-electron`
// does, on first use, and returns at once when the right version is already there. electron-vite does
// not call it (it reads node_modules/electron/path.txt and fails with "Electron uninstall"), so this
// runs it first. The download honours Electron's usual settings: ELECTRON_MIRROR, electron_config_cache,
// electron_use_remote_checksums, and a proxy through ELECTRON_GET_USE_PROXY=1 with HTTPS_PROXY.
//
// Usage: node scripts/electron-vite.mjs <electron-vite arguments>   (e.g. `preview`, `dev`)
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)

/** Whether this Electron version's binary looks installed (the installer makes the exact check). */
function looksInstalled() {
  const pkg = dirname(require.resolve('electron/package.json'))
  try {
    return readFileSync(join(pkg, 'dist', 'version'), 'utf8').replace(/^v/, '').trim() === require('electron/package.json').version
  } catch {
    return false
  }
}

/** Electron's installer; a no-op when the binary for this version is installed. */
function installElectron() {
  // The download is silent and about 100 MB: say what is happening.
  if (!looksInstalled()) console.log('Downloading Electron’s binary (the first time only)…')
  const installed = spawnSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' })
  if (installed.status === 0) return
  console.error(
    [
      '',
      'Plannr Desktop could not download Electron’s binary (see the error above).',
      '  • Behind a proxy: set ELECTRON_GET_USE_PROXY=1 and HTTPS_PROXY=http://proxy:port',
      '  • Through a mirror: set ELECTRON_MIRROR=https://your-mirror/electron/',
      '  • Without Electron: `npm run web` runs the same app in your browser (see README.md).',
    ].join('\n'),
  )
  process.exit(installed.status ?? 1)
}

// ELECTRON_EXEC_PATH is electron-vite's own setting for "use this Electron": respected as given. With
// ELECTRON_OVERRIDE_DIST_PATH (a local Electron build) Electron itself never downloads, and neither do we.
let electronPath = process.env.ELECTRON_EXEC_PATH
if (!electronPath) {
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) installElectron()
  // The path Electron reports for itself (it honours ELECTRON_OVERRIDE_DIST_PATH; electron-vite does not).
  electronPath = require('electron')
}

const cli = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js')
const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env: { ...process.env, ELECTRON_EXEC_PATH: electronPath } })
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  })
}
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
