import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'
import { circleRows, openDemo, waitForAllCircles, welcomeHeading } from './fixtures/screens'

/** axe-core's automated WCAG 2.x A/AA checks; serious and critical findings fail the test. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')) }))
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('the welcome and circles screens have no serious accessibility problems', async ({ app: page }) => {
      await expect(welcomeHeading(page)).toBeVisible()
      expect(await seriousViolations(page), 'welcome screen').toEqual([])

      await openDemo(page)
      await waitForAllCircles(page)
      await expect(circleRows(page).first()).toBeVisible()
      expect(await seriousViolations(page), 'circles screen').toEqual([])
    })
  })
}
