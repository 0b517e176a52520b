import type { Locator, Page } from '@playwright/test'
import { setSandboxFaults } from './fixtures/sandbox'
import { goToView, openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'

/*
 * Every list shows its states through one primitive (ListState): a placeholder while the first answer
 * is on its way, the error with "Try again" when nothing could be shown, an empty state with a way out,
 * and the rows — with one line saying which of them hold the user's writes not yet on Plannr, the same
 * words in every view. Driven through the real UI against the sandbox playing Plannr.
 */

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })
const referralRows = (page: Page) => page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem')
const referralCount = (page: Page) => page.getByRole('status').filter({ hasText: /connections?\b/ })
/** The list area of a view: the region the primitive fills. */
const listArea = (page: Page, name: string) => page.getByRole('region', { name })
const state = (area: Locator) => area.locator('[data-list-state]')

async function connect(page: Page, code: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect with an adviser' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect with an adviser' })
  await dialog.getByRole('textbox', { name: 'Referral code' }).fill(code)
  await dialog.getByRole('button', { name: 'Send request' }).click()
  await expect(dialog).toBeHidden()
}

test('a slow first load shows the placeholder and says the list is busy until its rows arrive', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  const area = listArea(page, 'Referral connections list')

  // Plannr slow: the placeholder, announced, while the list says it is busy.
  await setSandboxFaults(request, preview.sandboxUrl, { latencyMs: 2_500 })
  await goToView(page, 'Referral connections')
  await expect(state(area)).toHaveAttribute('data-list-state', 'loading')
  await expect(area).toHaveAttribute('aria-busy', 'true')
  await expect(page.getByRole('status').filter({ hasText: /^Loading referral connections…$/ })).toHaveCount(1)
  await expect(area.getByText('Loading referral connections…')).toBeAttached()
  await expect(state(area)).toHaveAttribute('data-list-state', 'rows', { timeout: 20_000 })
  await expect(area).toHaveAttribute('aria-busy', 'false')
  await setSandboxFaults(request, preview.sandboxUrl, { latencyMs: 0 })
})

test('a list that cannot be loaded says why, offers “Try again”, and shows its rows once Plannr answers', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  // The clients are fetched when their view first opens (nothing on the first view needs them).
  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
  await goToView(page, 'Contacts')
  const pane = page.getByRole('region', { name: 'Contacts' })
  const problem = pane.getByRole('alert').filter({ hasText: 'Clients could not be loaded' })
  await expect(problem).toBeVisible({ timeout: 30_000 })
  await expect(problem).toContainText('Can’t reach Plannr')
  await expect(state(pane)).toHaveAttribute('data-list-state', 'failed')
  // The error panel speaks for itself: the count line above the list says nothing meanwhile.
  await expect(page.getByRole('status').filter({ hasText: /clients?\b/ })).toHaveCount(0)

  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
  await pane.getByRole('button', { name: 'Try again' }).press('Enter')
  await expect(state(pane)).toHaveAttribute('data-list-state', 'rows', { timeout: 30_000 })
  await expect(problem).toHaveCount(0)
  // The button went with the error: focus is on the list's current row, not lost to the page.
  await expect(page.getByRole('list', { name: 'Clients' }).locator('[tabindex="0"]')).toBeFocused()
  await expect(page.getByRole('status').filter({ hasText: /^\d+ clients$/ })).toBeVisible()
})

test('an empty search shows the empty state with a way back to the rows', async ({ app: page }) => {
  await openDemoWorkspace(page)
  await goToView(page, 'Contacts')
  const pane = page.getByRole('region', { name: 'Contacts' })
  await expect(state(pane)).toHaveAttribute('data-list-state', 'rows')
  await page.getByRole('searchbox', { name: 'Search by name, email or phone' }).fill('zzqqxx')
  await expect(state(pane)).toHaveAttribute('data-list-state', 'empty')
  await expect(pane.getByRole('heading', { name: 'No clients match “zzqqxx”' })).toBeVisible()
  await pane.getByRole('button', { name: 'Clear search' }).click()
  await expect(state(pane)).toHaveAttribute('data-list-state', 'rows')
  await expect(page.getByRole('searchbox', { name: 'Search by name, email or phone' })).toBeFocused()
})

test('rows holding unsent writes are marked, and the list says how many and what needs the user', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  await goToView(page, 'Referral connections')
  await expect(referralCount(page)).toHaveText(/^\d+ connections$/)
  const area = listArea(page, 'Referral connections list')
  const unsent = area.locator('[data-unsent]')
  await expect(unsent).toHaveText('')

  // Offline: both requests are accepted at once and shown, marked, in the list.
  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
  await connect(page, 'WWM4P7R2')
  await expect(page.getByRole('status').filter({ hasText: 'Request waiting to be sent' })).toBeVisible()
  // An unknown code: Plannr will refuse it once it can be reached.
  await connect(page, 'ZZZZ9999')
  const marked = referralRows(page).filter({ has: page.locator('[data-outbox]') })
  await expect(marked).toHaveCount(2)
  await expect(marked.locator('[data-outbox]')).toHaveText([/Waiting for connection|Sending…/, /Waiting for connection|Sending…/])
  await expect(unsent).toHaveText(/^2 not on Plannr yet: (\d sending, )?(\d )?waiting for connection$|^2 not on Plannr yet: 2 sending$/)
  await expect(unsent).toHaveAttribute('role', 'status')
  await expect(statusBar(page).getByRole('button', { name: 'Outbox (2)' })).toBeVisible()

  // Plannr back: one goes through and loses its mark; the other is refused and needs attention, in place.
  // The first request that reaches Plannr again ("Sync now" here, or the outbox's own next try, whichever
  // comes first) sends everything that waited for the connection.
  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
  await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
  const attention = referralRows(page).filter({ has: page.locator('[data-outbox="needs-attention"]') })
  await expect(attention).toHaveCount(1, { timeout: 30_000 })
  await statusBar(page).getByRole('button', { name: 'Outbox (1)' }).click()
  const outbox = page.getByRole('region', { name: 'Outbox' })
  await expect(attention.locator('[data-outbox]')).toHaveText('Needs attention')
  await expect(referralRows(page).locator('[data-outbox]')).toHaveCount(1)
  await expect(unsent).toHaveText('1 not on Plannr yet: 1 needs attention (fix or discard in Outbox, in the status bar)')

  // Discarded from the outbox: the optimistic row goes, and so does the line.
  await outbox.getByRole('button', { name: 'Discard' }).click()
  await expect(referralRows(page).locator('[data-outbox]')).toHaveCount(0, { timeout: 20_000 })
  await expect(unsent).toHaveText('')
})
