import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { sandboxRequests, setSandboxFaults } from './fixtures/sandbox'
import { goToView, openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'

/*
 * The conversation thread's states and writes, through the same primitives as every other view: its
 * failure with "Try again" (ListState), and the message box and inline edit (the form state) — Plannr's
 * message at the text, and a write kept on this computer announced as kept, not as sent. Then the
 * referral notice that follows its request to Plannr. Driven through the real UI against the sandbox.
 */

/** How a row whose write is not yet on Plannr reads. */
const PENDING = /Waiting for connection|Sending…/
const KEPT = 'on this computer: it will be sent to Plannr when it can be reached'

const conversationButtons = (page: Page) => page.getByRole('list', { name: 'Conversations' }).locator('button[data-uuid]')
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
const mine = (page: Page) => messages(page).filter({ has: page.getByRole('button', { name: /^Edit message/ }) })
const announced = (page: Page) => page.locator('[data-announcer]')
const threadState = (thread: Locator) => thread.locator('[data-list-state]')

/** Opens the conversation in the list's row `index`; returns its title and the thread's region. */
async function openConversation(page: Page, index: number): Promise<{ title: string; thread: Locator }> {
  const button = conversationButtons(page).nth(index)
  const title = (await button.getAttribute('title'))!
  await button.click()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  return { title, thread: page.getByRole('region', { name: title }) }
}

test('a thread that cannot be loaded says why, offers “Try again”, and shows its messages once Plannr answers', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  await expect(conversationButtons(page).nth(3)).toBeVisible()
  // Out of reach before this conversation's messages were ever fetched: nothing to show from this computer.
  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
  const { title, thread } = await openConversation(page, 3)
  const problem = thread.getByRole('alert').filter({ hasText: 'Messages could not be loaded' })
  await expect(problem).toBeVisible({ timeout: 30_000 })
  await expect(problem).toContainText('Can’t reach Plannr')
  await expect(threadState(thread)).toHaveAttribute('data-list-state', 'failed')
  // No message box while there is no thread to write in; the log region stays for screen readers.
  await expect(page.getByRole('textbox', { name: `Message to ${title}` })).toHaveCount(0)
  await expect(page.getByRole('log', { name: `New messages in ${title}` })).toBeAttached()
  await page.screenshot({ path: test.info().outputPath('thread-failed.png') })

  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
  await thread.getByRole('button', { name: 'Try again' }).press('Enter')
  await expect(threadState(thread)).toHaveAttribute('data-list-state', 'rows', { timeout: 30_000 })
  await expect(problem).toHaveCount(0)
  await expect(messages(page).last()).toBeVisible()
  await expect(thread).toHaveAttribute('aria-busy', 'false')
  // The button went with the error: focus is in the message box (the conversation was opened to write
  // in), not lost to the page.
  await expect(page.getByRole('textbox', { name: `Message to ${title}` })).toBeFocused()
  await page.screenshot({ path: test.info().outputPath('thread-recovered.png') })
})

test('Plannr’s message about a message is shown at the text, which is kept', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  const { title } = await openConversation(page, 0)
  const composer = page.getByRole('textbox', { name: `Message to ${title}` })
  await composer.fill('Refused by Plannr')
  await setSandboxFaults(request, preview.sandboxUrl, {
    queue: [{ status: 422, method: 'POST', body: { message: 'The contents may not contain that.', errors: { contents: ['The contents may not contain that.'] } } }],
  })
  await composer.press('Enter')
  await expect(composer).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('The contents may not contain that.')).toBeVisible()
  await expect(composer).toHaveValue('Refused by Plannr')
  await expect(composer).toBeFocused()
  await expect(messages(page).filter({ hasText: 'Refused by Plannr' })).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('thread-refused.png') })
  // Changing the text takes the message away.
  await composer.press('End')
  await composer.press('!')
  await expect(composer).not.toHaveAttribute('aria-invalid', 'true')
})

test('a message sent or edited while Plannr is out of reach is announced as kept on this computer, not as sent', async ({ app: page, preview, request }) => {
  await openDemoWorkspace(page)
  const { title } = await openConversation(page, 0)
  await expect(mine(page).last()).toBeVisible()
  const stamp = Date.now()
  await setSandboxFaults(request, preview.sandboxUrl, { offline: true })

  // An edit of one's own message already on Plannr.
  const own = mine(page).last()
  await own.getByRole('button', { name: /^Edit message/ }).click()
  const editor = page.getByRole('textbox', { name: 'Edit your message' })
  await editor.fill(`Edited offline ${stamp}`)
  await editor.press('Enter')
  await expect(editor).toHaveCount(0)
  await expect(messages(page).filter({ hasText: `Edited offline ${stamp}` })).toContainText(PENDING)
  await expect(announced(page)).toHaveText(`Edit kept ${KEPT}`)

  // A new message.
  const composer = page.getByRole('textbox', { name: `Message to ${title}` })
  await composer.fill(`Sent offline ${stamp}`)
  await composer.press('Enter')
  await expect(messages(page).filter({ hasText: `Sent offline ${stamp}` })).toContainText(PENDING)
  await expect(composer).toHaveValue('')
  await expect(composer).toBeFocused()
  await expect(announced(page)).toHaveText(`Message kept ${KEPT}`)
  await expect(announced(page)).not.toHaveText(/Message sent/)
  await page.screenshot({ path: test.info().outputPath('thread-kept.png') })
  await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
})

/**
 * Asks for a connection by referral code while Plannr is out of reach, sees the "waiting" notice, then
 * brings Plannr back and makes a request reach it ("Sync now"), which sends what waited in the background.
 */
async function requestOfflineThenReconnect(page: Page, request: APIRequestContext, sandboxUrl: string, code: string): Promise<Locator> {
  await openDemoWorkspace(page)
  await goToView(page, 'Referral connections')
  await expect(page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem').first()).toBeVisible()
  const notice = page.getByRole('status').filter({ hasText: /Request (waiting to be sent|sent to|not accepted)/ })

  await setSandboxFaults(request, sandboxUrl, { offline: true })
  await page.getByRole('button', { name: 'Connect with an adviser' }).click()
  const dialog = page.getByRole('dialog', { name: 'Connect with an adviser' })
  await dialog.getByRole('textbox', { name: 'Referral code' }).fill(code)
  await dialog.getByRole('button', { name: 'Send request' }).click()
  await expect(dialog).toBeHidden()
  await expect(notice).toContainText('Request waiting to be sent')

  // Plannr back: the first request that reaches it wakes the outbox; nothing more is asked of the user here.
  await setSandboxFaults(request, sandboxUrl, { offline: false })
  await page.getByRole('contentinfo', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click()
  return notice
}

test('the “waiting to be sent” notice says the request was sent once it reaches Plannr in the background', async ({ app: page, preview, request }) => {
  const notice = await requestOfflineThenReconnect(page, request, preview.sandboxUrl, 'WWM4P7R2')
  await expect(notice).toContainText(/Request sent to (?!Referral code)/, { timeout: 30_000 })
  await expect(notice).not.toContainText('waiting to be sent')
  await expect(page.getByRole('list', { name: 'Referral connections' }).locator('[data-outbox]')).toHaveCount(0)
  // It reached Plannr once.
  const posts = (await sandboxRequests(request, preview.sandboxUrl)).filter((entry) => entry.method === 'POST' && /referral/i.test(entry.path) && entry.status >= 200 && entry.status < 300)
  expect(posts).toHaveLength(1)
  await page.screenshot({ path: test.info().outputPath('referral-delivered.png') })
})

test('the “waiting to be sent” notice says so when Plannr refuses the request in the background', async ({ app: page, preview, request }) => {
  // An unknown code: Plannr refuses it once it can be reached.
  const notice = await requestOfflineThenReconnect(page, request, preview.sandboxUrl, 'ZZZZ9999')
  await expect(notice).toContainText('Request not accepted by Plannr', { timeout: 30_000 })
  await expect(notice).toContainText('Fix the code or discard the request in Outbox')
  await expect(notice).not.toContainText('waiting to be sent')
})
