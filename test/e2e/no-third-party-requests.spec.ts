import { test, expect } from './fixtures/web-preview'
import { VIEWS, openDemoWorkspace } from './fixtures/screens'

/*
 * The window makes no request to any origin but its own: client names must never reach a third party
 * (Plannr's avatar URLs carry the household's name, e.g. ui-avatars.com/?name=…). Every request and
 * WebSocket the page opens is recorded while an adviser goes through every view; the CSP is checked too.
 */

test('the renderer asks nothing of any origin but its own, and its CSP refuses images from elsewhere', async ({ app: page, preview }) => {
  const own = new URL(preview.url)
  const elsewhere: string[] = []
  const note = (url: string) => {
    const parsed = new URL(url)
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return
    if (parsed.host !== own.host || !['http:', 'ws:'].includes(parsed.protocol)) elsewhere.push(url)
  }
  page.on('request', (request) => note(request.url()))
  page.on('websocket', (socket) => note(socket.url()))
  // The page was already opened by the fixture: start again with the listeners in place.
  await page.reload()

  await openDemoWorkspace(page)
  for (const [key, name] of VIEWS) {
    await page.keyboard.press(`Control+${key}`)
    await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible()
    await expect(page.getByRole('main').locator('[aria-busy="true"]')).toHaveCount(0)
  }

  // Where Plannr's data carries photo URLs: the circles list and a circle's details, a conversation's people.
  await page.keyboard.press('Control+2')
  const circles = page.getByRole('list', { name: 'Circles' })
  await expect(circles.getByRole('listitem').first()).toBeVisible()
  await circles.getByRole('button').first().click()
  await expect(page.getByRole('button', { name: /^Close/ })).toBeVisible()
  // Initials, drawn in the page: no image at all.
  await expect(page.getByRole('main').locator('img')).toHaveCount(0)

  await page.keyboard.press('Control+1')
  await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().click()
  await expect(page.getByRole('list', { name: 'Messages' })).toBeVisible()

  await page.keyboard.press('Control+k')
  await page.getByRole('combobox', { name: 'Find a circle, client or conversation' }).fill('a')
  await expect(page.getByRole('dialog', { name: 'Quick switcher' }).getByRole('option').first()).toBeVisible()
  await page.keyboard.press('Escape')

  expect(elsewhere, 'requests to other origins').toEqual([])
  elsewhere.length = 0

  // The policy itself: images only from the app or data: URLs. An https image is refused before any request.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("img-src 'self' data:;")
  const blocked = page.waitForEvent('requestfailed', (request) => request.url().startsWith('https://eu.ui-avatars.com/'))
  const refused = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true })
        const img = document.createElement('img')
        img.src = 'https://eu.ui-avatars.com/api/?name=Allen+Family'
        document.body.append(img)
      }),
  )
  expect(refused).toBe('img-src')
  expect((await blocked).failure()?.errorText, 'stopped by the CSP, never sent').toMatch(/csp/i)
})
