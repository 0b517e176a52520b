/**
 * Electron fuses, flipped in the packed binary before it is signed. They turn off the ways another local
 * process could run the shipped app as something else: as plain Node (and so read the keychain item the
 * app is trusted with), with NODE_OPTIONS, or with an inspector attached.
 */
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses'
import type { AfterPackContext } from 'electron-builder'

/** The Linux executable's file name; the builder config sets `linux.executableName` to this. */
export const LINUX_EXECUTABLE = 'plannr-desktop'

/**
 * Every fuse in Electron's V1 wire, each decided here: `strictlyRequireAllFuses` makes a future Electron
 * that adds a fuse fail the build until someone decides it.
 */
export function fuseConfig(platform: string): FuseConfig {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // Flipping fuses changes the binary; an ad-hoc signature (Apple Silicon) must be redone before signing.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    // The window is served from app://, never file://: file pages need no extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    // Electron's default: V8's WebAssembly bounds checks through signal handlers stay on.
    [FuseV1Options.WasmTrapHandlers]: true,
  }
}

/** Where the packed Electron binary is, as electron-builder lays out each platform. */
export function packedBinary(context: Pick<AfterPackContext, 'appOutDir' | 'electronPlatformName'> & { productFilename: string }): string {
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${context.productFilename}.app`)
    case 'win32':
      return join(context.appOutDir, `${context.productFilename}.exe`)
    case 'linux':
      return join(context.appOutDir, LINUX_EXECUTABLE)
    default:
      throw new Error(`No fuses for platform ${context.electronPlatformName}`)
  }
}

/** electron-builder's afterPack hook: runs after the app is copied in, before code signing. */
export async function afterPack(context: AfterPackContext): Promise<void> {
  const binary = packedBinary({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
  })
  await flipFuses(binary, fuseConfig(context.electronPlatformName))
}
