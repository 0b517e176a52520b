import { test, expect } from './fixtures/web-preview'
import { circleRows, openDemo, signInWithToken, waitForAllCircles } from './fixtures/screens'
import { SANDBOX_TOKENS } from './fixtures/tokens'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme, viewport: { width: 1200, height: 760 } })
    test('shots', async ({ app: page }) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.screenshot({ path: `/tmp/rtest/real-welcome-${colorScheme}.png`, fullPage: true })
      await signInWithToken(page, SANDBOX_TOKENS.multiFirm)
      await expect(page.getByRole('heading', { name: 'Choose an account' })).toBeVisible()
      await page.screenshot({ path: `/tmp/rtest/real-choose-${colorScheme}.png` })
      await page.getByRole('button', { name: 'Use a different token' }).click()
      await openDemo(page)
      await waitForAllCircles(page)
      await expect(circleRows(page).first()).toBeVisible()
      await page.screenshot({ path: `/tmp/rtest/real-circles-${colorScheme}.png` })
      await page.mouse.wheel(0, 100000)
      await page.waitForTimeout(300)
      await page.screenshot({ path: `/tmp/rtest/real-circles-bottom-${colorScheme}.png` })
    })
  })
}
