import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { harbourColleague, startConversation } from '../support/colleague'
import { UpdateFeed } from '../support/update-feed'
import { deleteKeychainService } from './fixtures/keychain'
import { sandboxRequests } from './fixtures/sandbox'
import { mainNav, signInWithToken } from './fixtures/screens'
import { SANDBOX_TOKENS } from './fixtures/tokens'
import { expect, startPreview, stopPreview, test } from './fixtures/web-preview'

/*
 * The desktop habits as the web preview shows them: a colleague's messages arriving while the window is
 * in the background become one notification (the browser's, here) that opens the conversation; the
 * about panel says what the updater knows, and keeps the notifications setting.
 */

interface Shown {
  title: string
  body: string | undefined
}

/** Records the notifications the page shows, keeping them real (the browser still shows each one). */
async function recordNotifications(page: Page): Promise<void> {
  await page.evaluate(() => {
    const Real = window.Notification
    const shown: Array<{ title: string; body: string | undefined; notification: Notification }> = []
    ;(window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown
    window.Notification = class extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options)
        shown.push({ title, body: options?.body, notification: this })
      }
    }
  })
}

const shownNotifications = (page: Page): Promise<Shown[]> =>
  page.evaluate(() =>
    (window as unknown as { shownNotifications: Array<{ title: string; body: string | undefined }> }).shownNotifications.map(({ title, body }) => ({ title, body })),
  )

/** How many times the conversations list has been fetched from the sandbox. */
async function listFetches(page: Page, sandboxUrl: string): Promise<number> {
  const requests = await sandboxRequests(page.request, sandboxUrl)
  return requests.filter((r) => r.method === 'GET' && r.path === '/api/v1/conversation').length
}

test.describe('notifications', () => {
  test.use({ previewArgs: ['--message-poll-seconds', '1'] })

  test('a message arriving while the window is in the background produces one batched notification that opens the conversation', async ({ app: page, preview, context }) => {
    await context.grantPermissions(['notifications'], { origin: new URL(preview.url).origin })
    const colleague = await harbourColleague(preview.sandboxUrl, SANDBOX_TOKENS.preferred)
    const conversation = await startConversation(preview.sandboxUrl, SANDBOX_TOKENS.adviser, `Annual review ${randomUUID().slice(0, 6)}`, colleague.accountUuid)

    await signInWithToken(page, SANDBOX_TOKENS.adviser)
    await expect(mainNav(page)).toBeVisible()
    await recordNotifications(page)
    // The app looks at the list every second; once it has looked twice, what is there is its baseline.
    const before = await listFetches(page, preview.sandboxUrl)
    await expect.poll(() => listFetches(page, preview.sandboxUrl), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 2)

    // Another tab in front: the app's window really loses focus (no focus emulation).
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false })
    const other = await context.newPage()
    await other.bringToFront()
    await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false)

    await colleague.send(conversation.uuid, 'Hi Sophie, the pension valuation is in')
    await colleague.send(conversation.uuid, 'Shall we call the clients tomorrow?')
    await expect.poll(() => shownNotifications(page), { timeout: 20_000 }).toHaveLength(1)
    expect((await shownNotifications(page))[0]).toEqual({
      title: '2 new messages from Daniel Hughes',
      body: `In ${conversation.name}: Shall we call the clients tomorrow?`,
    })
    // Two more looks later, still one notification for the two messages.
    const after = await listFetches(page, preview.sandboxUrl)
    await expect.poll(() => listFetches(page, preview.sandboxUrl), { timeout: 15_000 }).toBeGreaterThanOrEqual(after + 2)
    expect(await shownNotifications(page)).toHaveLength(1)

    // Clicking it opens the conversation.
    await page.bringToFront()
    await page.evaluate(() => {
      const [first] = (window as unknown as { shownNotifications: Array<{ notification: Notification }> }).shownNotifications
      first?.notification.dispatchEvent(new Event('click'))
    })
    await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: conversation.name })).toBeVisible()
    await expect(page.getByRole('list', { name: 'Messages' })).toContainText('Shall we call the clients tomorrow?')
    await other.close()
  })
})

test('the about panel keeps the notifications setting in the data folder and says why updates are off', async ({ app: page, preview }) => {
  await signInWithToken(page, SANDBOX_TOKENS.adviser)
  await page.getByRole('button', { name: 'About and updates' }).click()
  const dialog = page.getByRole('dialog', { name: 'About Plannr Desktop' })
  await expect(dialog).toContainText(/Version \d+\.\d+\.\d+ · web preview/)
  await expect(dialog.getByRole('status')).toHaveText('The web preview checks for updates only when started with --update-feed.')
  await expect(dialog.getByRole('button', { name: 'Check for updates' })).toHaveCount(0)

  const toggle = dialog.getByRole('checkbox', { name: /Notify me of new messages/ })
  await expect(toggle).toBeChecked()
  await toggle.uncheck()
  await expect.poll(() => JSON.parse(readFileSync(join(preview.dataDir, 'settings.json'), 'utf8')) as unknown).toEqual({ version: 1, notifications: false })
  await page.reload()
  await page.getByRole('button', { name: 'About and updates' }).click()
  await expect(page.getByRole('dialog', { name: 'About Plannr Desktop' }).getByRole('checkbox', { name: /Notify me/ })).not.toBeChecked()
})

test('with --update-feed the about panel says "Version X is available" and checks again on request', async ({ page }, testInfo) => {
  const feed = await UpdateFeed.start()
  feed.publish({ version: '99.2.0', payload: Buffer.from('installer') })
  const keychainService = `Plannr Desktop e2e ${process.pid}-${testInfo.testId}`
  const { preview, child, stderr } = await startPreview(keychainService, { extraArgs: ['--update-feed', feed.url] })
  try {
    await page.goto(preview.url)
    await signInWithToken(page, SANDBOX_TOKENS.adviser)
    await page.getByRole('button', { name: 'About and updates' }).click()
    const dialog = page.getByRole('dialog', { name: 'About Plannr Desktop' })
    await expect(dialog.getByRole('status')).toHaveText('Version 99.2.0 is available.')

    feed.publish({ version: '99.3.0', payload: Buffer.from('installer 2') })
    await dialog.getByRole('button', { name: 'Check for updates' }).click()
    await expect(dialog.getByRole('status')).toHaveText('Version 99.3.0 is available.')
    // The preview only tells: nothing to restart into.
    await expect(dialog.getByRole('button', { name: 'Restart to update' })).toHaveCount(0)
  } finally {
    await stopPreview(child)
    await feed.close()
    await deleteKeychainService(keychainService)
    await rm(preview.dataDir, { recursive: true, force: true })
    if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('web-preview stderr', { body: stderr(), contentType: 'text/plain' })
  }
})
