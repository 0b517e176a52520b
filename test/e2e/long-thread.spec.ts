import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'
import { setSandboxFaults } from './fixtures/sandbox'
import { openDemoWorkspace } from './fixtures/screens'

/*
 * The sandbox's "Ongoing planning notes": 400 messages, 14 pages of 30. Reading all of it, from the newest
 * at the bottom back to the first and down again, the page holds only the messages in view (and a few
 * either side), never the whole thread; and a message written while Plannr is out of reach is scrolled
 * into view at once, named for its author in the conversation list.
 */

const LONG_THREAD = 'Ongoing planning notes'
const TOTAL = 400

function messages(page: Page): Locator {
  return page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
}

function scroller(page: Page): Locator {
  return page.locator('.thread .scroller')
}

async function openLongThread(page: Page): Promise<void> {
  await openDemoWorkspace(page)
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('ongoing planning')
  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: LONG_THREAD })
  await expect(row).toHaveCount(1)
  await row.getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 2, name: LONG_THREAD })).toBeVisible()
  await expect(messages(page).last()).toBeVisible()
}

/** How the thread stands: rows and elements in the page, messages loaded, and where it is scrolled. */
async function threadState(page: Page) {
  return scroller(page).evaluate((element) => {
    const list = element.querySelector('[aria-label="Messages"]')
    return {
      rows: list?.querySelectorAll(':scope > li').length ?? 0,
      elements: element.querySelectorAll('*').length,
      loaded: Number(list?.querySelector(':scope > li')?.getAttribute('aria-setsize') ?? 0),
      fromTop: element.scrollTop,
      fromBottom: element.scrollHeight - element.scrollTop - element.clientHeight,
    }
  })
}

test('a 400-message thread keeps the page small from the newest message to the first and back', async ({ app: page }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLongThread(page)
  // It opens at the newest message.
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeLessThan(5)
  const opened = await threadState(page)
  expect(opened.loaded).toBe(30)

  // Scroll to the top again and again: each time the page before arrives, and what was read stays put.
  let most = opened
  for (let loads = 0; loads < 20; loads++) {
    const before = await threadState(page)
    if (before.loaded >= TOTAL) break
    await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
    await expect.poll(async () => (await threadState(page)).loaded).toBeGreaterThan(before.loaded)
    // The oldest message, at the top when the page before was asked for, is still in view: not pushed off by the older ones.
    const after = await threadState(page)
    await expect(scroller(page).locator(`li[data-index="${after.loaded - before.loaded}"]`)).toBeInViewport()
    most = { ...after, rows: Math.max(most.rows, after.rows), elements: Math.max(most.elements, after.elements) }
  }
  await expect.poll(async () => (await threadState(page)).loaded).toBe(TOTAL)
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
  await expect(page.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0)
  await expect(messages(page).first()).toContainText("it's that time of year again")

  // And back down to the newest, a screen at a time.
  for (let step = 0; step < 200; step++) {
    const state = await threadState(page)
    most = { ...state, rows: Math.max(most.rows, state.rows), elements: Math.max(most.elements, state.elements) }
    if (state.fromBottom < 5) break
    await scroller(page).evaluate((element) => element.scrollBy({ top: element.clientHeight }))
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  }
  expect((await threadState(page)).fromBottom).toBeLessThan(5)

  // All 400 are loaded; the page never held more than a screenful and the overscan either side.
  expect(most.rows).toBeLessThanOrEqual(40)
  expect(most.elements).toBeLessThan(40 * 20)
  expect(most.rows).toBeLessThan(TOTAL / 8)
})

test('a message written offline is scrolled into view at once, and the list names its author', async ({ app: page, preview, request }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLongThread(page)
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeLessThan(5)
  // Reading further up when writing.
  await scroller(page).evaluate((element) => element.scrollBy({ top: -1500 }))
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeGreaterThan(1000)

  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
  const composer = page.getByRole('textbox', { name: `Message to ${LONG_THREAD}` })
  await composer.fill('Written with no connection')
  await composer.press('Enter')
  const pending = messages(page).filter({ hasText: 'Written with no connection' })
  await expect(pending).toContainText(/Waiting for connection|Sending…/)
  await expect(pending).toBeInViewport()
  await expect(composer).toBeFocused()
  await expect(composer).toHaveValue('')

  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: LONG_THREAD })
  await expect(row).toContainText('Sophie Turner: Written with no connection')

  // A second one, queued behind the first: the same.
  await scroller(page).evaluate((element) => element.scrollBy({ top: -1500 }))
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeGreaterThan(1000)
  await composer.fill('And a second one')
  await composer.press('Enter')
  const second = messages(page).filter({ hasText: 'And a second one' })
  await expect(second).toContainText(/Waiting for connection|Sending…/)
  await expect(second).toBeInViewport()
  await expect(composer).toBeFocused()
  // Its send answers once the outbox has tried it (behind the first one): the box empties, focus still in it.
  await expect(composer).toHaveValue('', { timeout: 30_000 })
  await expect(composer).toBeFocused()
  await expect(row).toContainText('Sophie Turner: And a second one')
  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
})

test('every message’s actions stay reachable by keyboard, however far back it is', async ({ app: page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openLongThread(page)
  const composer = page.getByRole('textbox', { name: `Message to ${LONG_THREAD}` })
  await expect(composer).toBeFocused()
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeLessThan(5)
  // Load a few pages, then walk up the rows with the arrow keys, far past what is rendered.
  for (let pages = 0; pages < 3; pages++) {
    const before = (await threadState(page)).loaded
    await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }))
    await expect.poll(async () => (await threadState(page)).loaded).toBeGreaterThan(before)
  }
  const loaded = (await threadState(page)).loaded
  await scroller(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeLessThan(5)

  // The rows are one Tab stop, just before the message box (after the newest message's own Edit).
  await composer.focus()
  const rows = page.getByRole('list', { name: 'Messages' })
  for (let i = 0; i < 3 && !(await page.evaluate(() => document.activeElement?.matches('li[data-index]') ?? false)); i++) await page.keyboard.press('Shift+Tab')
  const newest = rows.locator(`li[data-index="${loaded - 1}"]`)
  await expect(newest).toBeFocused()

  // Far up: 60 rows back (rendered only as focus reaches them), then the nearest of one's own messages.
  for (let i = 0; i < 60; i++) await page.keyboard.press('ArrowUp')
  const far = rows.locator(`li[data-index="${loaded - 61}"]`)
  await expect(far).toBeFocused()
  await expect(far).toBeInViewport()
  expect((await threadState(page)).rows).toBeLessThanOrEqual(40)
  while (!(await page.evaluate(() => document.activeElement?.querySelector('button') !== null))) await page.keyboard.press('ArrowUp')
  const mine = page.locator('li[data-index]:focus')
  const index = Number(await mine.getAttribute('data-index'))
  expect(index).toBeLessThan(loaded - 61)
  await page.keyboard.press('Tab')
  const edit = rows.locator(`li[data-index="${index}"]`).getByRole('button', { name: /^Edit message/ })
  await expect(edit).toBeFocused()
  await page.keyboard.press('Enter')
  const editor = page.getByRole('textbox', { name: 'Edit your message' })
  await expect(editor).toBeFocused()
  // Scrolled far away while editing, the draft is kept: the row being edited stays in the page.
  await editor.pressSequentially(' (draft)')
  await scroller(page).evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect.poll(async () => (await threadState(page)).fromBottom).toBeLessThan(5)
  await expect(editor).toHaveValue(/ \(draft\)$/)
  await editor.press('Escape')
  await expect(edit).toBeFocused()
  await expect(edit).toBeInViewport()

  // F6 still moves between the list of conversations and the message box.
  await composer.focus()
  await page.keyboard.press('F6')
  await expect(page.getByRole('list', { name: 'Conversations' }).locator('li[aria-current="true"] button[data-row-focus]')).toBeFocused()
  await page.keyboard.press('F6')
  await expect(composer).toBeFocused()
})
