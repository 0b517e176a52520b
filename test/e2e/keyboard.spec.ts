import { test, expect } from './fixtures/web-preview'
import { circleRows, circlesCount, circlesHeading, searchBox, waitForAllCircles } from './fixtures/screens'
import type { Locator, Page } from '@playwright/test'

/** Presses Tab until `target` has focus, as a keyboard user would; fails if it is not reachable. */
async function tabTo(page: Page, target: Locator, maxPresses = 15): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target, `reachable with Tab within ${maxPresses} presses`).toBeFocused()
}

test('the demo can be opened and searched with the keyboard alone', async ({ app: page }) => {
  // The screen's heading has focus on arrival; just before it, the skip link (shown when focused).
  const heading = page.getByRole('heading', { level: 1, name: 'Plannr Desktop' })
  await expect(heading).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  const skipLink = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skipLink).toBeFocused()
  await expect(skipLink).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  expect(new URL(page.url()).hash, 'the skip link leaves the address alone').not.toContain('main')

  const demo = page.getByRole('button', { name: 'Explore the demo workspace' })
  await tabTo(page, demo)
  await page.keyboard.press('Enter')

  // Focus moves to the new screen's heading, so the next Tab starts there.
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeFocused()
  await page.keyboard.press('Control+2')
  await expect(circlesHeading(page)).toBeFocused()
  const total = await waitForAllCircles(page)
  await tabTo(page, searchBox(page))
  await page.keyboard.type('zzqx')
  await expect(circlesCount(page)).toContainText('match “zzqx”')
  await expect(circleRows(page)).toHaveCount(0)

  // Escape empties the search, as in most desktop search fields.
  await page.keyboard.press('Escape')
  await expect(searchBox(page)).toHaveValue('')
  await expect(circlesCount(page)).toHaveText(`${total.toLocaleString('en-GB')} circles`)

  const signOut = page.getByRole('button', { name: 'Sign out' })
  await tabTo(page, signOut, 30)
  await page.keyboard.press('Enter')
  await expect(heading).toBeFocused()
})

test('referral connections can be filtered and a connection made with the keyboard alone', async ({ app: page }) => {
  await page.getByRole('button', { name: 'Explore the demo workspace' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeFocused()
  await page.keyboard.press('Control+4')
  const heading = page.getByRole('heading', { level: 1, name: 'Referral connections' })
  await expect(heading).toBeFocused()
  const rows = page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem')
  await expect(rows.first()).toBeVisible()
  const total = await rows.count()

  // The filters are radio groups: Tab into one, arrows move the choice.
  const all = page.getByRole('group', { name: 'Direction' }).getByRole('radio', { name: /^All/ })
  await tabTo(page, all)
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('group', { name: 'Direction' }).getByRole('radio', { name: /^Sent/ })).toBeChecked()
  await expect(rows).not.toHaveCount(total)
  await page.keyboard.press('ArrowLeft')
  await expect(rows).toHaveCount(total)

  const connect = page.getByRole('button', { name: 'Connect with an adviser' })
  await heading.focus()
  await tabTo(page, connect)
  await page.keyboard.press('Enter')
  const field = page.getByRole('dialog').getByLabel('Referral code')
  await expect(field).toBeFocused()
  await page.keyboard.type('ffp6c3x9')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(connect).toBeFocused()
  await expect(rows.first()).toContainText('Fenland Financial Planning')
  await expect(rows).toHaveCount(total + 1)
})
