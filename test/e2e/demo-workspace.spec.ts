import { test, expect } from './fixtures/web-preview'
import { sandboxRequests } from './fixtures/sandbox'
import {
  circleRows,
  circlesCount,
  circlesHeading,
  openDemo,
  searchBox,
  waitForAllCircles,
  welcomeHeading,
} from './fixtures/screens'

const PAGE_SIZE = 200

test('a new user explores the demo workspace, searches the circles and signs out', async ({ app: page, preview, request }) => {
  await expect(page.getByText('Sign in with a personal access token')).toBeVisible()
  await expect(page).toHaveTitle('Sign in — Plannr Desktop')
  await openDemo(page)
  await expect(page).toHaveTitle('Circles — Plannr Desktop')

  const sidebar = page.getByRole('complementary')
  await expect(sidebar.getByText('Demo workspace')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Circles' })).toHaveAttribute(
    'aria-current',
    'page',
  )

  // The list shows the firm's circles, fetched by the core from the sandbox playing Plannr.
  const grandTotal = await waitForAllCircles(page)
  expect(grandTotal).toBeGreaterThan(0)
  await expect(circleRows(page)).toHaveCount(Math.min(grandTotal, PAGE_SIZE))
  await expect(page.getByText(/^Updated /)).toBeVisible()
  const fetched = (await sandboxRequests(request, preview.sandboxUrl)).filter(
    (entry) => entry.method === 'GET' && /\/circles$/.test(entry.path),
  )
  expect(fetched.length, 'the core asked the sandbox for circles').toBeGreaterThan(0)
  expect(fetched.every((entry) => entry.status === 200)).toBe(true)

  // Search for one circle by its full name: the list and the count narrow to it.
  const firstName = (await circleRows(page).first().locator('p').first().textContent())?.trim() ?? ''
  expect(firstName).not.toBe('')
  await searchBox(page).fill(firstName)
  await expect(circlesCount(page)).toHaveText(new RegExp(`^[\\d,]+ of ${grandTotal.toLocaleString('en-GB')} circles? match(es)? “`))
  await expect(circleRows(page).filter({ hasText: firstName }).first()).toBeVisible()
  const matching = Number(((await circlesCount(page).textContent()) ?? '').split(' of ')[0]?.replace(/,/g, ''))
  expect(matching).toBeLessThan(grandTotal)
  await expect(circleRows(page)).toHaveCount(Math.min(matching, PAGE_SIZE))

  // A search that finds nothing says so, and offers the way back.
  await searchBox(page).fill('zzqx no such circle')
  await expect(page.getByRole('heading', { name: 'No circles match “zzqx no such circle”' })).toBeVisible()
  await expect(circlesCount(page)).toHaveText(`0 of ${grandTotal.toLocaleString('en-GB')} circles match “zzqx no such circle”`)
  await page.getByRole('button', { name: 'Clear search' }).click()
  await expect(searchBox(page)).toHaveValue('')
  await expect(searchBox(page)).toBeFocused()
  await expect(circlesCount(page)).toHaveText(`${grandTotal.toLocaleString('en-GB')} circles`)
  await expect(circleRows(page)).toHaveCount(Math.min(grandTotal, PAGE_SIZE))

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(welcomeHeading(page)).toBeVisible()
  await expect(welcomeHeading(page)).toBeFocused()
  await expect(circlesHeading(page)).toHaveCount(0)
})
