import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe'
import { clearSandboxRequests, sandboxRequests, setSandboxFaults, type RecordedRequest } from './fixtures/sandbox'
import { goToView, openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'
import { SANDBOX_TOKENS, tokenFingerprint } from './fixtures/tokens'

const DETAILS = '/api/v2/contact-details'

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search by name, email or phone' })
const clientList = (page: Page) => page.getByRole('list', { name: 'Clients' })
const clientButtons = (page: Page) => clientList(page).getByRole('button')
const card = (page: Page) => page.getByRole('article')
const phones = (page: Page) => card(page).getByRole('list', { name: 'Phone numbers' }).getByRole('listitem')
const emails = (page: Page) => card(page).getByRole('list', { name: 'Email addresses' }).getByRole('listitem')
const dialog = (page: Page) => page.getByRole('dialog')
const field = (page: Page, name: string) => dialog(page).getByRole('textbox', { name, exact: true })
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** The client's row, by exact name ("Alexander Butler", not "Daisy & Alexander Butler"). */
const rowFor = (page: Page, name: string) => clientButtons(page).filter({ has: page.locator('.name', { hasText: new RegExp(`^${escape(name)}$`) }) })

/** A field's error is shown next to it and tied to it (aria-describedby), as a screen reader reads it. */
async function expectFieldError(page: Page, control: Locator, message: string | RegExp): Promise<void> {
  await expect(dialog(page).getByRole('alert').filter({ hasText: message })).toBeVisible()
  await expect(control).toHaveAccessibleDescription(typeof message === 'string' ? new RegExp(escape(message)) : message)
  await expect(control).toHaveAttribute('aria-invalid', 'true')
}

async function openContacts(page: Page): Promise<void> {
  await openDemoWorkspace(page)
  await goToView(page, 'Contacts')
  await expect(page).toHaveTitle('Contacts — Plannr Desktop')
  await expect(page.getByRole('status').filter({ hasText: /^60 clients$/ })).toBeVisible()
}

/** The first client in the list whose row shows both an email and a phone: name, email, phone. */
async function someClient(page: Page, index = 0): Promise<{ name: string; email: string; phone: string }> {
  const rows = clientButtons(page).filter({ hasText: /@.* · \d/ })
  const row = rows.nth(index)
  const name = (await row.locator('.name').textContent())!.trim()
  const [email, phone] = (await row.locator('.detail').textContent())!.split(' · ').map((part) => part.trim())
  return { name, email: email!, phone: phone! }
}

async function openClient(page: Page, name: string): Promise<void> {
  await searchBox(page).fill(name)
  await rowFor(page, name).click()
  await expect(card(page).getByRole('heading', { level: 2, name, exact: true })).toBeFocused()
  await expect(card(page).getByRole('heading', { name: 'Phone numbers' })).toBeVisible()
}

async function detailRequests(request: APIRequestContext, sandboxUrl: string, method: string): Promise<RecordedRequest[]> {
  return (await sandboxRequests(request, sandboxUrl)).filter((entry) => entry.method === method && entry.path.startsWith(DETAILS))
}

/** The open client's id, from the details request the card just made. */
async function openClientUuid(request: APIRequestContext, sandboxUrl: string): Promise<string> {
  const requests = await sandboxRequests(request, sandboxUrl)
  const forClient = requests.filter((entry) => entry.method === 'GET' && entry.path === DETAILS).at(-1)
  return forClient!.query['filter[account_uuids]']!
}

test('an adviser finds clients by name, email and phone, and opens one from the list or the quick switcher', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const listed = (await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.path === '/api/v1/account')
  expect(listed[0]).toMatchObject({ method: 'GET', query: { 'filter[type]': 'client', include: 'primary_email,primary_phone_number', per_page: '500' } })
  const { name, email, phone } = await someClient(page, 1)

  await searchBox(page).fill(name.split(' ').at(-1)!)
  await expect(rowFor(page, name)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: /of 60 clients match/ })).toBeVisible()

  await searchBox(page).fill(email.slice(0, email.indexOf('@') + 3).toUpperCase())
  await expect(clientButtons(page)).toHaveCount(1)
  await expect(clientButtons(page).first()).toContainText(name)

  // Digits only: "07700 900 123" finds 07700 900123 (stored +447700900123).
  const digits = phone.replace(/\D/g, '')
  await searchBox(page).fill(`${digits.slice(0, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`)
  await expect(clientButtons(page)).toHaveCount(1)
  await expect(clientButtons(page).first()).toContainText(name)
  // Searching happens in the app: the clients were fetched once.
  expect((await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.path === '/api/v1/account')).toHaveLength(1)

  await clientButtons(page).first().click()
  await expect(card(page).getByRole('heading', { level: 2, name })).toBeFocused()
  const primaryPhone = phones(page).filter({ hasText: 'Primary' })
  await expect(primaryPhone).toHaveCount(1)
  await expect(primaryPhone).toContainText(phone)
  await expect(emails(page).filter({ hasText: 'Primary' })).toContainText(email)
  const fetched = (await detailRequests(request, preview.sandboxUrl, 'GET')).at(-1)
  expect(fetched?.query).toMatchObject({ include: 'accounts,primary_accounts', per_page: '500' })

  // No results, then clearing the search.
  await searchBox(page).fill('zzzz nobody')
  await expect(page.getByRole('heading', { name: 'No clients match “zzzz nobody”' })).toBeVisible()
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(page.getByRole('status').filter({ hasText: /^60 clients$/ })).toBeVisible()

  const other = await someClient(page, 3)
  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Find a circle, client or conversation' }).fill(other.name)
  await page.getByRole('option', { name: new RegExp(other.name) }).first().click()
  await expect(card(page).getByRole('heading', { level: 2, name: other.name, exact: true })).toBeVisible()

  expect(await seriousViolations(page)).toEqual([])
})

test('adding a UK phone number typed with spaces, as primary: the exact seed body, and the old primary is demoted', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const { name, phone } = await someClient(page)
  await openClient(page, name)
  const clientUuid = await openClientUuid(request, preview.sandboxUrl)
  await expect(phones(page).filter({ hasText: 'Primary' })).toContainText(phone)
  await clearSandboxRequests(request, preview.sandboxUrl)

  await card(page).getByRole('button', { name: 'Add contact detail' }).click()
  await expect(dialog(page).getByRole('heading', { name: 'Add contact detail' })).toBeVisible()
  await expect(dialog(page).getByRole('radio', { name: 'Phone number' })).toBeChecked()
  await expect(dialog(page).getByLabel('Country')).toHaveValue('GB')
  await field(page, 'Description').fill('New mobile')
  await field(page, 'Phone number').fill('07911 123 456')
  await expect(dialog(page).getByText('Will be saved as 07911 123456')).toBeVisible()
  await expect(dialog(page).getByRole('list', { name: `Chosen: Owners` })).toContainText(name)
  await dialog(page).getByRole('checkbox', { name: 'Make this the primary phone number' }).check()
  await expect(dialog(page).getByRole('checkbox', { name: `Primary for ${name}` })).toBeChecked()
  expect(await seriousViolations(page)).toEqual([])
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeHidden()

  const [post] = await detailRequests(request, preview.sandboxUrl, 'POST')
  expect(post).toMatchObject({ path: DETAILS, status: 201 })
  expect(post!.body).toStrictEqual({
    type: 'phone_number', name: 'New mobile', value: '+447911123456', is_primary: true, account_uuids: [clientUuid], primary_account_uuids: [clientUuid],
  })
  const added = phones(page).filter({ hasText: '07911 123456' })
  await expect(added).toContainText('Primary')
  await expect(phones(page).filter({ hasText: 'Primary' })).toHaveCount(1)
  await expect(phones(page).filter({ hasText: phone })).not.toContainText('Primary')
  // The list shows the new primary phone too.
  await expect(clientList(page).getByRole('button', { pressed: true })).toContainText('07911 123456')
})

test('adding an Australian number and an email address', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const { name } = await someClient(page, 2)
  await openClient(page, name)
  const clientUuid = await openClientUuid(request, preview.sandboxUrl)
  await clearSandboxRequests(request, preview.sandboxUrl)

  await card(page).getByRole('button', { name: 'Add phone number' }).click()
  await dialog(page).getByLabel('Country').selectOption('AU')
  await field(page, 'Description').fill('Sydney office')
  await field(page, 'Phone number').fill('(02) 3456 7890')
  await expect(dialog(page).getByText('Will be saved as +61 2 3456 7890')).toBeVisible()
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeHidden()
  await expect(phones(page).filter({ hasText: 'Sydney office' })).toContainText('Australia')

  await card(page).getByRole('button', { name: 'Add email' }).click()
  await expect(dialog(page).getByRole('radio', { name: 'Email address' })).toBeChecked()
  await field(page, 'Description').fill('Work email')
  await field(page, 'Email address').fill(' J.Smith@Example.CO.UK ')
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeHidden()
  await expect(emails(page).filter({ hasText: 'Work email' })).toContainText('J.Smith@example.co.uk')

  const bodies = (await detailRequests(request, preview.sandboxUrl, 'POST')).map((entry) => entry.body)
  expect(bodies).toStrictEqual([
    { type: 'phone_number', name: 'Sydney office', value: { country: 'AU', number: '+61 2 3456 7890' }, is_primary: false, account_uuids: [clientUuid], primary_account_uuids: [] },
    { type: 'email', name: 'Work email', value: 'J.Smith@example.co.uk', is_primary: false, account_uuids: [clientUuid], primary_account_uuids: [] },
  ])
})

test('every validation error shows at its field and keeps what was typed', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const { name } = await someClient(page, 4)
  await openClient(page, name)
  await clearSandboxRequests(request, preview.sandboxUrl)
  await card(page).getByRole('button', { name: 'Add contact detail' }).click()
  const save = dialog(page).getByRole('button', { name: 'Save' })

  // Empty description and a bad phone number: checked before anything is sent.
  await field(page, 'Phone number').fill('0791 12')
  await save.click()
  await expectFieldError(page, field(page, 'Description'), 'Describe it, e.g. “Mobile” or “Work email”.')
  await expectFieldError(page, field(page, 'Phone number'), /That doesn’t look like a UK phone number/)
  await expect(field(page, 'Description')).toBeFocused()
  await expect(field(page, 'Phone number')).toHaveValue('0791 12')

  // A bad email address.
  await dialog(page).getByRole('radio', { name: 'Email address' }).check()
  await field(page, 'Description').fill('Personal')
  await field(page, 'Email address').fill('someone@')
  await save.click()
  await expectFieldError(page, field(page, 'Email address'), /doesn’t look like an email address/)
  await expect(field(page, 'Email address')).toBeFocused()

  // No owners.
  await field(page, 'Email address').fill('someone@example.com')
  await dialog(page).getByRole('button', { name: `Remove ${name}` }).click()
  await save.click()
  await expectFieldError(page, dialog(page).getByRole('combobox', { name: 'Owners' }), 'Choose at least one client who owns it.')
  expect(await detailRequests(request, preview.sandboxUrl, 'POST')).toEqual([])

  // Plannr's own 422s (forced): the value's message at the value, an owner's at the owners.
  await dialog(page).getByRole('combobox', { name: 'Owners' }).fill(name.split(' ')[0]!)
  await page.getByRole('option', { name: new RegExp(escape(name)) }).first().click()
  await expect(dialog(page).getByRole('list', { name: 'Chosen: Owners' })).toContainText(name)
  await setSandboxFaults(request, preview.sandboxUrl, {
    queue: [{ status: 422, body: { message: 'The value is invalid.', errors: { value: ['The value must be a valid email address.'] } } }],
  })
  await save.click()
  await expectFieldError(page, field(page, 'Email address'), 'The value must be a valid email address.')
  await expect(field(page, 'Email address')).toHaveValue('someone@example.com')
  await expect(field(page, 'Description')).toHaveValue('Personal')

  await setSandboxFaults(request, preview.sandboxUrl, {
    queue: [{ status: 422, body: { message: 'Invalid owner.', errors: { 'account_uuids.0': ['The selected account_uuids.0 is invalid.'] } } }],
  })
  await save.click()
  await expectFieldError(page, dialog(page).getByRole('combobox', { name: 'Owners' }), 'The selected owner is invalid.')
  const posts = await detailRequests(request, preview.sandboxUrl, 'POST')
  expect(posts.map((entry) => entry.status)).toEqual([422, 422])
  expect(posts[0]!.body).toMatchObject({ type: 'email', name: 'Personal', value: 'someone@example.com' })

  // Then it saves, with the same values.
  await save.click()
  await expect(dialog(page)).toBeHidden()
  await expect(emails(page).filter({ hasText: 'someone@example.com' })).toBeVisible()
})

test('editing a contact detail sends PUT with name, value and owners only', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const { name } = await someClient(page, 5)
  await openClient(page, name)
  const clientUuid = await openClientUuid(request, preview.sandboxUrl)
  const detail = phones(page).first()
  const oldText = (await detail.textContent()) ?? ''
  await clearSandboxRequests(request, preview.sandboxUrl)

  await detail.getByRole('button', { name: /^Edit / }).click()
  await expect(dialog(page).getByRole('heading', { name: 'Edit phone number' })).toBeVisible()
  await expect(dialog(page).getByRole('radio')).toHaveCount(0)
  await field(page, 'Description').fill('Landline (home)')
  await field(page, 'Phone number').fill('+44 (0)20 7946 0018')
  await dialog(page).getByRole('button', { name: 'Save' }).click()
  await expect(dialog(page)).toBeHidden()

  const [put] = await detailRequests(request, preview.sandboxUrl, 'PUT')
  expect(put!.path).toMatch(/^\/api\/v2\/contact-details\/[\w-]+$/)
  expect(put!.status).toBe(200)
  const body = put!.body as Record<string, unknown>
  expect(Object.keys(body).sort()).toEqual(['account_uuids', 'name', 'primary_account_uuids', 'value'])
  expect(body).toMatchObject({ name: 'Landline (home)', value: '+442079460018' })
  expect(body.account_uuids).toContain(clientUuid)
  await expect(phones(page).filter({ hasText: 'Landline (home)' })).toContainText('020 7946 0018')
  expect(oldText).not.toContain('Landline (home)')
})

test('a client with many phone numbers: the card keeps only the rows in view, and reaches the last by keyboard', async ({ app: page, preview, request }) => {
  await openContacts(page)
  const { name } = await someClient(page, 1)
  await openClient(page, name)
  const clientUuid = await openClientUuid(request, preview.sandboxUrl)
  const seen = (await sandboxRequests(request, preview.sandboxUrl)).filter((entry) => entry.path === DETAILS).at(-1)!
  // Sixty more numbers for this client, straight to Plannr (the sandbox), as another device might add them.
  // The journal keeps only a fingerprint of the token: find which of the sandbox's tokens it was.
  const token = Object.values(SANDBOX_TOKENS).find((candidate) => `Bearer ${tokenFingerprint(candidate)}` === seen.headers['authorization'])
  expect(token, 'the token the app used is one of the sandbox’s').toBeDefined()
  const headers = { authorization: `Bearer ${token!}`, 'x-plannr-account-uuid': seen.headers['x-plannr-account-uuid']!, accept: 'application/json' }
  for (let n = 1; n <= 60; n++) {
    const value = `+447700900${String(800 + n).padStart(3, '0')}`
    const created = await request.post(`${preview.sandboxUrl}${DETAILS}`, {
      headers,
      data: { type: 'phone_number', name: `Line ${n}`, value, is_primary: false, account_uuids: [clientUuid], primary_account_uuids: [] },
    })
    expect(created.status()).toBe(201)
  }
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).focus()
  await rowFor(page, name).click()

  const list = card(page).getByRole('list', { name: 'Phone numbers' })
  await expect.poll(async () => Number(await phones(page).first().getAttribute('aria-setsize'))).toBeGreaterThanOrEqual(61)
  const total = Number(await phones(page).first().getAttribute('aria-setsize'))
  // Six rows in view and a few either side: the DOM does not grow with the number of details.
  expect(await phones(page).count()).toBeLessThanOrEqual(14)

  await list.getByRole('button', { name: /^Edit / }).first().focus()
  await page.keyboard.press('End')
  const last = phones(page).filter({ has: page.locator(':focus') })
  await expect(last).toHaveAttribute('aria-posinset', String(total))
  await expect(last).toBeInViewport()
  expect(await phones(page).count()).toBeLessThanOrEqual(14)
})
