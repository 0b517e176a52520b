import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLog } from '../../../src/main/core/log'
import { configureUpdater, electronUpdaterPort } from '../../../src/main/core/update/electron-updater-port'
import { withinRollout } from '../../../src/main/core/update/rollout'
import { UpdateService } from '../../../src/main/core/update/service'
import type { UpdateState } from '../../../src/main/core/update/types'
import { nodeUpdater, type NodeUpdater } from '../../support/node-updater'
import { UpdateFeed } from '../../support/update-feed'

/*
 * The desktop app's update path end to end, minus Electron: the core's update service, the port over
 * electron-updater, electron-updater itself, and a feed served on 127.0.0.1.
 */

const RUNNING = '1.4.0'
const payload = (version: string) => Buffer.from(`Plannr Desktop ${version} `.repeat(20_000))

/** Rollout ids whose last four bytes put them first and last in any staged rollout. */
const FIRST_IN_LINE = '6f1c2b9e-1a2b-4c3d-8e9f-0a1b00000000'
const LAST_IN_LINE = '6f1c2b9e-1a2b-4c3d-8e9f-0a1bffff0000'

describe('updating through electron-updater', () => {
  let feed: UpdateFeed
  let node: NodeUpdater
  let service: UpdateService
  let states: UpdateState[]
  let log: ReturnType<typeof memoryLog>

  const setUp = (stagingUserId?: string) => {
    node = nodeUpdater({ version: RUNNING, ...(stagingUserId ? { stagingUserId } : {}) })
    log = memoryLog()
    configureUpdater(node.updater, feed.url, log)
    service = new UpdateService({
      availability: { enabled: true },
      port: electronUpdaterPort(node.updater),
      hasUnsentWork: () => false,
      confirmRestart: async () => true,
      log,
    })
    states = []
    service.onChange((state) => states.push(state))
  }

  beforeEach(async () => {
    feed = await UpdateFeed.start()
  })

  afterEach(async () => {
    service?.stop()
    node?.dispose()
    await feed.close()
  })

  const installers = () => feed.requests.filter((path) => path.endsWith('.AppImage'))

  it('downloads a newer version in the background, reporting progress, and has it ready', async () => {
    setUp()
    feed.publish({ version: '1.5.0', payload: payload('1.5.0') })
    const final = await service.checkNow()
    expect(final).toEqual({ status: 'ready', version: '1.5.0', message: 'Version 1.5.0 is ready. Restart Plannr Desktop to use it.' })
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['checking', 'available', 'downloading', 'ready']))
    expect(states[0]?.status).toBe('checking')
    expect(states.at(-1)?.status).toBe('ready')
    // The downloaded installer is the published one, byte for byte.
    const pending = join(node.cacheDir, 'pending')
    const downloaded = readdirSync(pending).filter((f) => f.endsWith('.AppImage'))
    expect(downloaded).toHaveLength(1)
    expect(readFileSync(join(pending, downloaded[0]!)).equals(payload('1.5.0'))).toBe(true)
    // No second check while an update waits for a restart.
    const requests = feed.requests.length
    await service.checkNow()
    expect(feed.requests.length).toBe(requests)
  })

  it('says the app is up to date when the feed has the same version, and downloads nothing', async () => {
    setUp()
    feed.publish({ version: RUNNING, payload: payload(RUNNING) })
    expect(await service.checkNow()).toMatchObject({ status: 'idle', message: 'Plannr Desktop is up to date.' })
    expect(installers()).toEqual([])
  })

  it('never goes back to an older version', async () => {
    setUp()
    feed.publish({ version: '1.3.9', payload: payload('1.3.9') })
    expect(await service.checkNow()).toMatchObject({ status: 'idle' })
    expect(installers()).toEqual([])
  })

  describe('a staged rollout', () => {
    it('offers the update to an installation inside the percentage', async () => {
      setUp(FIRST_IN_LINE)
      feed.publish({ version: '1.5.0', payload: payload('1.5.0'), stagingPercentage: 10 })
      expect(await service.checkNow()).toMatchObject({ status: 'ready', version: '1.5.0' })
    })

    it('holds it back from an installation outside the percentage, until the rollout reaches it', async () => {
      setUp(LAST_IN_LINE)
      feed.publish({ version: '1.5.0', payload: payload('1.5.0'), stagingPercentage: 50 })
      expect(await service.checkNow()).toMatchObject({ status: 'idle' })
      expect(installers()).toEqual([])
      feed.publish({ version: '1.5.0', payload: payload('1.5.0'), stagingPercentage: 100 })
      expect(await service.checkNow()).toMatchObject({ status: 'ready', version: '1.5.0' })
    })

    it('is decided by the core exactly as electron-updater decides it (the web preview relies on this)', () => {
      expect(withinRollout(FIRST_IN_LINE, 10)).toBe(true)
      expect(withinRollout(LAST_IN_LINE, 50)).toBe(false)
      expect(withinRollout(LAST_IN_LINE, 100)).toBe(true)
    })
  })

  describe('when something is wrong, the app keeps working and says nothing alarming', () => {
    const calmCheck = { status: 'error', message: 'Could not check for updates just now. Plannr Desktop will try again later.' }

    it('a malformed latest.yml', async () => {
      setUp()
      feed.setChannelText('version: [1.5.0\nfiles: {{{')
      expect(await service.checkNow()).toMatchObject(calmCheck)
      // The next check, once the feed is fixed, works.
      feed.publish({ version: '1.5.0', payload: payload('1.5.0') })
      expect(await service.checkNow()).toMatchObject({ status: 'ready' })
    })

    it('a latest.yml that is YAML but not a release', async () => {
      setUp()
      feed.setChannelText('version: not-a-version\nfiles: []\n')
      expect(await service.checkNow()).toMatchObject(calmCheck)
    })

    it('a feed that is down', async () => {
      setUp()
      await feed.close()
      expect(await service.checkNow()).toMatchObject(calmCheck)
      expect(log.entries.some((e) => e.level === 'warn' && e.message === 'Update check failed')).toBe(true)
    })

    it('a feed that answers 500', async () => {
      setUp()
      feed.setChannelText('Server Error', 500)
      expect(await service.checkNow()).toMatchObject(calmCheck)
    })

    it('an installer whose sha512 does not match the feed: never ready, nothing kept, fine on the next release', async () => {
      setUp()
      feed.publish({ version: '1.5.0', payload: payload('1.5.0'), sha512: payload('tampered').toString('base64').slice(0, 88) })
      expect(await service.checkNow()).toEqual({
        status: 'error',
        message: 'Could not download the update just now. Plannr Desktop will try again later.',
        lastChecked: expect.any(String),
      })
      expect(states.some((s) => s.status === 'ready')).toBe(false)
      expect(log.entries.some((e) => e.level === 'warn' && /sha512 checksum mismatch/.test(String(e.detail)))).toBe(true)
      const pending = join(node.cacheDir, 'pending')
      expect(readdirSafe(pending).filter((f) => f.endsWith('.AppImage'))).toEqual([])

      feed.publish({ version: '1.5.1', payload: payload('1.5.1') })
      expect(await service.checkNow()).toMatchObject({ status: 'ready', version: '1.5.1' })
    })
  })
})

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}
