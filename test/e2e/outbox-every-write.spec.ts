import { rm } from 'node:fs/promises'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from '../../src/main/sandbox'
import { sandboxControl } from '../../src/main/sandbox/control'
import { probeKeychain } from '../support/keychain-probe'
import { deleteKeychainService } from './fixtures/keychain'
import { rememberSandboxControl, sandboxRequests, setSandboxFaults, type RecordedRequest } from './fixtures/sandbox'
import { goToView, signInWithToken } from './fixtures/screens'
import { startPreview, stopPreview, tempDataDir, type RunningPreview } from './fixtures/web-preview'

/*
 * Every kind of write the app makes, made on a train: Plannr out of reach (the sandbox's offline switch),
 * a message sent, one edited, a conversation pinned, a new conversation started and written in, a contact
 * detail added and one changed, a referral connection asked for — each shown at once in its own view,
 * marked; the app stopped and started again on the same data folder, still marked; Plannr back: the
 * sandbox's journal shows each write carried out exactly once, in the order made (per record), the new conversation's
 * message sent to its real id, and each row then shows Plannr's record, unmarked.
 */

/** How a row whose write is not yet on Plannr reads (the words, not how they are drawn). */
const PENDING = /Waiting for connection|Sending…/
const UNSENT = /Waiting for connection|Sending…|Needs attention/

const statusBar = (page: Page) => page.getByRole('contentinfo', { name: 'Sync status' })
const outboxButton = (page: Page, count?: number) =>
  statusBar(page).getByRole('button', count === undefined ? { name: 'Outbox', exact: true } : { name: `Outbox (${count})` })
const conversationRows = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem')
const conversationRow = (page: Page, uuid: string) => conversationRows(page).filter({ has: page.locator(`[data-uuid="${uuid}"]`) })
const rowByTitle = (page: Page, title: string) => conversationRows(page).filter({ hasText: title })
const pinButton = (page: Page, uuid: string) => conversationRow(page, uuid).getByRole('button', { name: /^Pin “/ })
const messages = (page: Page) => page.getByRole('list', { name: 'Messages' }).getByRole('listitem')
const message = (page: Page, text: string) => messages(page).filter({ hasText: text })
/** One's own messages: only those offer Edit. */
const mine = (page: Page) => messages(page).filter({ has: page.getByRole('button', { name: /^Edit message/ }) })
const card = (page: Page) => page.getByRole('article')
const phones = (page: Page) => card(page).getByRole('list', { name: 'Phone numbers' }).getByRole('listitem')
const emails = (page: Page) => card(page).getByRole('list', { name: 'Email addresses' }).getByRole('listitem')
const dialog = (page: Page) => page.getByRole('dialog')
const field = (page: Page, name: string) => dialog(page).getByRole('textbox', { name, exact: true })
const referralRows = (page: Page) => page.getByRole('list', { name: 'Referral connections' }).getByRole('listitem')

/** Writes the sandbox carried out (a 2xx answer), in the order it received them. */
async function carriedOut(request: APIRequestContext, sandboxUrl: string): Promise<RecordedRequest[]> {
  return (await sandboxRequests(request, sandboxUrl)).filter((entry) => entry.method !== 'GET' && entry.status >= 200 && entry.status < 300)
}

/** A failure comes with what the web preview (core and all) said. */
async function explain(run: RunningPreview): Promise<void> {
  await base.info().attach('web-preview stderr', { body: run.stderr(), contentType: 'text/plain' })
}

async function openConversation(page: Page, uuid: string, title: string): Promise<void> {
  await goToView(page, 'Conversations')
  await conversationRow(page, uuid).getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
}

base.describe('every kind of write through the outbox', () => {
  base.setTimeout(180_000)
  let sandbox: Sandbox
  const service = `Plannr Desktop e2e outbox-all ${process.pid}-${Date.now()}`
  const dataDir = tempDataDir()

  base.afterAll(async () => {
    await deleteKeychainService(service)
    await sandbox?.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  base('one write of each kind made offline survives a restart and reaches Plannr once each, in order', async ({ page, request }) => {
    const keychain = await probeKeychain()
    base.skip(!keychain.available, `needs a Secret Service to keep the store's key: ${keychain.available ? '' : keychain.reason}`)
    sandbox = await startSandbox({ size: 'small', control: sandboxControl() })
    rememberSandboxControl(sandbox.url, sandbox.controlSecret!)
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    const stamp = Date.now()
    const sent = `Written on the train ${stamp}`
    const edited = `Edited on the train ${stamp}`
    const newTitle = `Train review ${stamp}`
    const firstNote = `First note in the new conversation ${stamp}`
    const email = `train.${stamp}@example.com`

    // Online first: what the views show is kept, so that they open offline too.
    let run: RunningPreview = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    let thread: { uuid: string; title: string }
    let pinned: { uuid: string; title: string }
    let client: string
    let tempUuid: string
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      const first = conversationRows(page).first()
      thread = { uuid: (await first.getByRole('button').first().getAttribute('data-uuid'))!, title: (await first.getByRole('button').first().getAttribute('title'))! }
      const unpinned = conversationRows(page).filter({ has: page.getByRole('button', { name: /^Pin “/, pressed: false }) }).first()
      pinned = { uuid: (await unpinned.getByRole('button').first().getAttribute('data-uuid'))!, title: (await unpinned.getByRole('button').first().getAttribute('title'))! }
      await openConversation(page, thread.uuid, thread.title)
      await expect(mine(page).first()).toBeVisible()
      const ownOnPlannr = await mine(page).count()

      await goToView(page, 'Contacts')
      const someone = page.getByRole('list', { name: 'Clients' }).getByRole('button').filter({ hasText: /@.* · \d/ }).first()
      await someone.click()
      client = ((await card(page).getByRole('heading', { level: 2 }).textContent()) ?? '').trim()
      await expect(someone).toContainText(client)
      await expect(phones(page).first()).toBeVisible()
      await goToView(page, 'Referral connections')
      await expect(referralRows(page).first()).toBeVisible()

      // Plannr out of reach.
      await setSandboxFaults(request, sandbox.url, { offline: true })

      // 1. A message, 2. an edit of one of one's own already on Plannr.
      await openConversation(page, thread.uuid, thread.title)
      const composer = page.getByRole('textbox', { name: `Message to ${thread.title}` })
      await composer.fill(sent)
      await composer.press('Enter')
      await expect(message(page, sent)).toContainText(PENDING)
      // The last of one's own messages that Plannr already had (the new one follows them).
      await mine(page).nth(ownOnPlannr - 1).getByRole('button', { name: /^Edit message/ }).click()
      const editor = page.getByRole('textbox', { name: 'Edit your message' })
      await editor.fill(edited)
      await editor.press('Enter')
      await expect(editor).toHaveCount(0)
      await expect(message(page, edited)).toContainText(PENDING)
      await expect(message(page, edited)).toContainText('(edited)')
      // The list's preview says who wrote the new message, as for any other.
      await expect(conversationRow(page, thread.uuid)).toContainText(`Sophie Turner: ${sent}`)

      // 3. A pin.
      await pinButton(page, pinned.uuid).click()
      await expect(pinButton(page, pinned.uuid)).toHaveAttribute('aria-pressed', 'true')
      await expect(conversationRow(page, pinned.uuid)).toContainText(PENDING)

      // 4. A new conversation, and a message in it.
      await page.getByRole('button', { name: 'New conversation' }).first().click()
      const create = page.getByRole('dialog', { name: 'New conversation' })
      await create.getByLabel('Title').fill(newTitle)
      await create.getByRole('button', { name: 'Create conversation' }).click()
      await expect(create).toHaveCount(0)
      await expect(rowByTitle(page, newTitle)).toContainText(PENDING)
      tempUuid = (await rowByTitle(page, newTitle).getByRole('button').first().getAttribute('data-uuid'))!
      await expect(page.getByRole('heading', { level: 2, name: newTitle })).toBeVisible()
      const newComposer = page.getByRole('textbox', { name: `Message to ${newTitle}` })
      await newComposer.fill(firstNote)
      await newComposer.press('Enter')
      await expect(message(page, firstNote)).toContainText(PENDING)

      // 5. A contact detail added, 6. one changed.
      await goToView(page, 'Contacts')
      await expect(card(page).getByRole('heading', { level: 2, name: client, exact: true })).toBeVisible()
      await card(page).getByRole('button', { name: 'Add email' }).click()
      await field(page, 'Description').fill('Train email')
      await field(page, 'Email address').fill(email)
      await dialog(page).getByRole('button', { name: 'Save' }).click()
      await expect(dialog(page)).toBeHidden()
      await expect(emails(page).filter({ hasText: 'Train email' })).toContainText(PENDING)
      await phones(page).first().getByRole('button', { name: /^Edit / }).click()
      await field(page, 'Description').fill('Mobile (train)')
      await field(page, 'Phone number').fill('07911 123 456')
      await dialog(page).getByRole('button', { name: 'Save' }).click()
      await expect(dialog(page)).toBeHidden()
      // The new number, not the one it replaces, while it waits.
      await expect(phones(page).filter({ hasText: 'Mobile (train)' })).toContainText('07911 123456')
      await expect(phones(page).filter({ hasText: 'Mobile (train)' })).toContainText(PENDING)

      // 7. A referral connection.
      await goToView(page, 'Referral connections')
      await page.getByRole('button', { name: 'Connect with an adviser' }).click()
      const connect = page.getByRole('dialog', { name: 'Connect with an adviser' })
      await connect.getByLabel('Referral code').fill('MMP1F6K8')
      await connect.getByRole('button', { name: 'Send request' }).click()
      await expect(connect).toBeHidden()
      await expect(page.getByRole('status').filter({ hasText: 'Request waiting to be sent' })).toBeVisible()
      await expect(referralRows(page).filter({ hasText: 'Referral code MMP1F6K8' })).toContainText(PENDING)

      await expect(outboxButton(page, 8)).toBeVisible()
    } catch (error) {
      await explain(run)
      throw error
    } finally {
      await stopPreview(run.child)
    }
    // Nothing reached Plannr while it was out of reach.
    expect(await carriedOut(request, sandbox.url)).toEqual([])

    // Started again on the same data folder, still offline: every write still there, each still marked.
    run = await startPreview(service, { apiUrl: sandbox.url, dataDir })
    try {
      await page.goto(run.preview.url)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible({ timeout: 30_000 })
      await expect(outboxButton(page, 8)).toBeVisible()
      await expect(conversationRow(page, pinned.uuid)).toContainText(PENDING)
      await expect(pinButton(page, pinned.uuid)).toHaveAttribute('aria-pressed', 'true')
      await openConversation(page, thread.uuid, thread.title)
      await expect(message(page, sent)).toContainText(PENDING)
      await expect(message(page, edited)).toContainText(PENDING)
      await goToView(page, 'Contacts')
      await page.getByRole('list', { name: 'Clients' }).getByRole('button').filter({ hasText: client }).first().click()
      await expect(emails(page).filter({ hasText: 'Train email' })).toContainText(PENDING)
      await expect(phones(page).filter({ hasText: 'Mobile (train)' })).toContainText(PENDING)
      await goToView(page, 'Referral connections')
      await expect(referralRows(page).filter({ hasText: 'Referral code MMP1F6K8' })).toContainText(PENDING)
      // The new conversation is left open as Plannr comes back: it must carry on under its real id.
      await openConversation(page, tempUuid, newTitle)
      await expect(conversationRow(page, tempUuid)).toContainText(PENDING)
      await expect(message(page, firstNote)).toContainText(PENDING)

      // Plannr is back: any answer tells the app so, and the outbox goes at once.
      await setSandboxFaults(request, sandbox.url, { offline: false })
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      await expect(outboxButton(page)).toBeVisible({ timeout: 30_000 })

      // Exactly once each, in the order made, the new conversation's message to its real id.
      const writes = await carriedOut(request, sandbox.url)
      const created = writes.find((entry) => entry.method === 'POST' && entry.path === '/api/v1/conversation')
      expect(created?.body).toEqual({ name: newTitle })
      const inNew = writes.find((entry) => entry.method === 'POST' && (entry.body as { contents?: string } | null)?.contents === firstNote)
      const realUuid = /^\/api\/v1\/conversation\/([^/]+)\/messages$/.exec(inNew?.path ?? '')?.[1] ?? ''
      expect(realUuid).not.toBe('')
      expect(realUuid).not.toBe(tempUuid)
      const edit = writes.find((entry) => entry.method === 'PUT' && entry.path.startsWith(`/api/v1/conversation/${thread.uuid}/messages/`))
      const detailEdit = writes.find((entry) => entry.method === 'PUT' && entry.path.startsWith('/api/v2/contact-details/'))
      const made = [
        ['POST', `/api/v1/conversation/${thread.uuid}/messages`, { contents: sent }],
        ['PUT', edit?.path, { contents: edited }],
        ['POST', `/api/v1/conversation/${pinned.uuid}/pin`, { pin: true }],
        ['POST', '/api/v1/conversation', { name: newTitle }],
        ['POST', `/api/v1/conversation/${realUuid}/messages`, { contents: firstNote }],
        ['POST', '/api/v2/contact-details', expect.objectContaining({ type: 'email', name: 'Train email', value: email })],
        ['PUT', detailEdit?.path, expect.objectContaining({ name: 'Mobile (train)', value: '+447911123456' })],
        ['POST', '/api/v1/referral-connections', { adviser_key: 'MMP1F6K8' }],
      ] as const
      expect(writes.map((entry) => [entry.method, entry.path, entry.body])).toEqual(expect.arrayContaining(made.map((write) => [...write])))
      expect(writes).toHaveLength(made.length)
      // In order per record: a message before its edit, a conversation before the message written in it.
      const at = (method: string, path: string | undefined) => writes.findIndex((entry) => entry.method === method && entry.path === path)
      expect(at('POST', `/api/v1/conversation/${thread.uuid}/messages`)).toBeLessThan(at('PUT', edit?.path))
      expect(at('POST', '/api/v1/conversation')).toBeLessThan(at('POST', `/api/v1/conversation/${realUuid}/messages`))
      // Nothing refused, and the temporary id never left the app.
      const journal = await sandboxRequests(request, sandbox.url)
      expect(journal.filter((entry) => entry.status >= 400).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual([])
      expect(journal.filter((entry) => JSON.stringify(entry).includes(tempUuid))).toEqual([])

      // Each row now shows Plannr's record, unmarked. The open conversation carries on under its real id.
      await expect(conversationRow(page, realUuid)).toBeVisible()
      await expect(conversationRow(page, realUuid)).not.toContainText(UNSENT)
      await expect(conversationRow(page, tempUuid)).toHaveCount(0)
      await expect(page.getByRole('heading', { level: 2, name: newTitle })).toBeVisible()
      await expect(message(page, firstNote)).toHaveCount(1)
      await expect(message(page, firstNote)).not.toContainText(UNSENT)
      const again = `Back online ${stamp}`
      await page.getByRole('textbox', { name: `Message to ${newTitle}` }).fill(again)
      await page.getByRole('textbox', { name: `Message to ${newTitle}` }).press('Enter')
      await expect(message(page, again)).not.toContainText(UNSENT)
      expect((await carriedOut(request, sandbox.url)).filter((entry) => (entry.body as { contents?: string } | null)?.contents === again).map((entry) => entry.path)).toEqual([
        `/api/v1/conversation/${realUuid}/messages`,
      ])

      await expect(pinButton(page, pinned.uuid)).toHaveAttribute('aria-pressed', 'true')
      await expect(conversationRow(page, pinned.uuid)).not.toContainText(UNSENT)
      await openConversation(page, thread.uuid, thread.title)
      await expect(message(page, sent)).toHaveCount(1)
      await expect(message(page, sent)).not.toContainText(UNSENT)
      await expect(message(page, edited)).toContainText('(edited)')
      await expect(message(page, edited)).not.toContainText(UNSENT)

      await goToView(page, 'Contacts')
      await page.getByRole('list', { name: 'Clients' }).getByRole('button').filter({ hasText: client }).first().click()
      await expect(emails(page).filter({ hasText: 'Train email' })).toContainText(email)
      await expect(emails(page).filter({ hasText: 'Train email' })).not.toContainText(UNSENT)
      await expect(phones(page).filter({ hasText: 'Mobile (train)' })).toContainText('07911 123456')
      await expect(phones(page).filter({ hasText: 'Mobile (train)' })).not.toContainText(UNSENT)

      // Plannr's record names the firm and adviser behind the code.
      await goToView(page, 'Referral connections')
      const marlow = referralRows(page).filter({ hasText: 'Marlow Mortgage & Protection' })
      await expect(marlow).toContainText('Pending')
      await expect(marlow).not.toContainText(UNSENT)
      await expect(referralRows(page).filter({ hasText: 'Referral code MMP1F6K8' })).toHaveCount(0)
    } catch (error) {
      await explain(run)
      throw error
    } finally {
      await stopPreview(run.child)
    }
    expect(problems, 'uncaught errors in the page').toEqual([])
  })

  base('a write Plannr refuses on replay needs attention, and is fixed and sent, or discarded and taken back', async ({ page, request }) => {
    const keychain = await probeKeychain()
    base.skip(!keychain.available, `needs a Secret Service to keep the store's key: ${keychain.available ? '' : keychain.reason}`)
    const refusing = await startSandbox({ size: 'small', control: sandboxControl() })
    rememberSandboxControl(refusing.url, refusing.controlSecret!)
    const keys = `${service} refused`
    const refusedDir = tempDataDir()
    const run = await startPreview(keys, { apiUrl: refusing.url, dataDir: refusedDir })
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(error.message))
    try {
      await page.goto(run.preview.url)
      await signInWithToken(page, SANDBOX_TOKENS.adviser)
      await expect(page.getByRole('heading', { level: 1, name: 'Conversations' })).toBeVisible()
      await goToView(page, 'Referral connections')
      await expect(referralRows(page).first()).toBeVisible()

      // Offline, two requests the app cannot check: a code nobody has, and a firm already connected.
      await setSandboxFaults(request, refusing.url, { offline: true })
      const connect = page.getByRole('dialog', { name: 'Connect with an adviser' })
      for (const code of ['ZZZZ9999', 'NGW4K7P2']) {
        await page.getByRole('button', { name: 'Connect with an adviser' }).click()
        await connect.getByLabel('Referral code').fill(code)
        await connect.getByRole('button', { name: 'Send request' }).click()
        await expect(connect).toBeHidden()
        await expect(referralRows(page).filter({ hasText: `Referral code ${code}` })).toContainText(PENDING)
      }
      await expect(outboxButton(page, 2)).toBeVisible()

      // Back online: Plannr refuses both; each row says so in place, and the outbox says why.
      await setSandboxFaults(request, refusing.url, { offline: false })
      await statusBar(page).getByRole('button', { name: 'Sync now' }).click()
      const unknown = referralRows(page).filter({ hasText: 'Referral code ZZZZ9999' })
      const existing = referralRows(page).filter({ hasText: 'Referral code NGW4K7P2' })
      await expect(unknown).toContainText('Needs attention', { timeout: 30_000 })
      await expect(existing).toContainText('Needs attention', { timeout: 30_000 })
      await outboxButton(page, 2).click()
      const panel = page.getByRole('region', { name: 'Outbox' })
      const unknownItem = panel.getByRole('listitem').filter({ hasText: 'Referral request: ZZZZ9999' })
      const existingItem = panel.getByRole('listitem').filter({ hasText: 'Referral request: NGW4K7P2' })
      await expect(unknownItem).toContainText('Needs attention')
      await expect(unknownItem.getByRole('alert')).toHaveText('No adviser has that referral code.')
      await expect(existingItem.getByRole('alert')).toHaveText('A connection with this firm already exists.')
      const posts = async () =>
        (await sandboxRequests(request, refusing.url))
          .filter((entry) => entry.method === 'POST' && entry.path === '/api/v1/referral-connections' && entry.status !== 0)
          .map((entry) => [(entry.body as { adviser_key: string }).adviser_key, entry.status])
      expect(await posts()).toEqual(expect.arrayContaining([['ZZZZ9999', 422], ['NGW4K7P2', 422]]))
      expect(await posts()).toHaveLength(2)

      // Fixed: the right code, sent again; Plannr's record replaces the row.
      await unknownItem.getByRole('textbox', { name: 'Change it before sending it again' }).fill('MMP1F6K8')
      await unknownItem.getByRole('button', { name: 'Send again' }).click()
      const marlow = referralRows(page).filter({ hasText: 'Marlow Mortgage & Protection' })
      await expect(marlow).toContainText('Pending', { timeout: 30_000 })
      await expect(marlow).not.toContainText(UNSENT)
      await expect(unknown).toHaveCount(0)
      await expect(outboxButton(page, 1)).toBeVisible()

      // Discarded: the request is taken back, and never sent again.
      await existingItem.getByRole('button', { name: 'Discard' }).click()
      await expect(existing).toHaveCount(0)
      await expect(outboxButton(page)).toBeVisible()
      await expect(panel).toContainText('Everything has reached Plannr.')
      const final = await posts()
      expect(final).toHaveLength(3)
      expect(final.slice(0, 2)).toEqual(expect.arrayContaining([['ZZZZ9999', 422], ['NGW4K7P2', 422]]))
      expect(final[2]).toEqual(['MMP1F6K8', 200])
    } catch (error) {
      await explain(run)
      throw error
    } finally {
      await stopPreview(run.child)
      await deleteKeychainService(keys)
      await refusing.close()
      await rm(refusedDir, { recursive: true, force: true })
    }
    expect(problems, 'uncaught errors in the page').toEqual([])
  })
})
