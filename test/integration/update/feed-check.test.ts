import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { memoryLog } from '../../../src/main/core/log'
import { feedCheckPort } from '../../../src/main/core/update/feed'
import { UpdateService } from '../../../src/main/core/update/service'
import { ensureBuilt, startPreview, stopPreview, type RunningPreview } from '../web-preview/preview-process'
import { UpdateFeed } from '../../support/update-feed'

/*
 * The web preview's updater: it reads latest.yml from --update-feed and says "Version X is available",
 * never downloading. First the port and the update service in-process, then the built preview itself.
 */

const FIRST_IN_LINE = '6f1c2b9e-1a2b-4c3d-8e9f-0a1b00000000'
const LAST_IN_LINE = '6f1c2b9e-1a2b-4c3d-8e9f-0a1bffff0000'

describe('checking a feed without installing', () => {
  let feed: UpdateFeed
  beforeEach(async () => {
    feed = await UpdateFeed.start()
  })
  afterEach(async () => {
    await feed.close()
  })

  const service = (installId = FIRST_IN_LINE) =>
    new UpdateService({
      availability: { enabled: true },
      port: feedCheckPort({ feedUrl: feed.url, currentVersion: '1.4.0', installId }),
      hasUnsentWork: () => false,
      confirmRestart: async () => false,
      log: memoryLog(),
    })

  it('says a newer version is available, and downloads nothing', async () => {
    feed.publish({ version: '1.10.0', payload: Buffer.from('new') })
    const updates = service()
    expect(await updates.checkNow()).toEqual({ status: 'available', message: 'Version 1.10.0 is available.', version: '1.10.0', installs: false })
    expect(feed.requests).toEqual(['desktop/latest.yml'])
    expect(await updates.restartToUpdate()).toEqual({ restarted: false, reason: 'not-ready' })
    updates.stop()
  })

  it.each([
    ['the same version', '1.4.0'],
    ['an older version', '1.3.12'],
    ['a pre-release of this version', '1.4.0-beta.1'],
  ])('is up to date with %s', async (_, version) => {
    feed.publish({ version, payload: Buffer.from('x') })
    const updates = service()
    expect(await updates.checkNow()).toMatchObject({ status: 'idle', message: 'Plannr Desktop is up to date.' })
    updates.stop()
  })

  it('honours a staged rollout', async () => {
    feed.publish({ version: '1.5.0', payload: Buffer.from('x'), stagingPercentage: 25 })
    const inside = service(FIRST_IN_LINE)
    const outside = service(LAST_IN_LINE)
    expect(await inside.checkNow()).toMatchObject({ status: 'available', version: '1.5.0' })
    expect(await outside.checkNow()).toMatchObject({ status: 'idle' })
    inside.stop()
    outside.stop()
  })

  it.each([
    ['not YAML', 'version: [1.5.0\nfiles: {{{'],
    ['YAML but not a feed', '- just\n- a list\n'],
    ['a version that is not semver', 'version: five\nfiles:\n  - url: a\n    sha512: b\n'],
    ['no files', 'version: 1.5.0\nfiles: []\n'],
    ['a staging percentage over 100', 'version: 1.5.0\nstagingPercentage: 150\nfiles:\n  - url: a\n    sha512: b\n'],
  ])('stays calm about a malformed latest.yml: %s', async (_, text) => {
    feed.setChannelText(text)
    const log = memoryLog()
    const updates = new UpdateService({
      availability: { enabled: true },
      port: feedCheckPort({ feedUrl: feed.url, currentVersion: '1.4.0', installId: FIRST_IN_LINE }),
      hasUnsentWork: () => false,
      confirmRestart: async () => false,
      log,
    })
    expect(await updates.checkNow()).toMatchObject({ status: 'error', message: 'Could not check for updates just now. Plannr Desktop will try again later.' })
    // What was wrong is in the log for whoever runs the feed.
    expect(String(log.entries.find((e) => e.level === 'warn')?.detail)).toMatch(/latest\.yml is not/)
    updates.stop()
  })

  it.each([
    ['down', async (f: UpdateFeed) => f.close()],
    ['answering 404', async (f: UpdateFeed) => void f.files.clear()],
    ['answering 503', async (f: UpdateFeed) => f.setChannelText('busy', 503)],
  ])('stays calm about a feed that is %s', async (_, breakFeed) => {
    await breakFeed(feed)
    const updates = service()
    expect(await updates.checkNow()).toMatchObject({ status: 'error' })
    updates.stop()
  })
})

describe('the web preview with --update-feed', () => {
  let feed: UpdateFeed
  let preview: RunningPreview | undefined

  beforeAll(async () => {
    ensureBuilt()
    feed = await UpdateFeed.start()
  }, 240_000)
  afterEach(async () => {
    await stopPreview(preview)
    preview = undefined
  })
  afterAll(async () => {
    await feed.close()
  })

  /** Waits for a line on the preview's stderr (its log). */
  async function logged(pattern: RegExp, timeoutMs = 20_000): Promise<void> {
    const started = Date.now()
    while (!pattern.test(preview?.stderr() ?? '')) {
      if (Date.now() - started > timeoutMs) throw new Error(`No log line ${pattern} in:\n${preview?.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it('says "Version X is available" when the feed has a newer version', async () => {
    feed.publish({ version: '99.0.0', payload: Buffer.from('x') })
    preview = await startPreview(['--sandbox-size', 'small', '--update-feed', feed.url])
    await logged(/Version 99\.0\.0 is available\./)
  })

  it('keeps serving the app when the feed is wrong, with a quiet log line', async () => {
    feed.setChannelText('version: [broken')
    preview = await startPreview(['--sandbox-size', 'small', '--update-feed', feed.url])
    await logged(/Could not check for updates just now/)
    const page = await fetch(preview.origin)
    expect(page.status).toBe(200)
    expect(preview.stderr()).not.toMatch(/ error /)
  })

  it('refuses a feed address that is not https (or loopback http)', async () => {
    await expect(startPreview(['--update-feed', 'http://updates.example.com/desktop'])).rejects.toThrow(/exited \(2\)[\s\S]*must be an https address/)
  })
})
