import type { APIRequestContext } from '@playwright/test'
import { SANDBOX_TOKENS } from './fixtures/tokens'
import { openDemoWorkspace } from './fixtures/screens'
import { test, expect } from './fixtures/web-preview'

/*
 * Text typed into Plannr elsewhere reaches the app as it is. Shown to an adviser, it must be what it
 * seems: a title carrying a right-to-left override ("\u202Egnp.exe" reads as "exe.png") shows its real
 * characters, in its own isolated run, and cannot reorder the interface around it.
 */

async function createInPlannr(request: APIRequestContext, sandboxUrl: string, body: { name: string }): Promise<string> {
  const headers: Record<string, string> = { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}` }
  const logins = (await (await request.get(`${sandboxUrl}/api/v1/logins`, { headers })).json()) as { preferred_account_uuid: string }
  headers['X-PLANNR-ACCOUNT-UUID'] = logins.preferred_account_uuid
  const created = await request.post(`${sandboxUrl}/api/v1/conversation`, { headers, data: { ...body, participants: [] } })
  expect(created.status()).toBe(200)
  const conversation = (await created.json()) as { uuid: string }
  const message = await request.post(`${sandboxUrl}/api/v1/conversation/${conversation.uuid}/messages`, {
    headers,
    data: { contents: 'See the attached \u202Efdp.exe please' },
  })
  expect(message.status()).toBe(200)
  return conversation.uuid
}

test('a title or message with a direction override shows its real characters, isolated', async ({ app: page, preview, request }) => {
  await createInPlannr(request, preview.sandboxUrl, { name: 'Invoice \u202Egnp.exe' })
  await openDemoWorkspace(page)
  const row = page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').filter({ hasText: 'Invoice' })
  const title = row.locator('.name bdi')
  await expect(title).toHaveText('Invoice gnp.exe')
  expect(await title.evaluate((element) => element.textContent)).toBe('Invoice gnp.exe')
  // <bdi> isolates its text and takes its direction from it (dir=auto), whatever it holds.
  expect(await title.evaluate((element) => getComputedStyle(element).unicodeBidi)).toBe('isolate')
  await expect(row).toContainText('See the attached fdp.exe please')

  await row.getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 2, name: 'Invoice gnp.exe' })).toBeVisible()
  const message = page.getByRole('list', { name: 'Messages' }).getByRole('listitem').last()
  await expect(message).toContainText('See the attached fdp.exe please')
  expect(await message.locator('.contents').getAttribute('dir')).toBe('auto')
})
