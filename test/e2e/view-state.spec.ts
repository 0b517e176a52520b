import type { Page } from '@playwright/test'
import { openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'

/*
 * Views keep their state when the adviser switches away and back: the search typed, the record opened,
 * and how far the list was scrolled.
 */

test.use({ sandboxSize: 'demo' })

/** How far the visible view's scrolled list is down, marking it so the same element is read later. */
async function scrolledBy(page: Page): Promise<number> {
  return page.evaluate(() => {
    const marked = document.querySelector<HTMLElement>('[data-test-scrolled]')
    if (marked) return marked.scrollTop
    const scroller = [...document.querySelectorAll<HTMLElement>('.view:not([hidden]) *')].find((el) => el.scrollTop > 0)
    scroller?.setAttribute('data-test-scrolled', '')
    return scroller?.scrollTop ?? 0
  })
}

test('switching views keeps each view’s search, selection and scroll position', async ({ app: page }) => {
  await openDemoWorkspace(page)
  await page.keyboard.press('Control+3')
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible()
  const clients = page.getByRole('list', { name: 'Clients' })
  await expect(clients.getByRole('listitem').first()).toBeVisible()

  // Scroll well down the list, then open a client from there.
  await clients.hover()
  await page.mouse.wheel(0, 2_000)
  await expect.poll(() => scrolledBy(page)).toBeGreaterThan(500)
  const chosen = clients.getByRole('listitem').nth(3)
  const name = ((await chosen.locator('.name, strong, h3').first().textContent()) ?? '').trim()
  await chosen.click()
  await expect(page.getByRole('heading', { name, exact: true }).first()).toBeVisible()
  const scrolled = await scrolledBy(page)
  expect(scrolled).toBeGreaterThan(500)

  // Away to Circles, with a search there too.
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('heading', { level: 1, name: 'Circles' })).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search circles' }).fill('family')

  // Back: the client is still open and the list where it was.
  await page.keyboard.press('Control+3')
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible()
  await expect(page.getByRole('heading', { name, exact: true }).first()).toBeVisible()
  expect(Math.abs((await scrolledBy(page)) - scrolled)).toBeLessThan(2)

  // And Circles kept its search.
  await page.keyboard.press('Control+2')
  await expect(page.getByRole('searchbox', { name: 'Search circles' })).toHaveValue('family')
})
