/**
 * How `npm run dist` packs Plannr Desktop (electron-builder). TypeScript rather than YAML so the keys are
 * checked against electron-builder's own types, the fuse hook is passed as a function (no path string to
 * go stale), the deep-link scheme comes from the one place the app defines it, and the test imports this
 * very object.
 */
import type { Configuration } from 'electron-builder'
import { DEEP_LINK_SCHEME } from './src/main/core/desktop/deep-link'
import { afterPack, LINUX_EXECUTABLE } from './build/packaging/fuses'
import { notarizeFromEnv } from './build/packaging/notarize'
import { NO_FEED_URL } from './src/main/core/update/app-update-config'

export const APP_ID = 'com.plannrcrm.desktop'

/**
 * What goes into app.asar: the built main, preload and renderer only. The web preview (a test and
 * development bridge over a WebSocket) and source maps stay out; package.json is always added by the builder.
 * Production dependencies from node_modules are added by electron-builder itself.
 */
export const FILES = ['out/main/**', 'out/preload/**', 'out/renderer/**', '!out/main/web-preview.js', '!out/**/*.map']

/**
 * The update feed baked into the app (resources/app-update.yml) and named in the published latest.yml.
 * Always present — electron-updater keeps its download cache by it — with a placeholder that turns the
 * updater off when the build had no PLANNR_UPDATE_FEED_URL.
 */
export function publishFeed(env: Readonly<Record<string, string | undefined>>): { provider: 'generic'; url: string } {
  const url = env['PLANNR_UPDATE_FEED_URL']?.trim()
  return { provider: 'generic', url: url ? url : NO_FEED_URL }
}

const notarize = notarizeFromEnv(process.env)

const config: Configuration = {
  appId: APP_ID,
  productName: 'Plannr Desktop',
  copyright: 'Copyright © Plannr',
  directories: { output: 'dist', buildResources: 'build' },
  files: FILES,
  asar: true,
  // The Electron `npm run dist` fetched with install-electron: no second download by the builder. That
  // binary is this machine's platform and architecture, so targets name no arch and a build is for here.
  electronDist: 'node_modules/electron/dist',
  afterPack,
  protocols: [{ name: 'Plannr Desktop link', schemes: [DEEP_LINK_SCHEME] }],
  // Where electron-updater looks by default; the app can point it elsewhere from its settings.
  publish: [publishFeed(process.env)],
  mac: {
    category: 'public.app-category.business',
    icon: 'build/icon.png',
    // The zip is what electron-updater downloads on macOS.
    target: ['dmg', 'zip'],
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    notarize: notarize.notarize,
  },
  dmg: { sign: false },
  win: {
    icon: 'build/icon.ico',
    target: ['nsis'],
  },
  nsis: {
    // Per user: no administrator rights needed to install or to update.
    perMachine: false,
    oneClick: true,
    allowElevation: false,
    deleteAppDataOnUninstall: false,
    shortcutName: 'Plannr Desktop',
  },
  linux: {
    icon: 'build/icons',
    executableName: LINUX_EXECUTABLE,
    category: 'Office',
    synopsis: 'Plannr CRM on the desktop',
    maintainer: 'Plannr <support@plannrcrm.com>',
    target: ['AppImage', 'deb'],
  },
  deb: { depends: ['libsecret-1-0', 'libnotify4', 'libxss1', 'libxtst6', 'libnss3'] },
}

if (process.platform === 'darwin') console.log(`Plannr Desktop: ${notarize.reason}`)

export default config
