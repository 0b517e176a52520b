import type { Locator, Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe'
import { clearSandboxRequests, sandboxRequests, setSandboxFaults, type RecordedRequest } from './fixtures/sandbox'
import { goToView, openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'

const PATH = '/api/v1/referral-connections'
const LONG_DATE = /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/

const list = (page: Page) => page.getByRole('list', { name: 'Referral connections' })
const rows = (page: Page) => list(page).getByRole('listitem')
const count = (page: Page) => page.getByRole('status').filter({ hasText: /connections?\b/ })
const radio = (page: Page, group: 'Direction' | 'Status', label: string) =>
  page.getByRole('group', { name: group }).getByRole('radio', { name: new RegExp(`^${label}\\b`) })
const row = (page: Page, firm: string) => rows(page).filter({ has: page.getByRole('heading', { name: firm, exact: true }) })

async function openReferrals(page: Page): Promise<number> {
  await openDemoWorkspace(page)
  await goToView(page, 'Referral connections')
  await expect(page).toHaveTitle('Referral connections — Plannr Desktop')
  await expect(count(page)).toHaveText(/^\d+ connections$/)
  return Number((await count(page).textContent())?.replace(/\D/g, ''))
}

/** Waits for the list to show `n` rows, each with `text` somewhere as a whole word-for-word label. */
async function expectEveryRow(page: Page, n: number, text: string): Promise<void> {
  await expect(rows(page)).toHaveCount(n)
  await expect(rows(page).filter({ has: page.getByText(text, { exact: true }) })).toHaveCount(n)
}

function radioCount(locator: Locator): Promise<number> {
  return locator.evaluate((input) => Number(input.closest('label')?.querySelector('.count')?.textContent ?? NaN))
}

async function posts(page: Page, request: Parameters<typeof sandboxRequests>[0], sandboxUrl: string): Promise<RecordedRequest[]> {
  void page
  return (await sandboxRequests(request, sandboxUrl)).filter((entry) => entry.method === 'POST' && entry.path === PATH)
}

test('an adviser reviews connections by direction and status, with time to expiry', async ({ app: page, preview, request }) => {
  const total = await openReferrals(page)
  expect(total).toBeGreaterThanOrEqual(8)
  await expect(rows(page)).toHaveCount(total)

  // Fetched once, whole; every filter after that is answered in the app.
  const fetched = (await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.method === 'GET' && e.path === PATH)
  expect(fetched).toHaveLength(1)
  expect(fetched[0]).toMatchObject({ status: 200, query: { per_page: '500', page: '1' } })

  // The other side of each connection: Northgate accepted our request; Ashworth asked us.
  const northgate = row(page, 'Northgate Wealth Partners')
  await expect(northgate).toContainText('Accepted')
  await expect(northgate).toContainText('Sent by your firm')
  await expect(northgate).toContainText('Callum Fraser')
  await expect(northgate.getByText(/^Expires|^Expired/)).toHaveCount(0)
  await expect(row(page, 'Harbour & Vale Financial Planning')).toHaveCount(0)

  // Each filter label carries its count, and the list agrees with it.
  const sent = await radioCount(radio(page, 'Direction', 'Sent'))
  const received = await radioCount(radio(page, 'Direction', 'Received'))
  expect(sent).toBeGreaterThan(0)
  expect(received + sent).toBe(total)
  await radio(page, 'Direction', 'Sent').check()
  await expect(radio(page, 'Direction', 'Sent')).toBeChecked()
  await expect(count(page)).toHaveText(`${sent} connections of ${total} shown`)
  await expectEveryRow(page, sent, 'Sent by your firm')

  await radio(page, 'Direction', 'Received').check()
  await expectEveryRow(page, received, 'Received')
  await expect(row(page, 'Ashworth Private Clients').first()).toBeVisible()

  // Pending and received: Ashworth's request, which expires some days from now.
  await radio(page, 'Status', 'Pending').check()
  await expect(rows(page)).toHaveCount(1)
  const ashworth = rows(page).first()
  await expect(ashworth.getByRole('heading')).toHaveText('Ashworth Private Clients')
  await expect(ashworth).toContainText('Pending')
  const expires = ashworth.locator('time', { hasText: /^Expires / })
  await expect(expires).toHaveText(/^Expires (in \d+ days|tomorrow|in \d+ hours)$/)
  expect(await expires.getAttribute('title')).toMatch(LONG_DATE)

  // Expired ones say how long ago, in both directions.
  await radio(page, 'Direction', 'All').check()
  await radio(page, 'Status', 'Expired').check()
  const expired = await radioCount(radio(page, 'Status', 'Expired'))
  expect(expired).toBeGreaterThanOrEqual(2)
  await expectEveryRow(page, expired, 'Expired')
  const lapsed = rows(page).locator('time', { hasText: /^Expire/ })
  await expect(lapsed).toHaveCount(expired)
  for (const text of await lapsed.allTextContents()) expect(text).toMatch(/^Expired (\d+ days ago|yesterday)$/)

  await radio(page, 'Status', 'Denied').check()
  await expectEveryRow(page, await radioCount(radio(page, 'Status', 'Denied')), 'Denied')
  await expect(rows(page).locator('time', { hasText: /^Expire/ })).toHaveCount(0)

  await radio(page, 'Direction', 'Sent').check()
  await radio(page, 'Status', 'Pending').check()
  await expect(rows(page)).toHaveCount(1)
  await expect(rows(page).first().getByRole('heading')).toHaveText('Pennine Mortgage Solutions')

  const filtersFetched = (await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.method === 'GET' && e.path === PATH)
  expect(filtersFetched).toHaveLength(1)
  expect(await seriousViolations(page)).toEqual([])
})

test('connecting by referral code: checked first, each refusal shown at the field, then success', async ({ app: page, preview, request }) => {
  const total = await openReferrals(page)
  await clearSandboxRequests(request, preview.sandboxUrl)

  const trigger = page.getByRole('button', { name: 'Connect with an adviser' })
  await trigger.click()
  const dialog = page.getByRole('dialog', { name: 'Connect with an adviser' })
  await expect(dialog).toBeVisible()
  const field = dialog.getByLabel('Referral code')
  await expect(field).toBeFocused()
  await expect(dialog).toContainText('accept or deny')
  const send = dialog.getByRole('button', { name: 'Send request' })
  const error = dialog.locator('.field-error')

  // Checked as typed: upper case, a live count, and nothing sent while it is malformed.
  await field.pressSequentially('abc')
  await expect(field).toHaveValue('ABC')
  await expect(dialog.getByText('3 of 8 characters')).toBeVisible()
  await send.click()
  await expect(error).toHaveText('A referral code is 8 characters: 5 more to go.')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toBeFocused()
  await field.fill('ABC_1234')
  await expect(error).toHaveText('A referral code has only letters and numbers.')
  await field.press('Enter')
  await field.fill('ABCD12345')
  await expect(error).toHaveText('A referral code is 8 characters: this one is too long.')
  expect(await posts(page, request, preview.sandboxUrl)).toEqual([])
  expect(await seriousViolations(page)).toEqual([])

  // Plannr's answers, at the field, with the code kept for correcting.
  const refusals = [
    ['zzzz9999', 'ZZZZ9999', 'No adviser has that referral code.'],
    ['HVFP7T2S', 'HVFP7T2S', 'You cannot connect with your own firm.'],
    ['ngw4k7p2', 'NGW4K7P2', 'A connection with this firm already exists.'],
  ] as const
  for (const [typed, code, message] of refusals) {
    await clearSandboxRequests(request, preview.sandboxUrl)
    await field.fill(typed)
    await expect(dialog.getByText('8 of 8 characters')).toBeVisible()
    await send.click()
    await expect(error).toHaveText(message)
    await expect(field).toHaveValue(code)
    await expect(field).toHaveAttribute('aria-invalid', 'true')
    const sentNow = await posts(page, request, preview.sandboxUrl)
    expect(sentNow.map((entry) => [entry.body, entry.status])).toEqual([[{ adviser_key: code }, 422]])
  }
  // Editing the code replaces Plannr's answer about the previous one with the live check.
  await field.press('Backspace')
  await expect(error).toHaveText('A referral code is 8 characters: 1 more to go.')

  // Sent: Plannr has it once.
  await clearSandboxRequests(request, preview.sandboxUrl)
  await field.fill(' mmp1f6k8 ')
  await send.click()
  await expect(dialog).toBeHidden()
  await expect(trigger).toBeFocused()
  const sentOk = await posts(page, request, preview.sandboxUrl)
  expect(sentOk).toHaveLength(1)
  expect(sentOk[0]?.body).toEqual({ adviser_key: 'MMP1F6K8' })
  expect(sentOk[0]?.status).toBe(200)

  // The adviser is told what happens next, and sees the new pending connection first, highlighted.
  const notice = page.getByRole('status').filter({ hasText: 'Request sent' })
  await expect(notice).toContainText('at Marlow Mortgage & Protection')
  await expect(notice).toContainText('emailed them a link to accept or deny it')
  await expect(notice).toContainText('expires in 30 days')
  await expect(count(page)).toHaveText(`${total + 1} connections`)
  const fresh = rows(page).first()
  await expect(fresh.getByRole('heading')).toHaveText('Marlow Mortgage & Protection')
  await expect(fresh).toHaveAttribute('aria-current', 'true')
  await expect(fresh).toContainText('Just sent')
  await expect(fresh).toContainText('Pending')
  await expect(fresh).toContainText('Sent by your firm')
  await expect(fresh.locator('time', { hasText: /^Expires/ })).toHaveText('Expires in 30 days')
  expect(await seriousViolations(page)).toEqual([])

  // Connected now: the same code is refused as already connected.
  await trigger.click()
  await expect(field).toHaveValue('')
  await field.fill('MMP1F6K8')
  await field.press('Enter')
  await expect(error).toHaveText('A connection with this firm already exists.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(trigger).toBeFocused()
})

test('a failed first load says so and recovers on “Try again”', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
  await goToView(page, 'Referral connections')
  const problem = page.getByRole('alert').filter({ hasText: 'Referral connections could not be loaded' })
  await expect(problem).toContainText('Can’t reach Plannr')
  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(count(page)).toHaveText(/^\d+ connections$/)
  await expect(rows(page).first()).toBeVisible()
})

test('the connections list is read row by row with the arrow keys, one row in the Tab order', async ({ app: page }) => {
  const total = await openReferrals(page)
  const first = rows(page).first()
  await expect(first).toHaveAttribute('aria-setsize', String(total))
  // Only the first row is a tab stop; arrows move from row to row, End to the last.
  await expect(list(page).locator('[tabindex="0"]')).toHaveCount(1)
  await list(page).locator('[tabindex="0"]').focus()
  await page.keyboard.press('ArrowDown')
  await expect(rows(page).filter({ has: page.locator(':focus') })).toHaveAttribute('aria-posinset', '2')
  await page.keyboard.press('End')
  const last = rows(page).filter({ has: page.locator(':focus') })
  await expect(last).toHaveAttribute('aria-posinset', String(total))
  await expect(last).toBeInViewport()
  await expect(list(page).locator('[tabindex="0"]')).toHaveCount(1)
})
