import type { Locator } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'
import { goToView, mainNav, openDemoWorkspace } from './fixtures/screens'

/*
 * High contrast (Windows' forced colours): the OS replaces the page's colours, so backgrounds and shadows
 * that mark "current" and "selected" vanish. Each such item must still look different from its neighbours.
 */
test.use({ forcedColors: 'active' })

async function looks(item: Locator): Promise<string> {
  return item.evaluate((element) => {
    const style = getComputedStyle(element)
    return [style.backgroundColor, style.color, style.outlineStyle, style.borderColor].join(' | ')
  })
}

test('in forced colours the current view, open conversation, selected circle, chosen filter and colour swatch stand out', async ({
  app: page,
}, testInfo) => {
  await openDemoWorkspace(page)
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true)

  // The current view in the sidebar.
  const nav = mainNav(page)
  const current = nav.locator('[aria-current="page"]')
  await expect(current).toHaveText(/Conversations/)
  expect(await looks(current)).not.toBe(await looks(nav.getByRole('button', { name: 'Circles', exact: true })))

  // The open conversation.
  const conversations = page.getByRole('list', { name: 'Conversations' })
  await conversations.getByRole('button').first().click()
  const open = conversations.locator('[aria-current="true"] button[data-row-focus]')
  await expect(open).toHaveCount(1)
  const other = conversations.locator('li:not([aria-current]) button[data-row-focus]').first()
  expect(await looks(open)).not.toBe(await looks(other))
  await testInfo.attach('conversations, forced colours', { body: await page.screenshot(), contentType: 'image/png' })

  // The selected circle, and its colour swatch (which forced colours would otherwise blank).
  await goToView(page, 'Circles')
  const circles = page.getByRole('list', { name: 'Circles' })
  await circles.getByRole('button').first().click()
  const selected = circles.locator('li[aria-current="true"] .row')
  await expect(selected).toHaveCount(1)
  expect(await looks(selected)).not.toBe(await looks(circles.locator('li:not([aria-current]) .row').first()))
  const swatch = page.locator('.swatch')
  const colour = await page.getByText(/^#[0-9a-f]{6}$/i).first().textContent()
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour!.slice(i, i + 2), 16))
  await expect(swatch).toHaveCSS('background-color', `rgb(${r}, ${g}, ${b})`)
  await testInfo.attach('circles, forced colours', { body: await page.screenshot(), contentType: 'image/png' })

  // The chosen status filter.
  await goToView(page, 'Referral connections')
  const status = page.getByRole('group', { name: 'Status' })
  const chosen = status.locator('label:has(input:checked)')
  const notChosen = status.locator('label:not(:has(input:checked))').first()
  expect(await looks(chosen)).not.toBe(await looks(notChosen))
  await testInfo.attach('referrals, forced colours', { body: await page.screenshot(), contentType: 'image/png' })
})
