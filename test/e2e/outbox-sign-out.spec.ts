import { rm } from 'node:fs/promises'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from '../../src/main/sandbox'
import { sandboxControl } from '../../src/main/sandbox/control'
import { probeKeychain } from '../support/keychain-probe'
import { deleteKeychainService } from './fixtures/keychain'
import { rememberSandboxControl, sandboxRequests, setSandboxFaults } from './fixtures/sandbox'
import { signInWithToken, welcomeHeading } from './fixtures/screens'
import { startPreview, stopPreview, tempDataDir } from './fixtures/web-preview'

/*
 * Two people share one Plannr account on one laptop. Sophie writes a message on the train and signs out
 * before it is sent: the app asks first, and says the change is kept. Grace signs in to the same account:
 * the status bar tells her a change of someone else's waits here, and it is never sent as her. Sophie
 * signs in again: her message is still there, marked, and reaches Plannr once.
 */

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
const conversationButtons = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').getByRole('button')

/** The message posts the sandbox carried out (the offline switch journals dropped ones with status 0). */
async function messagePosts(request: APIRequestContext, sandboxUrl: string, text: string) {
  return (await sandboxRequests(request, sandboxUrl)).filter(
    (entry) => entry.method === 'POST' && entry.status >= 200 && entry.status < 300 && JSON.stringify(entry.body).includes(text),
  )
}

async function signOut(page: Page, expectWarning: RegExp | null): Promise<void> {
  const asked = expectWarning ? page.waitForEvent('dialog') : null
  void page.getByRole('button', { name: 'Sign out' }).click()
  if (asked) {
    const dialog = await asked
    expect(dialog.message()).toMatch(expectWarning!)
    await dialog.accept()
  }
  await expect(welcomeHeading(page)).toBeVisible()
}

base.describe('unsent writes and signing out', () => {
  base.setTimeout(120_000)
  let sandbox: Sandbox
  const service = `Plannr Desktop e2e outbox-sign-out ${process.pid}-${Date.now()}`
  const dataDir = tempDataDir()

  base.afterAll(async () => {
    await deleteKeychainService(service)
    await sandbox?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  base('a change kept through sign-out is held from another user and sent once when its author is back', async ({ page, request }) => {
    const keychain = await probeKeychain()
    base.skip(!keychain.available, `needs a Secret Service to keep the store's key: ${keychain.available ? '' : keychain.reason}`)
    sandbox = await startSandbox({ size: 'small', control: sandboxControl() })
    rememberSandboxControl(sandbox.url, sandbox.controlSecret!)
    const text = `Written before signing out ${Date.now()}`
    const run = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      const first = conversationButtons(page).first()
      const title = (await first.getAttribute('title'))!
      await first.click()
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()

      // Offline: the message is accepted and marked.
      await setSandboxFaults(request, sandbox.url, { offline: true })
      const composer = page.getByRole('textbox', { name: `Message to ${title}` })
      await composer.fill(text)
      await composer.press('Enter')
      await expect(messages(page).filter({ hasText: text })).toContainText(/Waiting for connection|Sending…/)
      await expect(statusBar(page).getByRole('button', { name: 'Outbox (1)' })).toBeVisible()

      // Signing out asks first, and says what happens to the change.
      await signOut(page, /1 change has not reached Plannr yet\..*kept \(encrypted\) and sent when you sign in to this account again/)
      await page.screenshot({ path: base.info().outputPath('signed-out.png') })

      // Grace, same account: told that someone else's change waits here; it is not hers to send.
      await setSandboxFaults(request, sandbox.url, { offline: false })
      await signInWithToken(page, SANDBOX_TOKENS.delegate)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect(statusBar(page)).toContainText('1 change made on this computer by another Plannr user is waiting for them')
      await page.screenshot({ path: base.info().outputPath('held-for-sophie.png') })
      await expect(conversationButtons(page).first()).toBeVisible()
      expect(await messagePosts(request, sandbox.url, text)).toHaveLength(0)
      await signOut(page, /1 change has not reached Plannr yet/)

      // Sophie again: her message is there and goes, once.
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect(statusBar(page).getByRole('button', { name: /^Outbox/ })).toBeVisible()
      await expect.poll(async () => (await messagePosts(request, sandbox.url, text)).length, { timeout: 30_000 }).toBe(1)
      await expect(statusBar(page).getByRole('button', { name: 'Outbox', exact: true })).toBeVisible()
      await expect(statusBar(page)).not.toContainText('another Plannr user')
      await conversationButtons(page).filter({ hasText: title }).first().click()
      await expect(messages(page).filter({ hasText: text })).toHaveCount(1)
      await expect(messages(page).filter({ hasText: text })).not.toContainText(/Waiting for connection|Sending…/)
    } finally {
      await stopPreview(run.child)
    }
  })
})
