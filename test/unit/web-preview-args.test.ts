import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, parseWebPreviewArgs, UsageError } from '../../src/main/web-preview/args'

describe('the web preview’s --data-dir', () => {
  it('takes the folder given, made absolute, so two runs with the same one share the store', () => {
    expect(parseWebPreviewArgs(['--data-dir', 'tmp/plannr']).dataDir).toBe(resolve('tmp/plannr'))
    expect(parseWebPreviewArgs(['--data-dir', '/var/tmp/p']).dataDir).toBe('/var/tmp/p')
  })

  it('defaults to the OS’s user-data location, as Electron’s userData would be', () => {
    expect(parseWebPreviewArgs([]).dataDir).toBe(defaultDataDir())
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' })).toBe(join('/home/a/.config', 'Plannr Desktop (web preview)'))
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(join('C:\\Users\\a\\AppData\\Roaming', 'Plannr Desktop (web preview)'))
    expect(defaultDataDir('darwin', {})).toMatch(/Library[\\/]Application Support[\\/]Plannr Desktop \(web preview\)$/)
  })

  it('refuses an empty folder name', () => {
    expect(() => parseWebPreviewArgs(['--data-dir', ' '])).toThrow(UsageError)
  })
})
