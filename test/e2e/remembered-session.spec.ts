import { test as base, expect } from '@playwright/test'
import keytar from 'keytar'
import { startSandbox, SANDBOX_TOKENS, tokenFingerprint, type Sandbox } from '../../src/main/sandbox'
import { probeKeychain } from '../support/keychain-probe'
import { deleteKeychainService } from './fixtures/keychain'
import { signInWithToken, welcomeHeading } from './fixtures/screens'
import { previewDataDir, startPreview, stopPreview } from './fixtures/web-preview'
import { rm } from 'node:fs/promises'

/*
 * The app remembers who signed in across restarts, through the OS keychain, and forgets them on sign-out.
 * Three web previews in turn play three launches of the app, all against one sandbox playing Plannr and
 * one keychain service.
 */

base.describe('a session kept in the OS keychain', () => {
  let sandbox: Sandbox
  const service = `Plannr Desktop e2e remembered ${process.pid}-${Date.now()}`

  base.beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
  })

  base.afterAll(async () => {
    await deleteKeychainService(service)
    await rm(previewDataDir(service), { recursive: true, force: true })
    await sandbox?.close()
  })

  base('is there after a restart, without asking again, and gone after signing out', async ({ page }) => {
    const keychain = await probeKeychain()
    if (!keychain.available) console.log(`Remembered-session test skipped — ${keychain.reason}`)
    base.skip(!keychain.available, `needs a Secret Service: ${keychain.available ? '' : keychain.reason}`)
    const signedIn = page.getByRole('region', { name: 'Signed in' })

    // First launch: sign in with a token whose login names a preferred account.
    let run = await startPreview(service, { apiUrl: sandbox.url })
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.preferred)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect(signedIn).toContainText('Daniel Hughes')
      // The list has come in, so its saved copy (and the key it is sealed with) exists.
      await expect(page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').first()).toBeVisible()
    } finally {
      await stopPreview(run.child)
    }
    // The keychain holds the session and the key of the saved data; nothing is readable without the keychain itself.
    // One entry for the sign-in (named by the Plannr address and user) and one for the saved data's key.
    const accounts = (await keytar.findCredentials(service)).map((c) => c.account)
    expect(accounts).toHaveLength(2)
    expect(accounts.filter((account) => account.startsWith('store-key:'))).toHaveLength(1)

    // Second launch: straight back in, as the same person and account, with no sign-in screen.
    run = await startPreview(service, { apiUrl: sandbox.url })
    try {
      sandbox.clearRequests()
      await page.goto(run.preview.url)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await expect(signedIn).toContainText('Daniel Hughes')
      await expect(signedIn).toContainText('Northgate')
      await expect(welcomeHeading(page)).toHaveCount(0)
      // The remembered token is the one Plannr sees.
      await expect.poll(() => sandbox.requests.some((r) => r.headers['authorization'] === `Bearer ${tokenFingerprint(SANDBOX_TOKENS.preferred)}`)).toBe(true)

      await page.getByRole('button', { name: 'Sign out' }).click()
      await expect(welcomeHeading(page)).toBeVisible()
    } finally {
      await stopPreview(run.child)
    }
    expect(await keytar.findCredentials(service)).toHaveLength(0)

    // Third launch: signed out stays signed out.
    run = await startPreview(service, { apiUrl: sandbox.url })
    try {
      await page.goto(run.preview.url)
      await expect(welcomeHeading(page)).toBeVisible()
    } finally {
      await stopPreview(run.child)
    }
  })
})
