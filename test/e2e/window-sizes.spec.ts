import type { Locator, Page, TestInfo } from '@playwright/test'
import { allViolations } from './fixtures/axe'
import { test, expect } from './fixtures/web-preview'
import { goToView, mainNav, openDemoWorkspace } from './fixtures/screens'

/*
 * Every view at four sizes: a 1280×800 screen at 400% zoom (320×200 CSS px, WCAG 1.4.10 reflow) and at
 * 200% (640×400), the smallest window the app allows (800×560), and a large screen (1920×1080). At each:
 * no horizontal scrolling anywhere, and the view's primary content (its heading, search, rows, the open
 * item and the dialog buttons) reachable and in view, not cut off.
 */

const SIZES = [
  { name: '400% zoom (320×200 CSS px)', width: 320, height: 200 },
  { name: '200% zoom (640×400 CSS px)', width: 640, height: 400 },
  { name: 'the smallest window (800×560)', width: 800, height: 560 },
  { name: 'a large screen (1920×1080)', width: 1920, height: 1080 },
] as const

/** No scroll container in the page (the page included) scrolls sideways. */
async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const found: string[] = []
    const root = document.scrollingElement ?? document.documentElement
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the page (${root.scrollWidth} > ${root.clientWidth})`)
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(element)
      if (!['auto', 'scroll'].includes(style.overflowX)) continue
      if (element.scrollWidth > element.clientWidth + 1) found.push(`${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth})`)
    }
    return found
  })
  expect(overflowing, `horizontal scrolling in ${where}`).toEqual([])
}

/** Scrolls `target` into view as a user would, then expects all of it inside the window. */
async function expectShownWhole(page: Page, target: Locator, what: string, ratio = 0.99): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  await expect(target, what).toBeVisible()
  const box = await target.boundingBox()
  const size = page.viewportSize()!
  expect(box, what).not.toBeNull()
  expect(box!.x, `${what}: left edge`).toBeGreaterThanOrEqual(-1)
  expect(box!.x + box!.width, `${what}: right edge`).toBeLessThanOrEqual(size.width + 1)
  expect(box!.height, `${what}: height`).toBeGreaterThan(8)
  await expect(target, what).toBeInViewport({ ratio: box!.height > size.height ? 0.5 : ratio })
}

async function shot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' })
}

for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } })

    test('each view keeps its content in view without horizontal scrolling', async ({ app: page }, testInfo) => {
      test.setTimeout(120_000)
      await expectShownWhole(page, page.getByRole('button', { name: 'Explore the demo workspace' }), 'the welcome screen’s demo button')
      await expectNoHorizontalScroll(page, 'the welcome screen')
      await openDemoWorkspace(page)
      const main = page.getByRole('main')
      // The navigation stays whole: every view is one press away.
      for (const name of ['Conversations', 'Circles', 'Contacts', 'Referral connections']) {
        await expectShownWhole(page, mainNav(page).getByRole('button', { name, exact: true }), `the ${name} button`)
      }

      // Conversations: the list with rows, then one open (its thread and message box), then back.
      const conversations = page.getByRole('list', { name: 'Conversations' })
      await expect(conversations.getByRole('listitem').first()).toBeVisible()
      // The folded sidebar (a rail or a bar) names every control as the full one does.
      expect(await allViolations(page), 'the shell at this size').toEqual([])
      await expectShownWhole(page, main.getByRole('heading', { level: 1, name: 'Conversations' }), 'the Conversations heading')
      await expectShownWhole(page, page.getByRole('searchbox', { name: 'Search conversations' }), 'the conversation search')
      const firstConversation = conversations.getByRole('button').first()
      await expectShownWhole(page, firstConversation, 'the first conversation')
      // At least a few rows show at once, never a one-line sliver.
      expect((await conversations.locator('..').boundingBox())!.height).toBeGreaterThan(150)
      await shot(page, testInfo, 'conversations')
      await expectNoHorizontalScroll(page, 'Conversations')
      await firstConversation.click()
      const composer = page.getByRole('textbox', { name: /^Message to / })
      await expect(composer).toBeFocused()
      await expectShownWhole(page, page.getByRole('heading', { level: 2 }).first(), 'the thread’s title')
      // A long message may be taller than the reading area at 400%: most of it shows, the rest scrolls.
      await expectShownWhole(page, page.getByRole('list', { name: 'Messages' }).getByRole('listitem').last(), 'the newest message', 0.5)
      await expectShownWhole(page, composer, 'the message box')
      await expectShownWhole(page, page.getByRole('button', { name: 'Send', exact: true }), 'the Send button')
      await shot(page, testInfo, 'a conversation open')
      await expectNoHorizontalScroll(page, 'an open conversation')
      const back = page.getByRole('button', { name: 'All conversations' })
      if (await back.isVisible()) {
        // Narrow: the thread took the list's place; Back returns to the conversation's row.
        await back.click()
        await expect(firstConversation).toBeFocused()
      } else {
        await expect(firstConversation).toBeVisible()
      }

      // A dialog's buttons stay in view, however short the window.
      await page.getByRole('button', { name: 'New conversation' }).first().click()
      const create = page.getByRole('dialog', { name: 'New conversation' })
      await expectShownWhole(page, create.getByRole('button', { name: 'Create conversation' }), 'the Create button')
      await shot(page, testInfo, 'new conversation dialog')
      await page.keyboard.press('Escape')
      await expect(create).toHaveCount(0)

      // Circles: rows with their names whole, then a circle's details beside (or instead of) them.
      await goToView(page, 'Circles')
      const circles = page.getByRole('list', { name: 'Circles' })
      await expect(circles.getByRole('listitem').first()).toBeVisible()
      await expectShownWhole(page, page.getByRole('searchbox', { name: 'Search circles' }), 'the circle search')
      const firstCircle = circles.getByRole('button').first()
      await expectShownWhole(page, firstCircle, 'the first circle')
      expect((await circles.locator('..').boundingBox())!.height).toBeGreaterThan(150)
      await expectNoHorizontalScroll(page, 'Circles')
      await firstCircle.click()
      const close = page.getByRole('button', { name: /^Close/ })
      await expectShownWhole(page, close, 'the details’ Close button')
      // The names are not cut short while the details are open.
      const names = await circles.locator('button[data-row-focus]').evaluateAll((buttons) =>
        buttons.filter((button) => button.getClientRects().length > 0).map((button) => button.scrollWidth <= button.clientWidth + 1),
      )
      expect(names.every(Boolean), 'every circle name shown whole').toBe(true)
      await shot(page, testInfo, 'a circle open')
      await expectNoHorizontalScroll(page, 'a circle’s details')
      await close.click()
      await expect(firstCircle).toBeFocused()

      // Contacts: a client's card and the add-number dialog with its Save button in view.
      await goToView(page, 'Contacts')
      const clients = page.getByRole('list', { name: 'Clients' })
      await expectShownWhole(page, page.getByRole('searchbox', { name: 'Search by name, email or phone' }), 'the client search')
      const firstClient = clients.getByRole('button').first()
      await expectShownWhole(page, firstClient, 'the first client')
      await firstClient.click()
      const add = page.getByRole('button', { name: 'Add phone number' })
      await expectShownWhole(page, add, 'the Add phone number button')
      await shot(page, testInfo, 'a client open')
      await expectNoHorizontalScroll(page, 'Contacts')
      await add.click()
      const dialog = page.getByRole('dialog', { name: 'Add contact detail' })
      await expectShownWhole(page, dialog.getByRole('button', { name: 'Save', exact: true }), 'the dialog’s Save button')
      await shot(page, testInfo, 'add contact detail dialog')
      await page.keyboard.press('Escape')
      await expect(dialog).toHaveCount(0)

      // Referral connections: the connect button and the rows.
      await goToView(page, 'Referral connections')
      await expectShownWhole(page, page.getByRole('button', { name: 'Connect with an adviser' }), 'the Connect button')
      await expectShownWhole(page, page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem').first(), 'the first connection')
      await shot(page, testInfo, 'referral connections')
      await expectNoHorizontalScroll(page, 'Referral connections')

      // Signing out stays in reach.
      await expectShownWhole(page, page.getByRole('button', { name: 'Sign out' }), 'the Sign out button')
    })
  })
}
