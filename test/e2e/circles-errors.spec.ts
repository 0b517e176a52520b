import type { Page } from '@playwright/test'
import { test, expect } from './fixtures/web-preview'
import { sandboxRequests, setSandboxFaults } from './fixtures/sandbox'
import { circleRows, goToView, signInWithToken, waitForAllCircles } from './fixtures/screens'
import { SANDBOX_TOKENS } from './fixtures/tokens'

/*
 * Choosing an account makes no call to Plannr, so the faults are switched on while the choice is on
 * screen: the first things to meet them are the fetches of the views that follow, circles among them.
 */
async function reachAccountChoice(page: Page): Promise<void> {
  await signInWithToken(page, SANDBOX_TOKENS.multiFirm)
  await expect(page.getByRole('heading', { level: 1, name: 'Choose an account' })).toBeVisible()
  await page.getByRole('radio', { name: /Harbour/ }).check()
}

for (const fault of [
  { name: 'Plannr failing with 500s', faults: { failureRate: 1 }, status: 500 },
  { name: 'Plannr unreachable', faults: { offline: true }, status: null },
] as const) {
  test(`${fault.name} while loading circles shows the error, and “Try again” recovers`, async ({ app: page, preview, request }) => {
    await reachAccountChoice(page)
    await setSandboxFaults(request, preview.sandboxUrl, fault.faults)
    await page.getByRole('button', { name: 'Continue' }).click()
    await goToView(page, 'Circles')

    const problem = page.getByRole('alert').filter({ hasText: 'Circles could not be loaded' })
    await expect(problem).toBeVisible({ timeout: 30_000 })
    await expect(circleRows(page)).toHaveCount(0)
    if (fault.status !== null) {
      const failed = (await sandboxRequests(request, preview.sandboxUrl)).filter((entry) => /\/circles$/.test(entry.path))
      expect(failed.length).toBeGreaterThan(0)
      expect(failed.every((entry) => entry.status === fault.status)).toBe(true)
    }

    await setSandboxFaults(request, preview.sandboxUrl, { failureRate: 0, offline: false })
    await page.getByRole('button', { name: 'Try again' }).click()
    await waitForAllCircles(page)
    await expect(circleRows(page).first()).toBeVisible()
    await expect(problem).toHaveCount(0)
  })
}
