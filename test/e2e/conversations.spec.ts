import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'
import { seriousViolations } from './fixtures/axe'
import { clearSandboxRequests, sandboxRequests, setSandboxFaults, type RecordedRequest } from './fixtures/sandbox'
import { openDemoWorkspace } from './fixtures/screens'

/** The adviser's token in the demo workspace (SANDBOX_TOKENS.adviser). */
const ADVISER_TOKEN = 'plannr-demo-adviser'

function list(page: Page): Locator {
  return page.getByRole('list', { name: 'Conversations' })
}

function rows(page: Page): Locator {
  return list(page).getByRole('listitem')
}

function pinButton(row: Locator): Locator {
  return row.getByRole('button', { name: /^Pin “/ })
}

function countStatus(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: /conversations?\b/ })
}

function messages(page: Page): Locator {
  return page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
}

async function openConversations(page: Page): Promise<void> {
  await openDemoWorkspace(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
  await expect(countStatus(page)).toHaveText(/^\d+ conversations?$/)
}

async function journal(request: APIRequestContext, sandboxUrl: string, method: string, path: string | RegExp): Promise<RecordedRequest[]> {
  return (await sandboxRequests(request, sandboxUrl)).filter(
    (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
  )
}

/** The account the app acts as, read from what it sent. */
async function actingAccount(request: APIRequestContext, sandboxUrl: string): Promise<string> {
  const [first] = await journal(request, sandboxUrl, 'GET', '/api/v1/conversation')
  const account = first?.headers['x-plannr-account-uuid']
  if (!account) throw new Error('the app has not listed conversations yet')
  return account
}

test.describe('with the demo-sized book', () => {
  test.use({ sandboxSize: 'demo' })

  test('the list: pinned first, pin and unpin, search by name, archived and circle filters', async ({ app: page, preview, request }) => {
    await openConversations(page)
    const total = Number(/^(\d+)/.exec((await countStatus(page).textContent()) ?? '')?.[1])
    expect(total).toBeGreaterThan(10)
    // The list renders only the rows in view: a window tall enough for all of them lets this check the whole order.
    await page.setViewportSize({ width: 1280, height: total * 96 + 400 })
    await expect(rows(page)).toHaveCount(total)

    // Pinned first (their toggles pressed), then the rest newest activity first.
    const pressed = await rows(page).evaluateAll((items) =>
      items.map((item) => item.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed') === 'true'),
    )
    const pinnedCount = pressed.filter(Boolean).length
    expect(pinnedCount).toBeGreaterThan(0)
    expect(pressed).toEqual([...Array<boolean>(pinnedCount).fill(true), ...Array<boolean>(total - pinnedCount).fill(false)])
    const times = await rows(page).evaluateAll((items) => items.map((item) => Date.parse(item.querySelector('time')?.getAttribute('datetime') ?? '')))
    const unpinnedTimes = times.slice(pinnedCount)
    expect(unpinnedTimes).toEqual([...unpinnedTimes].sort((a, b) => b - a))
    // A row shows its counts, a UK time and its tags.
    await expect(rows(page).first()).toContainText(/\d+ messages? · \d+ (people|person)/)
    // A linked case shows with its value in pounds, the UK way (Plannr sends pennies).
    await expect(rows(page).filter({ hasText: /Case: .+ · £\d{1,3}(,\d{3})*(\.\d\d)?/ }).first()).toBeVisible()

    // Pin the least recent one: it joins the pinned group at once, and Plannr got {pin: true}.
    await clearSandboxRequests(request, preview.sandboxUrl)
    const last = rows(page).last()
    const name = (await last.getByRole('button', { name: /^Pin “/ }).getAttribute('aria-label'))!.slice(5, -1)
    // Titles repeat ("Onboarding documents" with many clients): follow the row by its conversation's id.
    const uuid = (await last.locator('button[data-uuid]').getAttribute('data-uuid'))!
    await pinButton(last).click()
    const pinnedRow = rows(page).filter({ has: page.locator(`button[data-uuid="${uuid}"]`) })
    await expect(pinButton(pinnedRow)).toHaveAttribute('aria-pressed', 'true')
    // It sorts among the pinned ones (by its latest message, so last of them), ahead of every unpinned row.
    await expect(rows(page).nth(pinnedCount).locator(`button[data-uuid="${uuid}"]`)).toHaveCount(1)
    await expect(pinButton(rows(page).nth(pinnedCount + 1))).toHaveAttribute('aria-pressed', 'false')
    const pins = await journal(request, preview.sandboxUrl, 'POST', /^\/api\/v1\/conversation\/[^/]+\/pin$/)
    expect(pins.map((r) => [r.path, r.body])).toEqual([[`/api/v1/conversation/${uuid}/pin`, { pin: true }]])

    // And unpin it again.
    await pinButton(pinnedRow).click()
    await expect(pinButton(pinnedRow)).toHaveAttribute('aria-pressed', 'false')
    expect((await journal(request, preview.sandboxUrl, 'POST', /\/pin$/)).map((r) => r.body)).toEqual([{ pin: true }, { pin: false }])

    // Search by name happens in main over the cached list: nothing more is asked of Plannr.
    await clearSandboxRequests(request, preview.sandboxUrl)
    const word = name.split(/\s+/)[0]!
    await page.getByRole('searchbox', { name: 'Search conversations' }).fill(word.toLowerCase())
    await expect(countStatus(page)).toHaveText(new RegExp(`^\\d+ of ${total} conversations? match(es)? “${word.toLowerCase()}”$`))
    for (const title of await rows(page).locator('.name').allTextContents()) expect(title.toLowerCase()).toContain(word.toLowerCase())
    expect(await journal(request, preview.sandboxUrl, 'GET', '/api/v1/conversation')).toEqual([])
    await page.getByRole('searchbox', { name: 'Search conversations' }).press('Escape')
    await expect(countStatus(page)).toHaveText(`${total} conversations`)

    // Archived: a server-side filter, so Plannr is asked with filter[archived]=only.
    await page.getByLabel('Show').selectOption({ label: 'Archived' })
    await expect(countStatus(page)).toHaveText(/^\d+ archived conversations?$/)
    const archivedGets = await journal(request, preview.sandboxUrl, 'GET', '/api/v1/conversation')
    expect(archivedGets.map((r) => r.query['filter[archived]'])).toEqual(['only'])
    expect(await rows(page).count()).toBeGreaterThan(0)
    expect(await rows(page).count()).toBeLessThan(total)
    await page.getByLabel('Show').selectOption({ label: 'Active' })
    await expect(countStatus(page)).toHaveText(`${total} conversations`)

    // Plannr out of reach when a filter needs a fresh fetch: the error says so and "Try again" recovers.
    await setSandboxFaults(request, preview.sandboxUrl, { offline: true })
    await page.getByLabel('Show').selectOption({ label: 'All' })
    const failure = page.getByRole('alert').filter({ hasText: 'Conversations could not be loaded' })
    await expect(failure).toBeVisible({ timeout: 20_000 })
    await setSandboxFaults(request, preview.sandboxUrl, { offline: false })
    await page.getByRole('button', { name: 'Try again' }).click()
    await expect(countStatus(page)).toHaveText(/^\d+ conversations$/)
    expect(await rows(page).count()).toBeGreaterThan(total)
    await page.getByLabel('Show').selectOption({ label: 'Active' })
    await expect(countStatus(page)).toHaveText(`${total} conversations`)

    // Circle: a searchable picker over the stored circles, then a server-side filter[circle_uuids].
    await clearSandboxRequests(request, preview.sandboxUrl)
    const circle = page.getByRole('combobox', { name: 'Circle' })
    await circle.click()
    const option = page.getByRole('option').first()
    const circleName = ((await option.locator('.name').textContent()) ?? '').trim()
    expect(circleName).not.toBe('')
    await option.click()
    await expect(circle).toHaveValue(circleName)
    await expect(page.getByText(/^\d+ conversations?$|No conversations here/).first()).toBeVisible()
    await expect.poll(async () => (await journal(request, preview.sandboxUrl, 'GET', '/api/v1/conversation')).map((r) => r.query['filter[circle_uuids]'])).toHaveLength(1)
    const [asked] = (await journal(request, preview.sandboxUrl, 'GET', '/api/v1/conversation')).map((r) => r.query['filter[circle_uuids]'])
    expect(asked).toMatch(/^[\w-]+$/)
    // The picker asked main, not Plannr: the circles come from the store.
    expect(await journal(request, preview.sandboxUrl, 'GET', '/api/v1/circles')).toEqual([])

    expect(await seriousViolations(page)).toEqual([])
  })
})

test('a thread: read, load earlier by scrolling up, send with Enter, Shift+Enter for a new line, edit one’s own', async ({ app: page, preview, request }) => {
  await openConversations(page)
  const account = await actingAccount(request, preview.sandboxUrl)
  const first = rows(page).first()
  const uuid = await first.getByRole('button').first().getAttribute('data-uuid')
  // Make the thread longer than one page of 30, straight through "Plannr".
  for (let i = 1; i <= 35; i++) {
    const response = await request.post(`${preview.sandboxUrl}/api/v1/conversation/${uuid}/messages`, {
      headers: { Authorization: `Bearer ${ADVISER_TOKEN}`, 'X-PLANNR-ACCOUNT-UUID': account, Accept: 'application/json' },
      data: { contents: `Numbered note ${i}` },
    })
    expect(response.ok()).toBe(true)
  }
  await clearSandboxRequests(request, preview.sandboxUrl)

  await first.getByRole('button').first().click()
  const title = (await first.locator('.name').textContent())!
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
  // 30 loaded (the list renders only those in view: each row says how many there are).
  await expect(messages(page).last()).toHaveAttribute('aria-setsize', '30')
  await expect(messages(page).last()).toContainText('Numbered note 35')
  await expect(messages(page).last()).toContainText('You')
  const [firstPage] = await journal(request, preview.sandboxUrl, 'GET', `/api/v1/conversation/${uuid}/messages`)
  expect(firstPage!.query).toEqual({ page: '1', per_page: '30', sort: '-created_at' })

  // Newest at the bottom: the thread opens scrolled to the end. Scrolling up fetches page 2 and keeps the place.
  const scroller = page.locator('.thread .scroller')
  await expect.poll(() => scroller.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThan(5)
  // The oldest of the 30 is note 6 (notes 1–5 are on page 2).
  const anchorText = 'Numbered note 6'
  await scroller.evaluate((el) => {
    el.scrollTop = 0
    el.dispatchEvent(new Event('scroll'))
  })
  await expect.poll(async () => Number(await messages(page).last().getAttribute('aria-setsize'))).toBeGreaterThan(30)
  await expect(page.getByRole('button', { name: 'Load earlier messages' })).toHaveCount(0)
  const pages = await journal(request, preview.sandboxUrl, 'GET', `/api/v1/conversation/${uuid}/messages`)
  expect(pages.map((r) => r.query.page)).toEqual(['1', '2'])
  expect(pages[1]!.query).toMatchObject({ per_page: '30', sort: '-created_at' })
  // The message that was at the top is still in view, not pushed off by the older ones.
  const kept = messages(page).filter({ has: page.locator('.contents', { hasText: new RegExp(`^${anchorText}$`) }) })
  await expect(kept).toBeInViewport()
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(0)

  // Shift+Enter adds a line; Enter sends.
  const composer = page.getByRole('textbox', { name: `Message to ${title}` })
  await composer.fill('Line one')
  await composer.press('Shift+Enter')
  await composer.pressSequentially('Line two')
  await expect(composer).toHaveValue('Line one\nLine two')
  await composer.press('Enter')
  await expect(composer).toHaveValue('')
  await expect(composer).toBeFocused()
  await expect(messages(page).last()).toContainText('Line one\nLine two')
  const sends = await journal(request, preview.sandboxUrl, 'POST', `/api/v1/conversation/${uuid}/messages`)
  expect(sends.map((r) => r.body)).toEqual([{ contents: 'Line one\nLine two' }])

  // Edit it: Escape cancels without sending, Enter saves with PUT {contents}.
  const mine = messages(page).last()
  await mine.getByRole('button', { name: /^Edit message/ }).click()
  const editor = page.getByRole('textbox', { name: 'Edit your message' })
  await expect(editor).toBeFocused()
  await editor.fill('Not this')
  await editor.press('Escape')
  await expect(editor).toHaveCount(0)
  await expect(mine).toContainText('Line one')
  expect(await journal(request, preview.sandboxUrl, 'PUT', /\/messages\//)).toEqual([])
  await mine.getByRole('button', { name: /^Edit message/ }).click()
  await editor.fill('Line one, corrected')
  await editor.press('Enter')
  await expect(messages(page).last()).toContainText('Line one, corrected')
  await expect(messages(page).last()).toContainText('(edited)')
  const puts = await journal(request, preview.sandboxUrl, 'PUT', /^\/api\/v1\/conversation\/[^/]+\/messages\/[^/]+$/)
  expect(puts.map((r) => r.body)).toEqual([{ contents: 'Line one, corrected' }])
  // Only one's own messages offer Edit.
  expect(await messages(page).filter({ hasNotText: 'You' }).getByRole('button', { name: /^Edit message/ }).count()).toBe(0)

  // A send Plannr fails (503) is kept and sent again: it shows at once and reaches Plannr once.
  await setSandboxFaults(request, preview.sandboxUrl, { queue: [{ status: 503, method: 'POST' }] })
  await composer.fill('Please keep me')
  await composer.press('Enter')
  await expect(messages(page).filter({ hasText: 'Please keep me' })).toHaveCount(1)
  await expect
    .poll(
      async () =>
        (await journal(request, preview.sandboxUrl, 'POST', `/api/v1/conversation/${uuid}/messages`)).filter(
          (r) => r.status === 200 && JSON.stringify(r.body) === JSON.stringify({ contents: 'Please keep me' }),
        ).length,
      { timeout: 30_000 },
    )
    .toBe(1)
  await setSandboxFaults(request, preview.sandboxUrl, { queue: [] })

  // The list shows the latest message for this conversation.
  await expect(first).toContainText('Please keep me')
  expect(await seriousViolations(page)).toEqual([])
})

test('a new conversation with participants picked by typing, sent exactly as the seed page shows', async ({ app: page, preview, request }) => {
  await openConversations(page)
  await clearSandboxRequests(request, preview.sandboxUrl)
  await page.getByRole('button', { name: 'New conversation' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New conversation' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByLabel('Title')).toBeFocused()
  await dialog.getByLabel('Title').fill('Retirement planning')

  const picker = dialog.getByRole('combobox', { name: 'Participants' })
  // A full name in either order finds the person (Plannr's own name filter matches one field only).
  await picker.pressSequentially('Bell Marcus')
  const marcus = page.getByRole('option', { name: /Marcus Bell/ })
  await expect(marcus).toBeVisible()
  await expect(marcus).toContainText(/@/)
  await marcus.click()
  await expect(dialog.getByRole('list', { name: 'Chosen: Participants' })).toContainText('Marcus Bell')
  await picker.pressSequentially('Aisha Rahman')
  await page.getByRole('option', { name: /Aisha Rahman/ }).click()
  const chosen = dialog.getByRole('list', { name: 'Chosen: Participants' }).getByRole('listitem')
  await expect(chosen).toHaveCount(2)
  expect(await seriousViolations(page)).toEqual([])

  // The firm's accounts were fetched and searched locally, not asked for by name.
  const searches = await journal(request, preview.sandboxUrl, 'GET', '/api/v1/account')
  expect(searches.length).toBeGreaterThan(0)
  expect(searches.every((r) => r.query['filter[name]'] === undefined)).toBe(true)
  const accountUuids: string[] = []
  for (const name of ['Marcus Bell', 'Aisha Rahman']) {
    const response = await request.get(`${preview.sandboxUrl}/api/v1/account?filter[name]=${encodeURIComponent(name.split(' ')[0]!)}`, {
      headers: { Authorization: `Bearer ${ADVISER_TOKEN}`, 'X-PLANNR-ACCOUNT-UUID': searches[0]!.headers['x-plannr-account-uuid']!, Accept: 'application/json' },
    })
    const body = (await response.json()) as { data: Array<{ uuid: string; first_name: string; last_name: string }> }
    accountUuids.push(body.data.find((a) => `${a.first_name} ${a.last_name}` === name)!.uuid)
  }
  await clearSandboxRequests(request, preview.sandboxUrl)

  await dialog.getByRole('button', { name: 'Create conversation' }).click()
  await expect(dialog).toHaveCount(0)
  const posts = await journal(request, preview.sandboxUrl, 'POST', '/api/v1/conversation')
  expect(posts.map((r) => r.body)).toEqual([{ name: 'Retirement planning', participants: accountUuids }])
  expect(posts[0]!.status).toBe(200)
  await expect(page.getByRole('heading', { level: 2, name: 'Retirement planning' })).toBeVisible()
  // Listed at once, open (marked current), and first after the pinned ones: it is the newest.
  const created = rows(page).filter({ hasText: 'Retirement planning' })
  await expect(created.getByRole('button').first()).toHaveAttribute('aria-current', 'true')
  const order = await rows(page).evaluateAll((items) =>
    items.map((item) => ({ pinned: item.querySelector('button[aria-pressed="true"]') !== null, text: item.textContent ?? '' })),
  )
  expect(order.find((row) => !row.pinned)?.text).toContain('Retirement planning')
  await expect(page.getByText('No messages yet. Write the first one below.')).toBeVisible()
})

test('a new conversation filed under a case the app already knows, chosen from a list', async ({ app: page, preview, request }) => {
  await openConversations(page)
  await page.getByRole('button', { name: 'New conversation' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New conversation' })
  await dialog.getByLabel('Title').fill('Case review')
  const caseChoice = dialog.getByLabel('Case (optional)')
  // "No case", the known cases, and pasting an id as the fallback.
  await expect.poll(() => caseChoice.locator('option').count()).toBeGreaterThan(2)
  await expect(caseChoice.locator('option').last()).toHaveText('Another case: paste its id…')
  const known = caseChoice.locator('option').nth(1)
  const label = (await known.textContent())?.trim() ?? ''
  const uuid = await known.getAttribute('value')
  await caseChoice.selectOption({ index: 1 })
  await expect(dialog.getByLabel('Case id')).toHaveCount(0)
  expect(await seriousViolations(page)).toEqual([])
  await clearSandboxRequests(request, preview.sandboxUrl)

  await dialog.getByRole('button', { name: 'Create conversation' }).click()
  await expect(dialog).toHaveCount(0)
  const posts = await journal(request, preview.sandboxUrl, 'POST', '/api/v1/conversation')
  expect(posts.map((r) => [r.status, r.body])).toEqual([[200, { name: 'Case review', case: uuid }]])
  await expect(rows(page).filter({ hasText: 'Case review' }).first()).toContainText(`Case: ${label}`)
})

test('new conversation validation: an empty title, an over-long title and a case Plannr rejects, each at its field', async ({ app: page, preview, request }) => {
  await openConversations(page)
  await clearSandboxRequests(request, preview.sandboxUrl)
  await page.getByRole('button', { name: 'New conversation' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'New conversation' })
  const title = dialog.getByLabel('Title')
  const caseChoice = dialog.getByLabel('Case (optional)')
  const caseField = dialog.getByLabel('Case id')
  const create = dialog.getByRole('button', { name: 'Create conversation' })

  await create.click()
  await expect(title).toHaveAttribute('aria-invalid', 'true')
  await expect(title).toHaveAccessibleDescription('Give the conversation a title')
  await expect(title).toBeFocused()

  await title.fill('x'.repeat(256))
  await create.click()
  await expect(title).toHaveAccessibleDescription('Keep the title under 255 characters')
  expect(await journal(request, preview.sandboxUrl, 'POST', '/api/v1/conversation')).toEqual([])

  // Plannr's 422 for the case comes back at the case field; what was typed stays.
  await title.fill('Mortgage review')
  // A case the app does not know can still be given by pasting its id.
  await caseChoice.selectOption({ label: 'Another case: paste its id…' })
  await caseField.fill('not-a-real-case')
  await create.click()
  await expect(caseField).toHaveAttribute('aria-invalid', 'true')
  await expect(caseField).toHaveAccessibleDescription('The selected case is invalid.')
  await expect(caseField).toBeFocused()
  await expect(title).not.toHaveAttribute('aria-invalid', 'true')
  await expect(title).toHaveValue('Mortgage review')
  await expect(caseField).toHaveValue('not-a-real-case')
  const posts = await journal(request, preview.sandboxUrl, 'POST', '/api/v1/conversation')
  expect(posts.map((r) => [r.status, r.body])).toEqual([[422, { name: 'Mortgage review', case: 'not-a-real-case' }]])
  expect(await seriousViolations(page)).toEqual([])

  // Escape closes the dialog and focus returns to the button that opened it.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'New conversation' }).first()).toBeFocused()
})

test('the quick switcher opens a conversation by name', async ({ app: page }) => {
  await openConversations(page)
  const target = rows(page).nth(3)
  const name = (await target.locator('.name').textContent())!.trim()
  // From another view, as an adviser would jump to it.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Circles', exact: true }).click()
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Find a circle, client or conversation' }).fill(name)
  await page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).filter({ hasText: 'Conversation' }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  await expect(rows(page).filter({ hasText: name }).first().getByRole('button').first()).toHaveAttribute('aria-current', 'true')
  await expect(messages(page).first()).toBeVisible()
})
