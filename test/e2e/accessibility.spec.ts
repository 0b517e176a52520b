import { seriousViolations, expectShellDialogsClean } from './fixtures/axe'
import { test, expect } from './fixtures/web-preview'
import { VIEWS, openDemoWorkspace, viewSettled, welcomeHeading } from './fixtures/screens'

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
        await viewSettled(page, name)
        expect(await seriousViolations(page), `${name} view`).toEqual([])
      }

      await expectShellDialogsClean(page, seriousViolations)
    })
  })
}
