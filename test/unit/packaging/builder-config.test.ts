import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, matchesGlob, resolve } from 'node:path'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import type { AfterPackContext, Configuration, TargetConfiguration } from 'electron-builder'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { afterAll, describe, expect, it } from 'vitest'
import config, { APP_ID, FILES, publishFeed } from '../../../electron-builder.config'
import { NO_FEED_URL } from '../../../src/main/core/update/app-update-config'
import { afterPack, fuseConfig, LINUX_EXECUTABLE, packedBinary } from '../../../build/packaging/fuses'
import { notarizeFromEnv } from '../../../build/packaging/notarize'

const ROOT = resolve(__dirname, '../../..')

/** electron-builder's `files` rule: included when some pattern matches and no `!pattern` does. */
function packed(path: string, patterns: readonly string[]): boolean {
  const include = patterns.filter((p) => !p.startsWith('!'))
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  return include.some((p) => matchesGlob(path, p)) && !exclude.some((p) => matchesGlob(path, p))
}

/** A target list as the config writes it: names only (this machine's arch). */
function targetNames(targets: unknown): string[] {
  const list = Array.isArray(targets) ? targets : [targets]
  return list.map((t: string | TargetConfiguration) => (typeof t === 'string' ? t : t.target))
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file)
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

describe('electron-builder configuration', () => {
  const c: Configuration = config

  it('loads the way electron-builder loads it, and passes electron-builder\'s schema', async () => {
    const loaded = await getConfig(ROOT, 'electron-builder.config.ts', null)
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined()
    expect(loaded.appId).toBe(APP_ID)
    expect(typeof loaded.afterPack).toBe('function')
    // The schema check is real: a misspelt key is refused.
    await expect(validateConfiguration({ ...loaded, nsis: { perMachin: false } as never }, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/)
  })

  it('names the app and registers the plannr-desktop:// scheme', () => {
    expect(c.appId).toBe(APP_ID)
    expect(APP_ID).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(c.productName).toBe('Plannr Desktop')
    const protocols = Array.isArray(c.protocols) ? c.protocols : [c.protocols]
    expect(protocols.flatMap((p) => p?.schemes ?? [])).toEqual(['plannr-desktop'])
  })

  it('always publishes a generic feed (electron-updater needs app-update.yml), a placeholder without PLANNR_UPDATE_FEED_URL', () => {
    expect(c.publish).toEqual([publishFeed(process.env)])
    expect(publishFeed({})).toEqual({ provider: 'generic', url: NO_FEED_URL })
    expect(publishFeed({ PLANNR_UPDATE_FEED_URL: ' ' })).toEqual({ provider: 'generic', url: NO_FEED_URL })
    expect(publishFeed({ PLANNR_UPDATE_FEED_URL: 'https://updates.example.com/desktop' })).toEqual({ provider: 'generic', url: 'https://updates.example.com/desktop' })
  })

  it('builds dmg and zip on macOS with the hardened runtime, its entitlements and env-driven notarisation', () => {
    expect(targetNames(c.mac?.target)).toEqual(['dmg', 'zip'])
    expect(c.mac?.hardenedRuntime).toBe(true)
    expect(typeof c.mac?.notarize).toBe('boolean')
    const entitlements = c.mac?.entitlements
    expect(entitlements).toBeTruthy()
    const plist = readFileSync(join(ROOT, entitlements as string), 'utf8')
    // JIT for V8 and nothing else: no disabled library validation, no unsigned executable memory.
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
    expect(c.mac?.entitlementsInherit).toBe(entitlements)
  })

  it('builds a per-user NSIS installer on Windows', () => {
    expect(targetNames(c.win?.target)).toEqual(['nsis'])
    expect(c.nsis?.perMachine).toBe(false)
    expect(c.nsis?.allowElevation).toBe(false)
  })

  it('builds an AppImage and a deb on Linux, under the executable name the fuse hook expects', () => {
    expect(targetNames(c.linux?.target)).toEqual(['AppImage', 'deb'])
    expect(c.linux?.executableName).toBe(LINUX_EXECUTABLE)
    // The keychain needs libsecret at run time.
    expect(c.deb?.depends).toContain('libsecret-1-0')
  })

  it('points at icons that exist and are large enough for every platform', () => {
    expect(pngSize(join(ROOT, c.mac?.icon as string))).toEqual({ width: 1024, height: 1024 })
    const ico = readFileSync(join(ROOT, c.win?.icon as string))
    expect(ico.readUInt16BE(0)).toBe(0) // ICONDIR reserved
    expect(ico.readUInt16LE(2)).toBe(1) // type: icon
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4) // several sizes
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(join(ROOT, c.linux?.icon as string, `${size}x${size}.png`))).toEqual({ width: size, height: size })
    }
  })

  it('packs the built app and nothing else: no web preview, source maps, sources, tests or build scripts', () => {
    expect(c.files).toEqual(FILES)
    expect(c.asar).toBe(true)
    for (const path of ['out/main/index.js', 'out/main/chunks/core-abc.js', 'out/preload/index.js', 'out/renderer/index.html', 'out/renderer/assets/index-x.js']) {
      expect(packed(path, FILES), path).toBe(true)
    }
    for (const path of [
      'out/main/web-preview.js',
      'out/main/index.js.map',
      'out/renderer/assets/index-x.js.map',
      'src/main/index.ts',
      'src/main/sandbox/control.ts',
      'test/unit/packaging/builder-config.test.ts',
      'test/e2e/fixtures/sandbox.ts',
      'bench/sync.bench.ts',
      'scripts/run-tests.mjs',
      'electron-builder.config.ts',
      'build/packaging/fuses.ts',
      'tsconfig.json',
      '.ci/run',
    ]) {
      expect(packed(path, FILES), path).toBe(false)
    }
  })

  it('uses the Electron binary install-electron fetched, and flips fuses after packing', () => {
    expect(c.electronDist).toBe('node_modules/electron/dist')
    expect(c.afterPack).toBe(afterPack)
    // electron-builder's own fuse step stays off: one place decides the fuses.
    expect(c.electronFuses ?? null).toBeNull()
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>
    expect(scripts['dist']).toMatch(/^install-electron && electron-vite build --mode package && electron-builder /)
  })
})

describe('fuses', () => {
  const fuses = fuseConfig('linux')

  it('turns off running as Node, NODE_OPTIONS and --inspect; turns on asar-only, asar integrity and cookie encryption', () => {
    expect(fuses.version).toBe(FuseVersion.V1)
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false)
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false)
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true)
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false)
  })

  it('decides every fuse @electron/fuses knows, so a new one fails the build until decided', () => {
    expect(fuses.strictlyRequireAllFuses).toBe(true)
    const known = Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')
    for (const option of known) expect(typeof (fuses as Record<number, unknown>)[option], FuseV1Options[option]).toBe('boolean')
  })

  it('re-signs ad hoc only on macOS', () => {
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true)
    expect(fuseConfig('win32').resetAdHocDarwinSignature).toBe(false)
  })

  it('finds the packed binary where electron-builder puts it on each platform', () => {
    const at = (electronPlatformName: string) => packedBinary({ appOutDir: '/o', electronPlatformName, productFilename: 'Plannr Desktop' })
    expect(at('darwin')).toBe(join('/o', 'Plannr Desktop.app'))
    expect(at('win32')).toBe(join('/o', 'Plannr Desktop.exe'))
    expect(at('linux')).toBe(join('/o', 'plannr-desktop'))
    expect(() => at('beos')).toThrow(/No fuses/)
  })

  describe('the afterPack hook fails the build rather than ship unfused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plannr-fuses-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const context = { appOutDir: dir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'Plannr Desktop' } } } as unknown as AfterPackContext

    it('when the binary is missing', async () => {
      await expect(afterPack(context)).rejects.toThrow()
    })

    it('when the file there is not an Electron binary (no fuse wire)', async () => {
      writeFileSync(join(dir, LINUX_EXECUTABLE), 'not electron')
      await expect(afterPack(context)).rejects.toThrow(/sentinel|fuse/i)
      expect(readFileSync(join(dir, LINUX_EXECUTABLE), 'utf8')).toBe('not electron')
    })
  })
})

describe('notarisation from the environment', () => {
  it('notarises with a complete set of credentials, preferring the API key', () => {
    expect(notarizeFromEnv({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' })).toMatchObject({ notarize: true })
    expect(notarizeFromEnv({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 't' }).reason).toContain('APPLE_ID')
    expect(notarizeFromEnv({ APPLE_KEYCHAIN: 'k', APPLE_KEYCHAIN_PROFILE: 'p' }).notarize).toBe(true)
  })

  it('skips notarising, saying so, when there are no credentials', () => {
    expect(notarizeFromEnv({})).toEqual({ notarize: false, reason: 'not notarising: no Apple credentials in the environment' })
    expect(notarizeFromEnv({ APPLE_ID: '  ' }).notarize).toBe(false)
  })

  it('fails with what is missing when a set is incomplete', () => {
    expect(() => notarizeFromEnv({ APPLE_ID: 'a@b.c', APPLE_TEAM_ID: 't' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD missing/)
  })
})
