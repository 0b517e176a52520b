import type { APIRequestContext, Page } from '@playwright/test'
import { SANDBOX_TOKENS } from './fixtures/tokens'
import { VIEWS, mainNav, openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'


const viewHeading = (page: Page, name: string) => page.getByRole('main').getByRole('heading', { level: 1, name, exact: true })
const navButton = (page: Page, name: string) => mainNav(page).getByRole('button', { name, exact: true })

/** Names straight from the sandbox playing Plannr, so the test does not depend on what the app shows. */
async function sandboxNames(request: APIRequestContext, sandboxUrl: string) {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}` }
  const logins = (await (await request.get(`${sandboxUrl}/api/v1/logins`, { headers })).json()) as { data: Array<{ account: { uuid: string } }> }
  headers['X-PLANNR-ACCOUNT-UUID'] = logins.data[0]!.account.uuid
  const first = async (path: string) => ((await (await request.get(`${sandboxUrl}${path}`, { headers })).json()) as { data: Array<{ name: string }> }).data[0]!.name
  return {
    circle: await first('/api/v1/circles?per_page=1&sort=-name'),
    client: await first('/api/v1/account?per_page=1&filter[type]=client&sort=-first_name'),
    conversation: await first('/api/v1/conversation?per_page=1'),
  }
}

test('Ctrl+1…4 switch between the four views, shown in the sidebar with their keys', async ({ app: page }) => {
  await openDemoWorkspace(page)
  await expect(viewHeading(page, 'Conversations')).toBeVisible()
  await expect(navButton(page, 'Conversations')).toHaveAttribute('aria-current', 'page')

  // The sidebar lists the views in order, each with its shortcut for people and for assistive technology.
  const items = mainNav(page).getByRole('button')
  await expect(items).toHaveText(VIEWS.map(([key, name]) => new RegExp(`^\\s*${name}\\s*Ctrl\\+${key}\\s*$`)))
  for (const [key, name] of VIEWS) await expect(navButton(page, name)).toHaveAttribute('aria-keyshortcuts', `Control+${key}`)

  for (const [key, name] of [...VIEWS].reverse()) {
    await page.keyboard.press(`Control+${key}`)
    await expect(viewHeading(page, name)).toBeVisible()
    await expect(viewHeading(page, name)).toBeFocused()
    await expect(page).toHaveTitle(`${name} — Plannr Desktop`)
    await expect(navButton(page, name)).toHaveAttribute('aria-current', 'page')
    await expect(mainNav(page).locator('[aria-current="page"]')).toHaveCount(1)
  }

  // Ctrl+digit works from a text field too (it is not typing), while a plain "?" there is just text.
  await page.keyboard.press('Control+2')
  await expect(viewHeading(page, 'Circles')).toBeVisible()
  const search = page.getByRole('main').getByRole('searchbox').first()
  await search.click()
  await page.keyboard.type('?')
  await expect(search).toHaveValue('?')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.keyboard.press('Control+4')
  await expect(viewHeading(page, 'Referral connections')).toBeVisible()

  // The help lists the shortcuts; it opens with "?" outside a text field and with Ctrl+/.
  await page.keyboard.press('Shift+?')
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(help).toBeVisible()
  await expect(help).toContainText('Go to Referral connections')
  await expect(help).toContainText('Ctrl+K')
  // Shortcuts for the views wait while a dialog is open.
  await page.keyboard.press('Control+1')
  await expect(viewHeading(page, 'Referral connections')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await page.keyboard.press('Control+/')
  await expect(help).toBeVisible()
  await help.getByRole('button', { name: 'Close' }).click()
  await expect(help).toBeHidden()
})

test('the quick switcher finds a circle, a client and a conversation by name and opens each', async ({ app: page, preview, request }) => {
  const names = await sandboxNames(request, preview.sandboxUrl)
  await openDemoWorkspace(page)
  await page.keyboard.press('Control+4')
  await expect(viewHeading(page, 'Referral connections')).toBeVisible()

  const switcher = page.getByRole('dialog', { name: 'Quick switcher' })
  const input = switcher.getByRole('combobox', { name: 'Find a circle, client or conversation' })

  // Escape closes it and puts focus back where it was.
  const connect = page.getByRole('button', { name: 'Connect with an adviser' })
  await connect.focus()
  await page.keyboard.press('Control+k')
  await expect(switcher).toBeVisible()
  await expect(input).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(switcher).toBeHidden()
  await expect(connect).toBeFocused()

  const cases = [
    { name: names.circle, group: 'Circles', kind: 'Circle', view: 'Circles' },
    { name: names.client, group: 'Clients', kind: 'Client', view: 'Contacts' },
    { name: names.conversation, group: 'Conversations', kind: 'Conversation', view: 'Conversations' },
  ] as const
  for (const { name, group, kind, view } of cases) {
    await page.keyboard.press('Control+k')
    await expect(input).toBeFocused()
    await expect(input, 'each opening starts afresh').toHaveValue('')
    await input.fill(name)
    const results = switcher.getByRole('group', { name: group })
    const option = results.getByRole('option').filter({ hasText: name }).first()
    await expect(option).toBeVisible()
    await expect(option).toContainText(kind)
    // Arrow keys move through the results; Enter opens the chosen one.
    await expect(switcher.getByRole('option').first()).toHaveAttribute('aria-selected', 'true')
    const index = await option.evaluate((element) => [...document.querySelectorAll('[role="option"]')].indexOf(element))
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown')
    await expect(option).toHaveAttribute('aria-selected', 'true')
    await page.keyboard.press('Enter')
    await expect(switcher).toBeHidden()
    await expect(viewHeading(page, view)).toBeVisible()
    await expect(navButton(page, view)).toHaveAttribute('aria-current', 'page')
    await expect(page.getByRole('main').getByRole('heading', { name, exact: true }).first()).toBeVisible()
  }

  // A name that matches nothing says so.
  await page.getByRole('button', { name: 'Find…' }).click()
  await input.fill('zzqx-nothing')
  await expect(switcher.getByText('Nothing found for “zzqx-nothing”.')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('button', { name: 'Find…' })).toBeFocused()
})
