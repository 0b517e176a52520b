import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bakedFeedUrl, NO_FEED_URL } from '../../../src/main/core/update/app-update-config'
import { checkFeedUrl, updateAvailability, type AvailabilityInput } from '../../../src/main/core/update/availability'
import { UpdateService } from '../../../src/main/core/update/service'
import { memoryLog } from '../../../src/main/core/log'
import { parseWebPreviewArgs, UsageError } from '../../../src/main/web-preview/args'

const FEED = 'https://updates.example.com/plannr-desktop'
const packagedOn = (platform: string, env: AvailabilityInput['env'] = {}): AvailabilityInput => ({ packaged: true, platform, env, feedUrl: FEED })

describe('where the updater is on, and why not elsewhere', () => {
  it('is on in a packaged app on macOS, Windows and an AppImage', () => {
    expect(updateAvailability(packagedOn('darwin'))).toEqual({ enabled: true })
    expect(updateAvailability(packagedOn('win32'))).toEqual({ enabled: true })
    expect(updateAvailability(packagedOn('linux', { APPIMAGE: '/home/sam/Plannr-Desktop.AppImage' }))).toEqual({ enabled: true })
  })

  it.each([
    ['a development build', { ...packagedOn('darwin'), packaged: false }, 'Updates are off in a development build.'],
    ['a Vitest run', packagedOn('darwin', { VITEST: 'true' }), 'Updates are off while tests run.'],
    ['a Playwright run', packagedOn('win32', { TEST_WORKER_INDEX: '0' }), 'Updates are off while tests run.'],
    ['PLANNR_UPDATES=off', packagedOn('win32', { PLANNR_UPDATES: 'off' }), 'Updates are off while tests run.'],
    ['a deb install', packagedOn('linux'), 'This installation is updated by your package manager.'],
    ['an unknown platform', packagedOn('freebsd'), 'Updates are not available on freebsd.'],
    ['no feed', { ...packagedOn('darwin'), feedUrl: undefined }, 'No update feed is set.'],
    ['a build made without a feed', { ...packagedOn('darwin'), feedUrl: NO_FEED_URL }, 'No update feed is set.'],
    ['a plain-http feed', { ...packagedOn('darwin'), feedUrl: 'http://updates.example.com/' }, 'The update feed must be an https address.'],
  ])('is off in %s, with the reason for the about panel', (_, input, reason) => {
    expect(updateAvailability(input)).toEqual({ enabled: false, reason })
  })

  it('shows the reason as the updater state, and never checks', async () => {
    const service = new UpdateService({
      availability: { enabled: false, reason: 'Updates are off in a development build.' },
      port: undefined,
      hasUnsentWork: () => false,
      confirmRestart: async () => true,
      log: memoryLog(),
    })
    service.start()
    expect(await service.checkNow()).toEqual({ status: 'disabled', message: 'Updates are off in a development build.' })
    expect(await service.restartToUpdate()).toEqual({ restarted: false, reason: 'not-ready' })
  })

  it('checks feed addresses: https, loopback http for a local feed, no credentials', () => {
    expect(checkFeedUrl('https://updates.example.com/desktop/')).toEqual({ ok: true, url: 'https://updates.example.com/desktop' })
    expect(checkFeedUrl('http://127.0.0.1:8080/feed')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/feed' })
    expect(checkFeedUrl('ftp://updates.example.com')).toMatchObject({ ok: false })
    expect(checkFeedUrl('https://user:secret@updates.example.com')).toEqual({ ok: false, reason: 'The update feed address must not carry credentials.' })
    expect(checkFeedUrl('not a url')).toEqual({ ok: false, reason: 'The update feed address is not a URL.' })
  })
})

describe('the web preview\'s --update-feed flag', () => {
  it('is optional', () => {
    expect(parseWebPreviewArgs([]).updateFeed).toBeUndefined()
  })

  it('takes a feed address', () => {
    expect(parseWebPreviewArgs(['--update-feed', 'https://updates.example.com/desktop']).updateFeed).toBe('https://updates.example.com/desktop')
  })

  it('refuses an address the updater would refuse', () => {
    expect(() => parseWebPreviewArgs(['--update-feed', 'http://updates.example.com'])).toThrow(UsageError)
    expect(() => parseWebPreviewArgs(['--update-feed', 'nonsense'])).toThrow(/--update-feed: The update feed address is not a URL/)
  })
})

describe('the feed the app was built with (resources/app-update.yml)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plannr-app-update-'))
  const file = join(dir, 'app-update.yml')

  it('reads the generic feed electron-builder wrote', () => {
    writeFileSync(file, 'provider: generic\nurl: https://updates.example.com/desktop\nupdaterCacheDirName: plannr-desktop-updater\n')
    expect(bakedFeedUrl(file)).toBe('https://updates.example.com/desktop')
  })

  it('has none when the file is missing, unreadable or for another provider', () => {
    expect(bakedFeedUrl(join(dir, 'missing.yml'))).toBeUndefined()
    writeFileSync(file, 'provider: [')
    expect(bakedFeedUrl(file)).toBeUndefined()
    writeFileSync(file, 'provider: github\nowner: plannr\nrepo: desktop\n')
    expect(bakedFeedUrl(file)).toBeUndefined()
    rmSync(dir, { recursive: true, force: true })
  })
})
