import { test as base, expect, type Page } from '@playwright/test'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from '../../src/main/sandbox'
import { probeKeychain } from '../support/keychain-probe'
import { deleteKeychainService } from './fixtures/keychain'
import { goToView, signInWithToken, type ViewLabel } from './fixtures/screens'
import { startPreview, stopPreview, tempDataDir, type RunningPreview } from './fixtures/web-preview'

/*
 * Local-first reads, as an adviser on a train sees them: sign in and visit every view; quit; Plannr
 * becomes unreachable; start again with the same data folder and keychain: every view shows its saved
 * rows, search works, the status bar says offline. Plannr comes back: "Sync now" brings a change made on
 * the server, and a full pass drops what the server no longer has.
 */

interface Named {
  uuid: string
  name?: string
  first_name?: string | null
  last_name?: string | null
}

/** What Plannr (the sandbox) holds, asked directly with the adviser's token. */
async function plannrList(sandbox: Sandbox, path: string, accountUuid: string, query = ''): Promise<Named[]> {
  const url = `${sandbox.url}${path}?per_page=500${query}`
  const init = { headers: { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`, 'X-PLANNR-ACCOUNT-UUID': accountUuid } }
  // A kept-alive connection to the sandbox this one replaced (same port) fails once: ask again.
  const response = await fetch(url, init).catch(() => fetch(url, init))
  if (!response.ok) throw new Error(`${path} answered ${response.status}`)
  return ((await response.json()) as { data: Named[] }).data
}

/** Another book for the same firm and adviser (the sandbox keeps its people across sizes): fewer clients. */
const NEXT_BOOK = { clients: 50, circles: 25 }

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })

async function go(page: Page, view: ViewLabel): Promise<void> {
  await goToView(page, view)
  await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible()
}

base.describe('local-first reads through the web preview', () => {
  base.setTimeout(180_000)
  let sandbox: Sandbox
  const service = `Plannr Desktop e2e store ${process.pid}-${Date.now()}`
  const dataDir = tempDataDir()

  base.afterAll(async () => {
    await deleteKeychainService(service)
    await sandbox?.close()
  })

  base('every view works offline after a restart, and catches up with Plannr when it is back', async ({ page }) => {
    const keychain = await probeKeychain()
    base.skip(!keychain.available, `needs a Secret Service to keep the store's key: ${keychain.available ? '' : keychain.reason}`)
    sandbox = await startSandbox({ size: 'small' })
    const port = Number(new URL(sandbox.url).port)

    // First run: sign in and visit every view until it is synced.
    let run: RunningPreview = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    let accountUuid = ''
    let conversation: Named
    let circle: Named
    let client: Named
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect.poll(() => sandbox.requests.find((r) => r.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid']).toBeTruthy()
      accountUuid = sandbox.requests.find((r) => r.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid'] ?? ''
      conversation = (await plannrList(sandbox, '/api/v1/conversation', accountUuid))[0]!
      circle = (await plannrList(sandbox, '/api/v1/circles', accountUuid))[0]!
      const clients = await plannrList(sandbox, '/api/v1/account', accountUuid, '&filter[type]=client')
      // A client the next book will not have, by uuid or by name.
      const next = await startSandbox({ size: NEXT_BOOK })
      const nextClients = await plannrList(next, '/api/v1/account', accountUuid, '&filter[type]=client').finally(() => next.close())
      const nextNames = new Set(nextClients.map((c) => `${c.first_name} ${c.last_name}`))
      const nextUuids = new Set(nextClients.map((c) => c.uuid))
      client = clients.find((c) => (c.last_name ?? '').length > 3 && !nextUuids.has(c.uuid) && !nextNames.has(`${c.first_name} ${c.last_name}`))!
      await expect(page.getByText(conversation.name!, { exact: true }).first()).toBeVisible()
      await go(page, 'Circles')
      await expect(page.getByText(circle.name!, { exact: true }).first()).toBeVisible()
      await go(page, 'Contacts')
      await expect(page.getByText(/^\d+ clients$/)).toBeVisible()
      await go(page, 'Referral connections')
      await expect(page.getByText('Northgate Wealth Partners').first()).toBeVisible()
      await expect(statusBar(page)).toContainText('Online')
      await expect(statusBar(page)).toContainText(/Last synced \d\d:\d\d/)
    } finally {
      await stopPreview(run.child)
    }

    // Plannr out of reach; second run with the same data folder and keychain.
    sandbox.faults.offline = true
    sandbox.clearRequests()
    run = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect(page.getByText(conversation.name!, { exact: true }).first()).toBeVisible()
      await expect(statusBar(page)).toContainText('Offline')
      await expect(statusBar(page)).toContainText(/Last synced/)
      await go(page, 'Circles')
      await expect(page.getByText(circle.name!, { exact: true }).first()).toBeVisible()
      await go(page, 'Contacts')
      await page.getByRole('searchbox', { name: /Search/ }).fill(client.last_name!.toLowerCase())
      await expect(page.getByText(new RegExp(`^[\\d,]+ of [\\d,]+ clients? match`))).toBeVisible()
      await expect(page.getByText(`${client.first_name} ${client.last_name}`, { exact: true }).first()).toBeVisible()
      await go(page, 'Referral connections')
      await expect(page.getByText('Northgate Wealth Partners').first()).toBeVisible()
      // Nothing got through: every request the app tried was dropped.
      expect(sandbox.requests.every((r) => r.status === 0)).toBe(true)

      // Plannr is back, and a conversation was renamed there meanwhile.
      sandbox.faults.offline = false
      const renamed = `${conversation.name} (renamed on Plannr)`
      const put = await fetch(`${sandbox.url}/api/v1/conversation/${conversation.uuid}`, {
        method: 'PUT',
        headers: {
          Accept: 'application/json',
          'Content-Type': 'application/json',
          Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`,
          'X-PLANNR-ACCOUNT-UUID': accountUuid,
        },
        body: JSON.stringify({ name: renamed }),
      })
      expect(put.ok).toBe(true)
      await go(page, 'Conversations')
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      await expect(page.getByText(renamed, { exact: true }).first()).toBeVisible({ timeout: 20_000 })
      await expect(statusBar(page)).toContainText('Online')
    } finally {
      await stopPreview(run.child)
    }

    // Plannr's book changed under us: the same firm and adviser, and some clients no longer there.
    await sandbox.close()
    sandbox = await startSandbox({ size: NEXT_BOOK, port })
    const remaining = new Set((await plannrList(sandbox, '/api/v1/account', accountUuid, '&filter[type]=client')).map((c) => c.uuid))
    expect(remaining.has(client.uuid)).toBe(false)
    run = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await go(page, 'Contacts')
      const search = page.getByRole('searchbox', { name: /Search/ })
      await search.fill(`${client.first_name} ${client.last_name}`.toLowerCase())
      // Still saved from before: shown until a full pass says otherwise.
      const row = page.getByText(`${client.first_name} ${client.last_name}`, { exact: true })
      await expect(row.first()).toBeVisible()
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      await expect(statusBar(page).getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 })
      await expect(row).toHaveCount(0, { timeout: 20_000 })
      await expect(page.getByText(/^0 of [\d,]+ clients match/)).toBeVisible()
    } finally {
      await stopPreview(run.child)
    }
  })
})
