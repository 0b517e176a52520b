import { allViolations, expectShellDialogsClean } from './fixtures/axe'
import { test, expect } from './fixtures/web-preview'
import { VIEWS, openDemoWorkspace, viewSettled, welcomeHeading } from './fixtures/screens'

/*
 * axe with every rule, best practices included, on each screen and each dialog the shell opens, in the light
 * and the dark theme: no finding of any impact. (accessibility.spec.ts keeps the quicker serious-only check.)
 */

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('every screen, view and dialog passes every axe rule', async ({ app: page }) => {
      test.setTimeout(180_000)
      await expect(welcomeHeading(page)).toBeVisible()
      expect(await allViolations(page), 'welcome screen').toEqual([])
      await openDemoWorkspace(page)

      for (const [key, name] of VIEWS) {
        await page.keyboard.press(`Control+${key}`)
        await viewSettled(page, name)
        expect(await allViolations(page), `${name} view`).toEqual([])
      }

      // Conversations: a thread open, and the new-conversation dialog with its participant picker open.
      await page.keyboard.press('Control+1')
      await viewSettled(page, 'Conversations')
      await page.getByRole('list', { name: 'Conversations' }).getByRole('button').first().click()
      await expect(page.getByRole('list', { name: 'Messages' })).toBeVisible()
      expect(await allViolations(page), 'a conversation open').toEqual([])
      await page.getByRole('button', { name: 'New conversation' }).first().click()
      const create = page.getByRole('dialog', { name: 'New conversation' })
      await create.getByRole('combobox', { name: 'Participants' }).pressSequentially('a')
      // The picker's options open inside the dialog, where a screen reader in the modal dialog can reach them.
      await expect(create.getByRole('listbox').getByRole('option').first()).toBeVisible()
      expect(await allViolations(page), 'new conversation dialog, picker open').toEqual([])
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await expect(create).toHaveCount(0)

      // Circles: a circle's details.
      await page.keyboard.press('Control+2')
      await viewSettled(page, 'Circles')
      await page.getByRole('list', { name: 'Circles' }).getByRole('button').first().click()
      await expect(page.getByRole('button', { name: /^Close/ })).toBeVisible()
      expect(await allViolations(page), 'a circle’s details').toEqual([])

      // Contacts: a client's card and the add-detail dialog.
      await page.keyboard.press('Control+3')
      await viewSettled(page, 'Contacts')
      await page.getByRole('list', { name: 'Clients' }).getByRole('button').first().click()
      const add = page.getByRole('button', { name: 'Add phone number' })
      await expect(add).toBeVisible()
      expect(await allViolations(page), 'a client’s card').toEqual([])
      await add.click()
      await expect(page.getByRole('dialog', { name: 'Add contact detail' })).toBeVisible()
      expect(await allViolations(page), 'add contact detail dialog').toEqual([])
      await page.keyboard.press('Escape')
      // The next shortcut goes to the page only once the dialog has let go of focus.
      await expect(page.getByRole('dialog')).toHaveCount(0)

      // Referral connections: the connect dialog.
      await page.keyboard.press('Control+4')
      await viewSettled(page, 'Referral connections')
      await page.getByRole('button', { name: 'Connect with an adviser' }).click()
      await expect(page.getByRole('dialog', { name: 'Connect with an adviser' })).toBeVisible()
      expect(await allViolations(page), 'connect dialog').toEqual([])
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog')).toHaveCount(0)

      await expectShellDialogsClean(page, allViolations)
    })
  })
}
