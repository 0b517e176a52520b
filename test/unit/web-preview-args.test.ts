import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_WEB_PREVIEW_DATA_DIR, parseWebPreviewArgs, userDataRoot, UsageError } from '../../src/main/web-preview/args'

describe('web preview arguments: --data-dir and --oauth-client-id', () => {
  it('defaults the data folder to one under the OS user-data location, and the client id to the app’s', () => {
    const options = parseWebPreviewArgs([])
    expect(options.dataDir).toBe(join(userDataRoot(), DEFAULT_WEB_PREVIEW_DATA_DIR))
    expect(options.oauthClientId).toBeUndefined()
  })

  it('takes a data folder (made absolute) and a client id', () => {
    const options = parseWebPreviewArgs(['--data-dir', 'tmp/preview', '--oauth-client-id', 'desktop-123'])
    expect(options.dataDir).toBe(resolve('tmp/preview'))
    expect(options.oauthClientId).toBe('desktop-123')
  })

  it.each([
    [['--data-dir', '  ']],
    [['--oauth-client-id', 'has space']],
    [['--oauth-client-id', '']],
    [['--oauth-client-id', 'x'.repeat(201)]],
  ])('refuses %j with a usage error', (argv) => {
    expect(() => parseWebPreviewArgs(argv)).toThrow(UsageError)
  })

  it('finds the user-data location the way Electron does on each platform', () => {
    expect(userDataRoot('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe('C:\\Users\\a\\AppData\\Roaming')
    expect(userDataRoot('linux', { XDG_CONFIG_HOME: '/home/a/.cfg' })).toBe('/home/a/.cfg')
    expect(userDataRoot('linux', { XDG_CONFIG_HOME: 'relative' })).toMatch(/\.config$/)
    expect(userDataRoot('darwin', {})).toMatch(/Library[/\\]Application Support$/)
  })

  it('takes the folder given, made absolute, so two runs with the same one share the store', () => {
    expect(parseWebPreviewArgs(['--data-dir', '/var/tmp/p']).dataDir).toBe('/var/tmp/p')
  })
})

describe('web preview arguments: --message-poll-seconds', () => {
  it('is the app’s default (a minute) unless given, in whole seconds', () => {
    expect(parseWebPreviewArgs([]).messagePollSeconds).toBeUndefined()
    expect(parseWebPreviewArgs(['--message-poll-seconds', '5']).messagePollSeconds).toBe(5)
  })

  it.each([['0'], ['1.5'], ['-3'], ['3601'], ['soon'], ['']])('refuses %j with a usage error saying what it takes', (value) => {
    expect(() => parseWebPreviewArgs([`--message-poll-seconds=${value}`])).toThrow(/--message-poll-seconds must be a whole number from 1 to 3600/)
  })
})
