import type { Page } from '@playwright/test'
import { seriousViolations } from './fixtures/axe'
import { test, expect } from './fixtures/web-preview'
import { VIEWS, openDemoWorkspace, welcomeHeading } from './fixtures/screens'


/** Waits until the view has its content: its heading, nothing busy, no loading placeholder. */
async function settled(page: Page, heading: string): Promise<void> {
  const main = page.getByRole('main')
  await expect(main.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible()
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0)
  await expect(main.getByText(/^Loading\b/)).toHaveCount(0)
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('the welcome screen, each of the four views and the shell’s dialogs have no serious accessibility problems', async ({
      app: page,
    }) => {
      await expect(welcomeHeading(page)).toBeVisible()
      expect(await seriousViolations(page), 'welcome screen').toEqual([])

      await openDemoWorkspace(page)
      // The theme follows the OS: the page's background is the theme's, not the other one's.
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(15, 18, 23)' : 'rgb(245, 246, 248)')

      for (const [key, name] of VIEWS) {
        await page.keyboard.press(`Control+${key}`)
        await settled(page, name)
        expect(await seriousViolations(page), `${name} view`).toEqual([])
      }

      await page.keyboard.press('Control+k')
      const switcher = page.getByRole('dialog', { name: 'Quick switcher' })
      await switcher.getByRole('combobox').fill('a')
      await expect(switcher.getByRole('option').first()).toBeVisible()
      expect(await seriousViolations(page), 'quick switcher').toEqual([])
      await page.keyboard.press('Escape')

      await page.keyboard.press('Control+/')
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
      expect(await seriousViolations(page), 'keyboard shortcuts').toEqual([])
    })
  })
}
