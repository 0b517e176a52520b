import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { MessageNotification, OpenTarget } from '@shared/models/desktop'
import type { ConversationRow } from '@shared/models/conversations'
import type { UpdateState } from '@shared/models/updates'
import { feedCheckPort } from '../../../src/main/core/update/feed'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { harbourColleague, type Colleague } from '../../support/colleague'
import { dataDirFor, recordingPorts, startCore, type TestCore } from '../../support/core-harness'
import { UpdateFeed } from '../../support/update-feed'

/*
 * The desktop habits of the core, through the shell's ports, against the real sandbox: a colleague's
 * messages arriving while the window is in the background become one notification that opens the
 * conversation, with the unread badge; none while the window has focus, for one's own messages, or
 * with notifications turned off (a setting kept in the data folder). Deep links and the about panel's
 * update state go through the same contract the window uses.
 */

interface DesktopPorts {
  opened: string[]
  openExternal(url: string): Promise<void>
  notified: MessageNotification[]
  clicks: Array<() => void>
  badges: number[]
  shown: number
  focused: boolean
  focusListeners: Set<() => void>
  notify(notification: MessageNotification, onClick: () => void): void
  setBadge(count: number): void
  isFocused(): boolean
  onFocus(listener: () => void): () => void
  showWindow(): void
}

function desktopPorts(): DesktopPorts {
  const ports: DesktopPorts = {
    ...recordingPorts(),
    notified: [],
    clicks: [],
    badges: [],
    shown: 0,
    focused: false,
    focusListeners: new Set(),
    notify(notification, onClick) {
      ports.notified.push(notification)
      ports.clicks.push(onClick)
    },
    setBadge: (count) => void ports.badges.push(count),
    isFocused: () => ports.focused,
    onFocus(listener) {
      ports.focusListeners.add(listener)
      return () => ports.focusListeners.delete(listener)
    },
    showWindow: () => void (ports.shown += 1),
  }
  return ports
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const WINDOW_MS = 150

describe('new-message notifications and the badge', () => {
  let sandbox: Sandbox
  let colleague: Colleague
  let harness: TestCore
  let ports: DesktopPorts
  let service: string
  let conversation: ConversationRow
  const opens: OpenTarget[] = []

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    colleague = await harbourColleague(sandbox.url, SANDBOX_TOKENS.preferred)
    service = `plannr-desktop-test-${randomUUID()}`
    ports = desktopPorts()
    harness = startCore(sandbox, service, sandbox.url, {
      ports,
      desktop: { messagePollMs: 3_600_000, notificationWindowMs: WINDOW_MS },
    })
    harness.core.events.subscribe((name, payload) => {
      if (name === 'app.open') opens.push(payload as OpenTarget)
    })
    await harness.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    conversation = await harness.value<ConversationRow>('conversations.create', {
      name: `Pension transfer ${randomUUID().slice(0, 8)}`,
      participantUuids: [colleague.accountUuid],
    })
    // The first look is the baseline: what is there already is not news.
    await harness.core.desktop.checkMessagesNow()
    expect(ports.notified).toEqual([])
  }, 60_000)

  afterEach(() => {
    ports.focused = false
  })

  afterAll(async () => {
    await harness?.value('session.signOut').catch(() => undefined)
    await harness?.core.close()
    await sandbox?.close()
    await rm(dataDirFor(service), { recursive: true, force: true })
  })

  it('turns three messages from a colleague into one notification that opens the conversation', async () => {
    for (const text of ['Morning Sophie', 'I have the valuation back', 'Can we call at 2?']) await colleague.send(conversation.uuid, text)
    await harness.core.desktop.checkMessagesNow()
    const notification = await until(() => ports.notified[0], 'a notification')
    expect(notification).toEqual({
      title: '3 new messages from Daniel Hughes',
      body: `In ${conversation.name}: Can we call at 2?`,
      target: { kind: 'conversation', uuid: conversation.uuid },
      count: 3,
    })
    expect(ports.badges.at(-1)).toBe(3)

    // Clicking it brings the window forward and asks it to open the conversation, once.
    ports.clicks[0]?.()
    expect(ports.shown).toBe(1)
    expect(opens.at(-1)).toEqual({ kind: 'conversation', uuid: conversation.uuid })
    expect(await harness.value('app.takeOpen')).toEqual({ kind: 'conversation', uuid: conversation.uuid })
    expect(await harness.value('app.takeOpen')).toBeNull()

    // Looking at the window clears the badge.
    for (const listener of ports.focusListeners) listener()
    expect(ports.badges.at(-1)).toBe(0)
    expect(ports.notified).toHaveLength(1)
  })

  it('says nothing while the window has focus, nor for the user’s own messages', async () => {
    ports.focused = true
    await colleague.send(conversation.uuid, 'Are you there?')
    await harness.core.desktop.checkMessagesNow()
    // The batch is due while the window still has focus: it is dropped.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 3))
    ports.focused = false
    await harness.value('messages.send', { conversationUuid: conversation.uuid, contents: 'On my way' })
    await harness.core.desktop.checkMessagesNow()
    // Wait past a batch window: a notification due would have come by now.
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 3))
    expect(ports.notified).toHaveLength(1)
  })

  it('says nothing with notifications turned off, and keeps that setting in the data folder', async () => {
    expect(await harness.value('settings.update', { notifications: false })).toEqual({ notifications: false })
    const file = JSON.parse(readFileSync(join(dataDirFor(service), 'settings.json'), 'utf8')) as unknown
    expect(file).toEqual({ version: 1, notifications: false })
    await colleague.send(conversation.uuid, 'One more thing')
    await harness.core.desktop.checkMessagesNow()
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS * 3))
    expect(ports.notified).toHaveLength(1)

    await harness.value('settings.update', { notifications: true })
    await colleague.send(conversation.uuid, 'Signed copy attached')
    await harness.core.desktop.checkMessagesNow()
    const second = await until(() => ports.notified[1], 'a second notification')
    expect(second).toMatchObject({ title: 'Daniel Hughes', body: 'Signed copy attached', count: 1 })
  })
})

describe('deep links, settings and the update state through the contract', () => {
  let sandbox: Sandbox
  let feed: UpdateFeed
  const cleanup: string[] = []

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    feed = await UpdateFeed.start()
  })
  afterAll(async () => {
    await sandbox?.close()
    await feed?.close()
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true })
  })

  function core(overrides: Parameters<typeof startCore>[3] = {}): TestCore {
    const service = `plannr-desktop-test-${randomUUID()}`
    cleanup.push(dataDirFor(service))
    return startCore(sandbox, service, sandbox.url, overrides)
  }

  it('opens what a valid link names and ignores the rest with a log line', async () => {
    const harness = core()
    const opens: unknown[] = []
    harness.core.events.subscribe((name, payload) => name === 'app.open' && opens.push(payload))
    const uuid = randomUUID()
    harness.core.desktop.openLink(`plannr-desktop://circle/${uuid}`)
    harness.core.desktop.openLink('plannr-desktop://settings/export')
    harness.core.desktop.openLink(`https://evil.example/circle/${uuid}`)
    expect(opens).toEqual([{ kind: 'circle', uuid }])
    expect(harness.log.entries.filter((entry) => entry.message.startsWith('Ignored a link'))).toHaveLength(2)
    expect(await harness.value('app.takeOpen')).toEqual({ kind: 'circle', uuid })
    expect(await harness.value('app.takeOpen')).toBeNull()

    // The about panel (the menu's "About", "Check for Updates…") is for a window showing now, never kept.
    harness.core.desktop.open({ kind: 'about' })
    expect(opens.at(-1)).toEqual({ kind: 'about' })
    expect(await harness.value('app.takeOpen')).toBeNull()
    await harness.core.close()
  })

  it('keeps the setting across a restart and sets a damaged settings file aside', async () => {
    const service = `plannr-desktop-test-${randomUUID()}`
    const dir = dataDirFor(service)
    cleanup.push(dir)
    const first = startCore(sandbox, service)
    expect(await first.value('settings.get')).toEqual({ notifications: true })
    await first.value('settings.update', { notifications: false })
    await first.core.close()
    const second = startCore(sandbox, service)
    expect(await second.value('settings.get')).toEqual({ notifications: false })
    await second.core.close()

    writeFileSync(join(dir, 'settings.json'), '{"version":1,"notifications":"perhaps"}')
    const third = startCore(sandbox, service)
    expect(await third.value('settings.get')).toEqual({ notifications: true })
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.unreadable-'))).toBe(true)
    expect(third.log.entries.some((entry) => entry.level === 'warn' && entry.message.includes('set aside'))).toBe(true)
    await third.core.close()
  })

  it('says why updates are off when the shell has no updater', async () => {
    const harness = core()
    const state = await harness.value<UpdateState>('updates.status')
    expect(state.status).toBe('disabled')
    expect(state.message).not.toBe('')
    expect(await harness.value('updates.restart')).toEqual({ restarted: false, reason: 'not-ready' })
    await harness.core.close()
  })

  it('checks the feed on "Check for updates" and tells the window the new state', async () => {
    feed.publish({ version: '99.1.0', payload: Buffer.from('installer') })
    const updater = {
      availability: { enabled: true as const },
      port: feedCheckPort({ feedUrl: feed.url, currentVersion: '0.1.0', installId: randomUUID() }),
      confirmRestart: async () => false,
    }
    const seen: UpdateState[] = []
    const harness = core({ ports: { ...recordingPorts(), updater: () => updater } })
    harness.core.events.subscribe((name, payload) => name === 'updates.changed' && seen.push(payload as UpdateState))
    expect(await harness.value('updates.check')).toMatchObject({ status: 'available', version: '99.1.0', message: 'Version 99.1.0 is available.', installs: false })
    expect(seen.map((state) => state.status)).toEqual(['checking', 'available'])
    await harness.core.close()
  })

  it('is given the feed named in settings.json', async () => {
    const service = `plannr-desktop-test-${randomUUID()}`
    const dir = dataDirFor(service)
    cleanup.push(dir)
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ version: 1, notifications: true, updateFeedUrl: feed.url }))
    const asked: Array<string | undefined> = []
    const harness = startCore(sandbox, service, sandbox.url, {
      ports: {
        ...recordingPorts(),
        updater: (url: string | undefined) => {
          asked.push(url)
          return { availability: { enabled: false, reason: 'Updates are off while tests run.' }, port: undefined, confirmRestart: async () => false }
        },
      },
    })
    expect(asked).toEqual([feed.url])
    expect(await harness.value('updates.status')).toEqual({ status: 'disabled', message: 'Updates are off while tests run.' })
    expect(existsSync(join(dir, 'settings.json'))).toBe(true)
    await harness.core.close()
  })
})
