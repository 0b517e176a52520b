import { test as base, expect, type Page } from '@playwright/test'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from '../../src/main/sandbox'
import { probeKeychain } from '../support/keychain-probe'
import { deleteKeychainService } from './fixtures/keychain'
import { signInWithToken } from './fixtures/screens'
import { startPreview, stopPreview, tempDataDir, type RunningPreview } from './fixtures/web-preview'

/*
 * The outbox as an adviser on a train meets it: Plannr out of reach, a message written anyway — shown at
 * once, marked, counted in the status bar; the app quit and started again with the same data folder; Plannr
 * back: the message reaches it exactly once (the sandbox's journal says so), and the mark goes.
 */

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem')

base.describe('the outbox through the web preview', () => {
  base.setTimeout(180_000)
  let sandbox: Sandbox
  const service = `Plannr Desktop e2e outbox ${process.pid}-${Date.now()}`
  const dataDir = tempDataDir()

  base.afterAll(async () => {
    await deleteKeychainService(service)
    await sandbox?.close()
  })

  base('a message written offline survives a restart and reaches Plannr once when it is back', async ({ page }) => {
    const keychain = await probeKeychain()
    base.skip(!keychain.available, `needs a Secret Service to keep the store's key: ${keychain.available ? '' : keychain.reason}`)
    sandbox = await startSandbox({ size: 'small' })
    const text = `Written on the train ${Date.now()}`
    let title = ''
    let uuid = ''

    let run: RunningPreview = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      const first = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first()
      uuid = (await first.getByRole('button').first().getAttribute('data-uuid')) ?? ''
      title = (await first.locator('.name').first().textContent()) ?? ''
      await first.getByRole('button').first().click()
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
      await expect(messages(page).first()).toBeVisible()

      sandbox.faults.offline = true
      const composer = page.getByRole('textbox', { name: `Message to ${title}` })
      await composer.fill(text)
      await composer.press('Enter')
      const mine = messages(page).filter({ hasText: text })
      await expect(mine).toHaveCount(1)
      await expect(mine).toContainText(/Waiting for connection|Sending…/)
      await expect(statusBar(page).getByRole('button', { name: 'Outbox (1)' })).toBeVisible()

      // Signing out would hold it until the next sign-in: the app asks first, and staying keeps everything as it was.
      const asked = page.waitForEvent('dialog')
      const signOut = page.getByRole('button', { name: 'Sign out' })
      void signOut.click()
      const dialog = await asked
      expect(dialog.message()).toContain('1 change has not reached Plannr yet')
      await dialog.dismiss()
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
      await expect(statusBar(page).getByRole('button', { name: 'Outbox (1)' })).toBeVisible()
    } finally {
      await stopPreview(run.child)
    }

    // Started again, still offline: the write is still there, still waiting.
    run = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible({ timeout: 30_000 })
      await expect(statusBar(page).getByRole('button', { name: 'Outbox (1)' })).toBeVisible()
      await statusBar(page).getByRole('button', { name: 'Outbox (1)' }).click()
      await expect(page.getByRole('region', { name: 'Outbox' })).toContainText(`Message: ${text}`)

      // Plannr is back: any answer tells the app so, and the outbox goes at once.
      sandbox.faults.offline = false
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      await expect(statusBar(page).getByRole('button', { name: 'Outbox', exact: true })).toBeVisible({ timeout: 30_000 })
      const delivered = sandbox.requests.filter(
        (entry) => entry.method === 'POST' && entry.path === `/api/v1/conversation/${uuid}/messages` && entry.status >= 200 && entry.status < 300,
      )
      expect(delivered.map((entry) => entry.body)).toEqual([{ contents: text }])

      await page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: title }).first().getByRole('button').first().click()
      const mine = messages(page).filter({ hasText: text })
      await expect(mine).toHaveCount(1)
      await expect(mine).not.toContainText(/Waiting for connection|Sending…/)
    } finally {
      await stopPreview(run.child)
    }
    const onPlannr = await fetch(`${sandbox.url}/api/v1/conversation/${uuid}/messages?per_page=100`, {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`,
        'X-PLANNR-ACCOUNT-UUID': sandbox.requests.find((entry) => entry.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid'] ?? '',
      },
    })
    const body = (await onPlannr.json()) as { data: Array<{ contents: string }> }
    expect(body.data.filter((message) => message.contents === text)).toHaveLength(1)
  })
})
