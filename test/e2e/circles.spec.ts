import type { APIRequestContext, Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe'
import { sandboxRequests } from './fixtures/sandbox'
import { circleRows, circlesCount, circlesList, openDemo, searchBox, waitForAllCircles } from './fixtures/screens'
import { SANDBOX_TOKENS } from './fixtures/tokens'
import { test, expect } from './fixtures/web-preview'

test.use({ sandboxSize: 'demo' })

interface PlannrCircle {
  uuid: string
  name: string
  joint_account_uuid: string | null
  accounts?: Array<{ uuid: string; name: string; role: string; type: string }>
  groups?: Array<{ uuid: string; name: string }>
  external_references: Array<{ reference: string; third_party: string }>
}

/** Asks the sandbox playing Plannr directly, as the adviser: the independent answer the screen must match. */
async function plannr(request: APIRequestContext, sandboxUrl: string, account: string, query: Record<string, string>) {
  const response = await request.get(`${sandboxUrl}/api/v1/circles`, {
    params: { include: 'accounts,groups', per_page: '500', ...query },
    headers: { Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`, 'X-PLANNR-ACCOUNT-UUID': account, Accept: 'application/json' },
  })
  expect(response.ok()).toBe(true)
  return (await response.json()) as { data: PlannrCircle[]; meta: { total: number } }
}

/** The account the app chose, read from what it sent: every circles request carries it. */
async function signedInAccount(request: APIRequestContext, sandboxUrl: string): Promise<string> {
  const sent = (await sandboxRequests(request, sandboxUrl)).find((entry) => entry.path === '/api/v1/circles')
  const account = sent?.headers['x-plannr-account-uuid']
  expect(account).toBeTruthy()
  return account ?? ''
}

function countOf(text: string | null): number {
  return Number((text ?? '').split(' ')[0]?.replace(/,/g, ''))
}

const memberBox = (page: Page) => page.getByRole('combobox', { name: 'Member' })
const groupSelect = (page: Page) => page.getByLabel('Group', { exact: true })
const sortSelect = (page: Page) => page.getByLabel('Sort by')
const orderSelect = (page: Page) => page.getByLabel('Order')
const firstRowName = (page: Page) => circleRows(page).first().getByRole('button')

test('an adviser searches, filters by member and by group, and sorts the circles', async ({ app: page, preview, request }) => {
  await openDemo(page)
  const total = await waitForAllCircles(page)
  // What the app asked Plannr for on arrival: every page, 500 at a time, with members and groups.
  const arrival = (await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.path === '/api/v1/circles')
  expect(arrival.map((e) => e.query['page'] ?? '1')).toEqual(['1'])
  for (const entry of arrival) {
    expect(entry.query['per_page']).toBe('500')
    expect(entry.query['include']?.split(',').sort()).toEqual(['accounts', 'groups'])
  }
  const appAgent = arrival[0]?.headers['user-agent']
  const account = await signedInAccount(request, preview.sandboxUrl)
  const all = await plannr(request, preview.sandboxUrl, account, {})
  expect(total).toBe(all.meta.total)

  // Search by name: the count and the rows narrow to what matches.
  const surname = all.data[0]?.name.split(' ')[0] ?? ''
  await searchBox(page).fill(surname)
  await expect(circlesCount(page)).toContainText(`match “${surname}”`)
  const matching = countOf(await circlesCount(page).textContent())
  const byName = all.data.filter((c) => c.name.toLowerCase().includes(surname.toLowerCase()))
  expect(matching).toBeGreaterThanOrEqual(byName.length)
  expect(matching).toBeLessThan(total)
  await expect(circleRows(page).filter({ hasText: byName[0]?.name ?? '' }).first()).toBeVisible()
  await searchBox(page).fill('')
  await waitForAllCircles(page)

  // Filter by member: a person who belongs to more than one circle (a joint account is in one).
  const counts = new Map<string, { name: string; n: number }>()
  for (const c of all.data) for (const a of c.accounts ?? []) counts.set(a.uuid, { name: a.name, n: (counts.get(a.uuid)?.n ?? 0) + 1 })
  const [memberUuid, member] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n)[0] ?? ['', { name: '', n: 0 }]
  const theirs = await plannr(request, preview.sandboxUrl, account, { 'filter[account_uuids]': memberUuid })
  await memberBox(page).fill(member.name)
  await page.getByRole('option', { name: new RegExp(`^${member.name}`) }).first().click()
  await expect(circlesCount(page)).toHaveText(`${theirs.meta.total} of ${total} circle${total === 1 ? '' : 's'} match${theirs.meta.total === 1 ? 'es' : ''} the filters`)
  await expect(circleRows(page)).toHaveCount(theirs.meta.total)
  for (const c of theirs.data) await expect(circleRows(page).filter({ hasText: c.name }).first()).toBeVisible()
  await page.getByRole('button', { name: 'Clear member filter' }).click()
  await waitForAllCircles(page)

  // Filter by group: the count equals what Plannr's own group filter returns.
  const groups = new Map<string, string>()
  for (const c of all.data) for (const g of c.groups ?? []) groups.set(g.uuid, g.name)
  const [groupUuid, groupName] = [...groups.entries()][0] ?? ['', '']
  const inGroup = await plannr(request, preview.sandboxUrl, account, { 'filter[group_uuids]': groupUuid })
  await groupSelect(page).selectOption({ label: `${groupName} (${inGroup.meta.total})` })
  await expect(circlesCount(page)).toHaveText(new RegExp(`^${inGroup.meta.total} of ${total} circles match`))
  await expect(circleRows(page).first()).toHaveAttribute('aria-setsize', String(inGroup.meta.total))
  await groupSelect(page).selectOption({ label: 'Any group' })
  await waitForAllCircles(page)

  // Sort by name, Z to A; then by last updated, newest first — as Plannr sorts them.
  const zToA = await plannr(request, preview.sandboxUrl, account, { sort: '-name', per_page: '1' })
  await orderSelect(page).selectOption({ label: 'Z to A' })
  await expect(firstRowName(page)).toHaveText(zToA.data[0]?.name ?? '')
  const newest = await plannr(request, preview.sandboxUrl, account, { sort: '-updated_at', per_page: '1' })
  await sortSelect(page).selectOption({ label: 'Last updated' })
  await expect(orderSelect(page)).toHaveValue('desc')
  await expect(firstRowName(page)).toHaveText(newest.data[0]?.name ?? '')
  await orderSelect(page).selectOption({ label: 'Oldest first' })
  await expect(firstRowName(page)).not.toHaveText(newest.data[0]?.name ?? '')

  // Everything above came from the one fetch made on arrival: no further requests while filtering.
  const fromApp = (await sandboxRequests(request, preview.sandboxUrl)).filter((e) => e.path === '/api/v1/circles' && e.headers['user-agent'] === appAgent)
  expect(fromApp).toHaveLength(arrival.length)
})

test('a list of 400 circles scrolls while the page holds only a window of rows', async ({ app: page }) => {
  await openDemo(page)
  const total = await waitForAllCircles(page)
  expect(total).toBe(400)
  await expect(circleRows(page).first()).toHaveAttribute('aria-posinset', '1')
  await expect(circleRows(page).first()).toHaveAttribute('aria-setsize', '400')
  const inDom = await circleRows(page).count()
  expect(inDom).toBeLessThan(80)

  // To the far end: the last rows are rendered, with their names (fetched as they came into view).
  await circlesList(page).evaluate((list) => {
    const scroller = list.parentElement
    if (scroller) scroller.scrollTop = scroller.scrollHeight
  })
  const last = circlesList(page).locator('li[aria-posinset="400"]')
  await expect(last).toBeVisible()
  await expect(last.getByRole('button')).toHaveText(/\S/)
  expect(await circleRows(page).count()).toBeLessThan(80)
  await expect(circlesList(page).locator('li[aria-posinset="1"]')).toHaveCount(0)

  // Half-way: rows around 200 appear too.
  await circlesList(page).evaluate((list) => {
    const scroller = list.parentElement
    if (scroller) scroller.scrollTop = scroller.scrollHeight / 2
  })
  await expect(circlesList(page).locator('li[aria-posinset="200"]').getByRole('button')).toHaveText(/\S/)
})

test('a circle’s detail opens from the keyboard: members, groups, joint account, Nucleus reference', async ({ app: page, preview, request }) => {
  await openDemo(page)
  await waitForAllCircles(page)
  const account = await signedInAccount(request, preview.sandboxUrl)
  const all = await plannr(request, preview.sandboxUrl, account, {})
  const circle = all.data.find(
    (c) =>
      c.joint_account_uuid &&
      (c.groups ?? []).length > 0 &&
      c.external_references.some((r) => r.third_party === 'nucleus') &&
      all.data.filter((other) => other.name === c.name).length === 1,
  )
  expect(circle, 'the demo book has a joint-account circle with groups and a Nucleus reference').toBeDefined()
  if (!circle) return

  // Arrow keys move between rows; only one row is in the Tab order.
  await firstRowName(page).focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(circleRows(page).nth(2).getByRole('button')).toBeFocused()
  await expect(circleRows(page).locator('button[tabindex="0"]')).toHaveCount(1)
  await page.keyboard.press('End')
  await expect(circlesList(page).locator('li[aria-posinset="400"] button')).toBeFocused()
  await page.keyboard.press('Home')
  await expect(circleRows(page).first().getByRole('button')).toBeFocused()

  // Find the circle, open it with Enter; Escape closes it and puts focus back on its row.
  await searchBox(page).fill(circle.name)
  // Wait for the search to land, as a person would see it: the rows before it are replaced.
  await expect(circlesCount(page)).toContainText(`“${circle.name}”`)
  const row = page.getByRole('button', { name: circle.name, exact: true })
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 2, name: circle.name })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(row).toBeFocused()
  await page.keyboard.press('Enter')

  const pane = page.getByRole('region', { name: circle.name })
  await expect(pane.getByRole('heading', { level: 2 })).toBeFocused()
  const members = pane.getByRole('list', { name: /Members/ })
  for (const member of circle.accounts ?? []) {
    const item = members.getByRole('listitem').filter({ hasText: member.name })
    await expect(item.first()).toBeVisible()
  }
  const joint = circle.accounts?.find((a) => a.uuid === circle.joint_account_uuid)
  await expect(members.getByRole('listitem').filter({ hasText: joint?.name ?? '' }).getByText('Joint account')).toBeVisible()
  await expect(pane.getByRole('region', { name: 'Joint account' })).toContainText(joint?.name ?? '')
  await expect(members.getByText('Individual').first()).toBeVisible()
  await expect(members.getByText('Client').first()).toBeVisible()
  for (const group of circle.groups ?? []) await expect(pane.getByRole('list', { name: /Groups/ })).toContainText(group.name)
  const nucleus = circle.external_references.find((r) => r.third_party === 'nucleus')
  const refs = pane.getByRole('region', { name: 'External references' })
  await expect(refs.getByRole('term')).toHaveText(['Nucleus'])
  await expect(refs.getByRole('definition')).toHaveText([nucleus?.reference ?? ''])
  await expect(pane.getByText(/^Created \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/)).toBeVisible()
  // The circle's colour as a swatch and a word, not a raw hex code.
  await expect(pane.getByText(/Colour: (light |dark )?[a-z]+\s*$/)).toBeVisible()
  await expect(pane).not.toContainText(/#[0-9a-f]{6}/i)
  // Initials drawn in the page stand for the photo: nothing is fetched (a photo's address names the household).
  await expect(pane.locator('img')).toHaveCount(0)
  await expect(pane.locator('.avatar')).toBeVisible()

  expect(await seriousViolations(page), 'circles list with a circle open').toEqual([])
  await pane.getByRole('button', { name: 'Close circle details' }).click()
  await expect(pane).toHaveCount(0)

  // From the quick switcher (Ctrl+K), in another view: Circles opens with that circle's detail.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Conversations' }).click()
  await page.keyboard.press('Control+K')
  await page.getByRole('combobox', { name: 'Find a circle, client or conversation' }).fill(circle.name)
  await page.getByRole('dialog').getByRole('option', { name: new RegExp(circle.name) }).first().click()
  await expect(page.getByRole('region', { name: circle.name }).getByRole('heading', { level: 2 })).toBeVisible()
  await expect(page.getByRole('region', { name: circle.name })).toContainText(nucleus?.reference ?? '-')
})

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the circles list and filters have no serious accessibility problems (${colorScheme})`, async ({ app: page }) => {
    await page.emulateMedia({ colorScheme })
    await openDemo(page)
    await waitForAllCircles(page)
    await expect(circleRows(page).first()).toBeVisible()
    await memberBox(page).fill('a')
    await expect(page.getByRole('option').first()).toBeVisible()
    expect(await seriousViolations(page), 'member combobox open').toEqual([])
    await page.keyboard.press('Escape')
  })
}
