import type { Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'

/*
 * Every main task done with the keyboard alone, as an adviser who cannot use a mouse would: where focus
 * is after each step is asserted, and it is never left on <body> (where the next Tab starts over at the
 * top of the page). Screen-reader announcements for results that move nothing on screen are checked too.
 */

/** Focus is on `target` — and so, not on the page's body. */
async function focusIsOn(page: Page, target: Locator, step: string): Promise<void> {
  await expect(target, step).toBeFocused()
  expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null), `${step}: not on <body>`).toBe(true)
}

/** Presses Tab (or Shift+Tab) until `target` has focus; focus never falls to <body> on the way. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<number> {
  const max = options.max ?? 25
  for (let presses = 0; presses <= max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab')
    expect(await page.evaluate(() => document.activeElement !== document.body), 'Tab never lands on <body>').toBe(true)
  }
  await expect(target, `reachable within ${max} presses`).toBeFocused()
  return max
}

/** Ctrl+`key` opens the view called `name`, with focus on its heading. */
async function openViewByShortcut(page: Page, key: string, name: string): Promise<void> {
  await page.keyboard.press(`Control+${key}`)
  await focusIsOn(page, page.getByRole('heading', { level: 1, name }), name)
}

function announced(page: Page): Locator {
  return page.locator('[data-announcer]')
}

test('every main task can be done with the keyboard alone, focus always somewhere useful', async ({ app: page }) => {
  test.setTimeout(120_000)
  const welcome = page.getByRole('heading', { level: 1, name: 'Plannr Desktop' })
  await focusIsOn(page, welcome, 'the welcome screen starts at its heading')
  await tabTo(page, page.getByRole('button', { name: 'Explore the demo workspace' }))
  await page.keyboard.press('Enter')
  const conversationsHeading = page.getByRole('heading', { level: 1, name: 'Conversations' })
  await focusIsOn(page, conversationsHeading, 'signed in: the first view’s heading')

  // Switch views: each starts at its heading.
  for (const [key, name] of [['2', 'Circles'], ['3', 'Contacts'], ['4', 'Referral connections'], ['1', 'Conversations']] as const) {
    await page.keyboard.press(`Control+${key}`)
    await focusIsOn(page, page.getByRole('heading', { level: 1, name, exact: true }), `Ctrl+${key} opens ${name}`)
  }

  // Conversations: the list is one Tab stop; arrows move within it; Enter opens a conversation at its message box.
  const list = page.getByRole('list', { name: 'Conversations' })
  const rowButtons = list.locator('button[data-row-focus]')
  await expect(rowButtons.first()).toBeVisible()
  await tabTo(page, rowButtons.first())
  await page.keyboard.press('ArrowDown')
  await focusIsOn(page, rowButtons.nth(1), 'ArrowDown moves to the next conversation')
  await page.keyboard.press('ArrowUp')
  await focusIsOn(page, rowButtons.first(), 'ArrowUp moves back')
  await page.keyboard.press('Tab')
  expect(await list.evaluate((element) => element.contains(document.activeElement)), 'one Tab leaves the list').toBe(false)
  await page.keyboard.press('Shift+Tab')
  await focusIsOn(page, rowButtons.first(), 'Shift+Tab comes back to the same row')

  const title = (await rowButtons.first().getAttribute('title'))!
  await page.keyboard.press('Enter')
  const composer = page.getByRole('textbox', { name: `Message to ${title}` })
  await focusIsOn(page, composer, 'opening a conversation puts focus in its message box')

  // Send with Enter: focus stays in the box, and it is announced.
  await page.keyboard.type('Sent from the keyboard')
  await page.keyboard.press('Enter')
  const messages = page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
  await expect(messages.last()).toContainText('Sent from the keyboard')
  await focusIsOn(page, composer, 'after sending')
  await expect(composer).toHaveValue('')
  await expect(announced(page)).toHaveText('Message sent')

  // Edit it: Shift+Tab reaches its Edit button; after saving, focus is back on that button.
  const mine = messages.last()
  const edit = mine.getByRole('button', { name: /^Edit message/ })
  await tabTo(page, edit, { back: true, max: 3 })
  await page.keyboard.press('Enter')
  const editor = page.getByRole('textbox', { name: 'Edit your message' })
  await focusIsOn(page, editor, 'editing starts in the edit box')
  await page.keyboard.type(', edited')
  await page.keyboard.press('Enter')
  await expect(mine).toContainText('(edited)')
  await focusIsOn(page, edit, 'after saving an edit, focus is back on its Edit button')
  await expect(announced(page)).toHaveText('Message edited')

  // F6 moves between the list and the open conversation.
  await page.keyboard.press('F6')
  const openRow = list.locator('li[aria-current="true"] button[data-row-focus]')
  await focusIsOn(page, openRow, 'F6 from the thread goes to the open conversation’s row')
  await page.keyboard.press('F6')
  await focusIsOn(page, composer, 'F6 from the list goes to the message box')

  // Pin from the keyboard: Right reaches the row's pin; the list re-sorts, focus follows the conversation.
  await page.keyboard.press('F6')
  const unpinned = list.locator('li:has(button[data-pin][aria-pressed="false"])').first()
  const uuid = (await unpinned.locator('[data-conversation]').getAttribute('data-conversation'))!
  const index = Number(await unpinned.getAttribute('data-index'))
  const current = Number(await list.locator('li[aria-current="true"]').getAttribute('data-index'))
  for (let i = current; i < index; i++) await page.keyboard.press('ArrowDown')
  await focusIsOn(page, unpinned.locator('button[data-row-focus]'), 'arrows reach an unpinned conversation')
  await page.keyboard.press('ArrowRight')
  const pin = list.locator(`[data-conversation="${uuid}"] [data-pin]`)
  await focusIsOn(page, pin, 'ArrowRight reaches its pin button')
  await page.keyboard.press('Enter')
  await expect(pin).toHaveAttribute('aria-pressed', 'true')
  await expect(announced(page)).toHaveText('Pinned')
  await expect.poll(async () => Number(await list.locator(`li:has([data-conversation="${uuid}"])`).getAttribute('data-index'))).toBeLessThan(index)
  await focusIsOn(page, pin, 'after pinning (the list re-sorted), focus is on the same conversation’s pin')
  await page.keyboard.press('Enter')
  await expect(pin).toHaveAttribute('aria-pressed', 'false')
  await expect(announced(page)).toHaveText('Unpinned')
  await focusIsOn(page, pin, 'after unpinning, still on it')
  await page.keyboard.press('ArrowLeft')
  await focusIsOn(page, list.locator(`[data-conversation="${uuid}"] [data-row-focus]`), 'ArrowLeft goes back to the row')

  // Start a conversation: Shift+Tab back to New; Enter in the title creates it; focus lands in its message box.
  const newButton = page.getByRole('button', { name: 'New conversation' })
  await tabTo(page, newButton, { back: true, max: 8 })
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'New conversation' })
  await focusIsOn(page, dialog.getByLabel('Title'), 'the dialog starts at its title')
  await page.keyboard.type('Keyboard-only review')
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await focusIsOn(page, page.getByRole('textbox', { name: 'Message to Keyboard-only review' }), 'a new conversation opens at its message box')

  // Open a circle: search, Tab into the list, arrows, Enter opens its details at their heading; Escape returns.
  await openViewByShortcut(page, '2', 'Circles')
  const circleSearch = page.getByRole('searchbox', { name: 'Search circles' })
  await tabTo(page, circleSearch)
  await page.keyboard.type('family')
  const circleRows = page.getByRole('list', { name: 'Circles' }).locator('button[data-row-focus]')
  await expect(page.getByRole('status').filter({ hasText: /match “family”/ })).toBeVisible()
  await tabTo(page, circleRows.first())
  await page.keyboard.press('ArrowDown')
  const second = circleRows.nth(1)
  await focusIsOn(page, second, 'ArrowDown in the circles list')
  const circleName = (await second.textContent())!.trim()
  await page.keyboard.press('Enter')
  await focusIsOn(page, page.getByRole('heading', { level: 2, name: circleName }), 'a circle opens at its name')
  await page.keyboard.press('Escape')
  await focusIsOn(page, page.getByRole('list', { name: 'Circles' }).getByRole('button', { name: circleName }), 'Escape closes it, back on its row')

  // Find a client and add a phone number.
  await openViewByShortcut(page, '3', 'Contacts')
  await tabTo(page, page.getByRole('searchbox', { name: 'Search by name, email or phone' }))
  await page.keyboard.type('a')
  await expect(page.getByRole('status').filter({ hasText: /match “a”/ })).toBeVisible()
  const clientRow = page.getByRole('list', { name: 'Clients' }).locator('button[data-row-focus]').first()
  await tabTo(page, clientRow)
  const clientName = (await clientRow.locator('.name').textContent())!.trim()
  await page.keyboard.press('Enter')
  const card = page.getByRole('region', { name: 'Client' })
  await focusIsOn(page, card.getByRole('heading', { level: 2, name: clientName }), 'a client opens at their name')
  const addPhone = card.getByRole('button', { name: 'Add phone number' })
  await tabTo(page, addPhone)
  await page.keyboard.press('Enter')
  const detailDialog = page.getByRole('dialog', { name: 'Add contact detail' })
  await expect(detailDialog).toBeVisible()
  await tabTo(page, detailDialog.getByRole('textbox', { name: 'Phone number' }))
  await page.keyboard.type('07911 123456')
  // Enter with a field missing: focus goes straight to it.
  await page.keyboard.press('Enter')
  await focusIsOn(page, detailDialog.getByRole('textbox', { name: 'Description' }), 'a missing description is where focus goes')
  await page.keyboard.type('Mobile')
  await page.keyboard.press('Enter')
  await expect(detailDialog).toHaveCount(0)
  await focusIsOn(page, addPhone, 'after adding, focus is back on Add phone number')
  await expect(announced(page)).toHaveText('Phone number added')
  await expect(card.getByRole('list', { name: 'Phone numbers' })).toContainText('07911 123456')
  // Escape closes the client's card, back on their row.
  await page.keyboard.press('Escape')
  await focusIsOn(page, clientRow, 'Escape closes the card, back on the client’s row')

  // Connect with an adviser by a code written as people write it.
  await openViewByShortcut(page, '4', 'Referral connections')
  const connect = page.getByRole('button', { name: 'Connect with an adviser' })
  await tabTo(page, connect)
  await page.keyboard.press('Enter')
  const code = page.getByRole('dialog', { name: 'Connect with an adviser' }).getByLabel('Referral code')
  await focusIsOn(page, code, 'the connect dialog starts at the code')
  await page.keyboard.type('ffp6-c3x9')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await focusIsOn(page, connect, 'after connecting, back on the button')
  await expect(page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem').first()).toContainText('Fenland Financial Planning')

  // The quick switcher: a conversation opens at its message box, from any view.
  await page.keyboard.press('Control+k')
  const find = page.getByRole('combobox', { name: 'Find a circle, client or conversation' })
  await focusIsOn(page, find, 'Ctrl+K starts in the search')
  await page.keyboard.type(title)
  await expect(page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('option').first()).toBeVisible()
  const option = page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('option').filter({ hasText: 'Conversation' }).first()
  await expect(option).toBeVisible()
  while ((await option.getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await focusIsOn(page, page.getByRole('textbox', { name: `Message to ${title}` }), 'the switcher opens a conversation at its message box')

  // Sign out.
  // The sidebar comes before the view: Shift+Tab from the message box reaches it.
  await tabTo(page, page.getByRole('button', { name: 'Sign out' }), { back: true, max: 40 })
  await page.keyboard.press('Enter')
  await focusIsOn(page, welcome, 'signed out: the welcome heading')
})
