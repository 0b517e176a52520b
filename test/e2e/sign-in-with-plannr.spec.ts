import type { APIRequestContext, Page } from '@playwright/test'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { probeKeychain } from '../support/keychain-probe'
import { followAuthorize } from '../support/browser'
import { controlHeaders } from './fixtures/sandbox'
import { goToView, mainNav, signInWithToken, welcomeHeading } from './fixtures/screens'
import { SANDBOX_TOKENS } from './fixtures/tokens'
import { expect, nextOpenExternal, test, type WebPreview } from './fixtures/web-preview'

/*
 * "Sign in with Plannr" through the real UI: the web preview prints OPEN_EXTERNAL=<url> where Electron
 * would open the system browser, and the test plays that browser, following Plannr's redirect back to
 * the app's loopback callback.
 */

async function oauthSettings(request: APIRequestContext, preview: WebPreview, patch: Record<string, unknown>): Promise<void> {
  const answer = await request.put(`${preview.sandboxUrl}/__sandbox/oauth`, { data: patch, headers: controlHeaders(preview.sandboxUrl) })
  expect(answer.ok()).toBe(true)
}

function signInButton(page: Page) {
  return page.getByRole('button', { name: 'Sign in with Plannr' })
}

/** Clicks "Sign in with Plannr" and returns the authorise address the app sent the browser to. */
async function startSignIn(page: Page, preview: WebPreview): Promise<string> {
  const seen = preview.opened.length
  await expect(welcomeHeading(page)).toBeVisible()
  await signInButton(page).click()
  const url = await nextOpenExternal(preview, seen)
  await expect(page.getByRole('heading', { name: 'Finish signing in in your browser' })).toBeVisible()
  // The same link is on screen, to copy if no browser opened.
  await expect(page.getByLabel('Sign-in link')).toHaveValue(url)
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeVisible()
  return url
}

test('signs in through the browser, and no token crosses the WebSocket or lands in the data folder', async ({ app: page, preview }) => {
  const frames: string[] = []
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => frames.push(String(frame.payload)))
    socket.on('framereceived', (frame) => frames.push(String(frame.payload)))
  })
  await page.reload()

  const authorize = await startSignIn(page, preview)
  expect(new URL(authorize).pathname).toBe('/oauth/authorize')
  const visit = await followAuthorize(authorize)
  expect(visit.status).toBe(200)

  await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Signed in' })).toContainText('Sophie Turner')
  await goToView(page, 'Circles')

  const keychain = await probeKeychain()
  test.skip(!keychain.available, `token search needs the keychain: ${keychain.available ? '' : keychain.reason}`)
  const { default: keytar } = await import('keytar')
  // The sign-in's entry; the saved data's key (store-key:…) sits beside it.
  const entry = (await keytar.findCredentials(preview.keychainService)).find((credential) => !credential.account.startsWith('store-key:'))
  const secrets = JSON.parse(entry?.password ?? '{}') as { accessToken?: string; refreshToken?: string }
  expect(secrets.accessToken).toMatch(/^sbx_at_/)
  expect(secrets.refreshToken).toMatch(/^sbx_rt_/)
  // Every file in the data folder, the stores' databases included (their bytes, read as text).
  const entries = await readdir(preview.dataDir, { recursive: true, withFileTypes: true })
  const files = await Promise.all(
    entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'latin1')),
  )
  expect(frames.length).toBeGreaterThan(0)
  for (const secret of [secrets.accessToken ?? '', secrets.refreshToken ?? '']) {
    expect(frames.join('\n')).not.toContain(secret)
    expect(files.join('\n')).not.toContain(secret)
  }
})

test('refused consent returns to the sign-in screen with a message', async ({ app: page, preview, request }) => {
  await oauthSettings(request, preview, { refuseConsent: true })
  await followAuthorize(await startSignIn(page, preview))
  await expect(page.getByText('You did not allow Plannr Desktop to use your Plannr account')).toBeVisible()
  await expect(signInButton(page)).toBeVisible()
})

test('Cancel stops waiting and says so', async ({ app: page, preview }) => {
  const authorize = await startSignIn(page, preview)
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('Sign-in cancelled.')).toBeVisible()
  await expect(signInButton(page)).toBeVisible()
  // The browser coming back afterwards finds nobody listening.
  await expect(followAuthorize(authorize)).rejects.toThrow()
})

test('when Plannr revokes the sign-in, the app returns to sign-in and says why', async ({ app: page, preview, request }) => {
  await followAuthorize(await startSignIn(page, preview))
  await expect(mainNav(page)).toBeVisible()
  expect((await request.post(`${preview.sandboxUrl}/__sandbox/oauth/revoke`, { headers: controlHeaders(preview.sandboxUrl) })).status()).toBe(204)
  // Any call now meets the revoked sign-in; the app may already have noticed by itself and left the shell.
  await mainNav(page).getByRole('button', { name: 'Contacts', exact: true }).click({ timeout: 2_000 }).catch(() => undefined)
  await expect(welcomeHeading(page)).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Your Plannr sign-in has ended' })).toBeVisible()
})

test('the sidebar switches account, showing firm and role, preferred account first', async ({ app: page }) => {
  // Daniel Hughes works at Harbour & Vale and Northgate; Plannr prefers Northgate for him.
  await signInWithToken(page, SANDBOX_TOKENS.preferred)
  await expect(mainNav(page)).toBeVisible()
  const signedIn = page.getByRole('region', { name: 'Signed in' })
  await expect(signedIn).toContainText('Northgate')
  const switcher = page.getByLabel('Switch account')
  const options = await switcher.locator('option').allTextContents()
  expect(options[0]).toMatch(/^Northgate Wealth Partners — .+ \(preferred\)$/)
  expect(options[1]).toMatch(/^Harbour & Vale Financial Planning — /)

  const harbour = await switcher.locator('option', { hasText: 'Harbour & Vale' }).getAttribute('value')
  await switcher.selectOption(harbour ?? '')
  await expect(signedIn).toContainText('Harbour & Vale')
  await expect(switcher).toHaveValue(harbour ?? '')
})
