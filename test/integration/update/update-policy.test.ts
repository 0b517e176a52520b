import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLog } from '../../../src/main/core/log'
import { configureUpdater, electronUpdaterPort } from '../../../src/main/core/update/electron-updater-port'
import { feedCheckPort } from '../../../src/main/core/update/feed'
import { CHECK_INTERVAL_MS, FIRST_CHECK_DELAY_MS, UpdateService, type RestartQuestion } from '../../../src/main/core/update/service'
import { ManualTimers } from '../../support/manual-timers'
import { nodeUpdater, type NodeUpdater } from '../../support/node-updater'
import { UpdateFeed } from '../../support/update-feed'

/*
 * When the updater checks and when it asks before restarting, over real ports and a real feed; only the
 * clock is the test's, so four hours pass at once.
 */

const INSTALL_ID = '6f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'

describe('when the app checks for updates', () => {
  let feed: UpdateFeed
  let timers: ManualTimers
  let service: UpdateService

  beforeEach(async () => {
    feed = await UpdateFeed.start()
    feed.publish({ version: '1.4.0', payload: Buffer.from('same') })
    timers = new ManualTimers()
    service = new UpdateService({
      availability: { enabled: true },
      port: feedCheckPort({ feedUrl: feed.url, currentVersion: '1.4.0', installId: INSTALL_ID }),
      hasUnsentWork: () => false,
      confirmRestart: async () => true,
      log: memoryLog(),
      timers,
    })
  })

  afterEach(async () => {
    service.stop()
    await feed.close()
  })

  const checks = () => feed.requests.filter((path) => path.endsWith('latest.yml')).length
  /** Lets a check that a timer started finish. */
  const settle = () => service.checkNow()

  it('checks shortly after start, then every four hours', async () => {
    service.start()
    expect(timers.due()).toEqual([FIRST_CHECK_DELAY_MS])
    timers.advance(FIRST_CHECK_DELAY_MS - 1)
    expect(checks()).toBe(0)
    timers.advance(1)
    expect(service.state().status).toBe('checking')
    await settle()
    expect(checks()).toBe(1)
    expect(timers.due()).toEqual([CHECK_INTERVAL_MS])
    timers.advance(CHECK_INTERVAL_MS)
    await settle()
    expect(checks()).toBe(2)
    expect(service.state()).toMatchObject({ status: 'idle', message: 'Plannr Desktop is up to date.' })
  })

  it('checks when the computer wakes, but not twice within minutes', async () => {
    service.start()
    timers.advance(FIRST_CHECK_DELAY_MS)
    await settle()
    timers.advance(60_000)
    service.onResume()
    expect(service.state().status).not.toBe('checking')
    timers.advance(30 * 60_000)
    service.onResume()
    expect(service.state().status).toBe('checking')
    await settle()
    expect(checks()).toBe(2)
    // The four-hour clock starts again from the last check.
    expect(timers.due()).toEqual([CHECK_INTERVAL_MS])
  })

  it('keeps to its schedule after a failed check', async () => {
    service.start()
    await feed.close()
    timers.advance(FIRST_CHECK_DELAY_MS)
    await settle()
    expect(service.state().status).toBe('error')
    expect(timers.due()).toEqual([CHECK_INTERVAL_MS])
  })

  it('runs one check at a time', async () => {
    const first = service.checkNow()
    const second = service.checkNow()
    expect(second).toBe(first)
    await first
    expect(checks()).toBe(1)
  })

  it('stops checking when stopped', () => {
    service.start()
    service.stop()
    expect(timers.due()).toEqual([])
  })
})

describe('"Restart to update"', () => {
  let feed: UpdateFeed
  let node: NodeUpdater
  let installs: number
  let questions: RestartQuestion[]
  let answer: boolean
  let unsent: () => boolean | Promise<boolean>
  let confirm: (question: RestartQuestion) => Promise<boolean>

  beforeEach(async () => {
    feed = await UpdateFeed.start()
    node = nodeUpdater({ version: '1.4.0' })
    installs = 0
    questions = []
    answer = false
    unsent = () => false
    confirm = async (question) => {
      questions.push(question)
      return answer
    }
  })

  afterEach(async () => {
    node.dispose()
    await feed.close()
  })

  /** An update downloaded for real; only installing (which quits this process) is counted instead. */
  async function readyService(): Promise<UpdateService> {
    const log = memoryLog()
    configureUpdater(node.updater, feed.url, log)
    const service = new UpdateService({
      availability: { enabled: true },
      port: { ...electronUpdaterPort(node.updater), install: () => (installs += 1) },
      hasUnsentWork: () => unsent(),
      confirmRestart: (question) => confirm(question),
      log,
    })
    feed.publish({ version: '1.5.0', payload: Buffer.from('x'.repeat(50_000)) })
    expect(await service.checkNow()).toMatchObject({ status: 'ready', version: '1.5.0' })
    return service
  }

  it('restarts at once when nothing is waiting to be sent', async () => {
    const service = await readyService()
    expect(await service.restartToUpdate()).toEqual({ restarted: true })
    expect(questions).toEqual([])
    expect(installs).toBe(1)
    service.stop()
  })

  it('asks first when the outbox holds unsent writes, and stays ready if the answer is no', async () => {
    unsent = () => true
    const service = await readyService()
    expect(await service.restartToUpdate()).toEqual({ restarted: false, reason: 'declined' })
    expect(questions).toEqual([{ version: '1.5.0', message: expect.stringContaining('have not reached Plannr yet') }])
    expect(installs).toBe(0)
    expect(service.state().status).toBe('ready')
    answer = true
    expect(await service.restartToUpdate()).toEqual({ restarted: true })
    expect(installs).toBe(1)
    service.stop()
  })

  it('asks once, however often "Restart to update" is clicked while the question is open', async () => {
    unsent = () => true
    const service = await readyService()
    const [first, second] = await Promise.all([service.restartToUpdate(), service.restartToUpdate()])
    expect(first).toEqual({ restarted: false, reason: 'declined' })
    expect(second).toBe(first)
    expect(questions).toHaveLength(1)
    service.stop()
  })

  it('does not restart when the question cannot be asked', async () => {
    unsent = () => true
    answer = true
    // The dialog failing (no window, say) is not a yes.
    confirm = () => Promise.reject(new Error('no dialog'))
    const service = await readyService()
    expect(await service.restartToUpdate()).toEqual({ restarted: false, reason: 'declined' })
    expect(installs).toBe(0)
    service.stop()
  })

  it('asks when it cannot tell whether anything is unsent', async () => {
    unsent = () => Promise.reject(new Error('outbox unreadable'))
    const service = await readyService()
    expect(await service.restartToUpdate()).toEqual({ restarted: false, reason: 'declined' })
    expect(questions).toHaveLength(1)
    service.stop()
  })

  it('does nothing when no update is ready', async () => {
    configureUpdater(node.updater, feed.url, memoryLog())
    const service = new UpdateService({
      availability: { enabled: true },
      port: { ...electronUpdaterPort(node.updater), install: () => (installs += 1) },
      hasUnsentWork: () => false,
      confirmRestart: async () => true,
      log: memoryLog(),
    })
    expect(await service.restartToUpdate()).toEqual({ restarted: false, reason: 'not-ready' })
    expect(installs).toBe(0)
    service.stop()
  })
})
