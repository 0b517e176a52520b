import { test, expect } from './fixtures/web-preview'
import { circleRows, circlesCount, openDemo, searchBox, waitForAllCircles } from './fixtures/screens'

const PAGE_SIZE = 200

// The demo-sized book has more circles than one page holds.
test.use({ sandboxSize: 'demo' })

test('a long list arrives a page at a time, and “Show more” brings the rest', async ({ app: page }) => {
  await openDemo(page)
  const total = await waitForAllCircles(page)
  expect(total, 'the demo book needs more than one page of circles for this test').toBeGreaterThan(PAGE_SIZE)

  await expect(circleRows(page)).toHaveCount(PAGE_SIZE)
  const firstPageLast = await circleRows(page).nth(PAGE_SIZE - 1).textContent()

  let shown = PAGE_SIZE
  while (shown < total) {
    const more = page.getByRole('button', { name: /^Show more/ })
    await expect(more).toHaveText(`Show more (${(total - shown).toLocaleString('en-GB')} more circle${total - shown === 1 ? '' : 's'})`)
    await more.click()
    shown = Math.min(shown + PAGE_SIZE, total)
    await expect(circleRows(page)).toHaveCount(shown)
  }
  await expect(page.getByRole('button', { name: /^Show more/ })).toHaveCount(0)
  // The earlier rows stay where they were; the next page follows them.
  await expect(circleRows(page).nth(PAGE_SIZE - 1)).toHaveText(firstPageLast ?? '')

  // A new search starts again from its first page.
  await searchBox(page).fill('a')
  await expect(circlesCount(page)).toContainText('match “a”')
  const matching = Number(((await circlesCount(page).textContent()) ?? '').split(' of ')[0]?.replace(/,/g, ''))
  await expect(circleRows(page)).toHaveCount(Math.min(matching, PAGE_SIZE))
})
