import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import keytar from 'keytar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientsPage } from '@shared/models/accounts'
import type { CirclesPage } from '@shared/models/circles'
import type { ContactDetailView } from '@shared/models/contacts'
import type { ConversationsPage, MessagesPage } from '@shared/models/conversations'
import type { SessionStatus } from '@shared/models/session'
import type { SyncStatus } from '@shared/models/sync'
import { rawList, type RawAccount } from '../../support/plannr-raw'
import { keyAccount, STORE_NOTICES, storeId } from '../../../src/main/core/store'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { startCore, tempDataDir, type TestCore } from '../../support/core-harness'
import { probeKeychain, uniqueService } from '../../support/keychain-probe'

/*
 * The store on disk, through the real core against a real sandbox, with the real keychain: what is in
 * the files, and what happens when a file or its key is damaged, lost or from a newer version.
 */

const keychain = await probeKeychain()
if (!keychain.available) console.log(`Store at-rest tests skipped — ${keychain.reason}`)

type SignedIn = Extract<SessionStatus, { state: 'signed-in' }>

/** Every client of the firm straight from the sandbox, with the values that must never be in clear. */
async function clientsDirectly(sandbox: Sandbox, accountUuid: string): Promise<RawAccount[]> {
  return rawList<RawAccount>(sandbox, accountUuid, '/api/v1/account', { 'filter[type]': 'client', include: 'primary_email,primary_phone_number' })
}

function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : []
}

/** Visits every list the way the views do, and waits for every page. */
async function visitEverything(app: TestCore): Promise<void> {
  await app.value<CirclesPage>('circles.list', {})
  await app.value<ClientsPage>('clients.list', {})
  await app.value<ConversationsPage>('conversations.list', {})
  await app.value('referrals.list', { status: 'all', direction: 'all' })
  await app.synced()
}

describe.skipIf(!keychain.available)('the store at rest (real core, real sandbox, real keychain)', () => {
  let sandbox: Sandbox
  let dataDir: string
  let service: string
  let accountUuid: string
  let clients: RawAccount[]

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    dataDir = tempDataDir()
    service = uniqueService('store-at-rest')
    const app = startCore(sandbox, service, sandbox.url, { dataDir })
    const status = await app.value<SignedIn>('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    accountUuid = status.account.uuid
    clients = await clientsDirectly(sandbox, accountUuid)
    await app.core.close()
  })
  afterAll(async () => {
    for (const credential of await keytar.findCredentials(service)) await keytar.deletePassword(service, credential.account)
    await sandbox.close()
  })

  const dbPath = () => join(dataDir, 'stores', `${storeId(sandbox.url, accountUuid)}.sqlite`)

  /** The core again, as after a restart: signed in from the keychain, same data folder. */
  function restart(): TestCore {
    return startCore(sandbox, service, sandbox.url, { dataDir })
  }

  it('reads a thread and a client’s contact details again with Plannr unreachable, as last fetched', async () => {
    const app = restart()
    try {
      const conversations = await app.value<ConversationsPage>('conversations.list', {})
      const conversationUuid = conversations.rows.find((row) => (row.messagesCount ?? 0) > 0)?.uuid ?? ''
      const thread = await app.value<MessagesPage>('messages.list', { conversationUuid, page: 1 })
      expect(thread.messages.length).toBeGreaterThan(0)
      const clientUuid = clients.find((client) => client.primary_email)?.uuid ?? ''
      const card = await app.value<ContactDetailView[]>('contacts.forClient', { clientUuid })
      expect(card.length).toBeGreaterThan(0)

      sandbox.faults.offline = true
      const offlineThread = await app.value<MessagesPage>('messages.list', { conversationUuid, page: 1 })
      expect(offlineThread.messages).toEqual(thread.messages)
      const offlineCard = await app.value<ContactDetailView[]>('contacts.forClient', { clientUuid })
      expect(offlineCard).toEqual(card)
      // A thread never read is not invented: Plannr's own error.
      const other = conversations.rows.find((row) => row.uuid !== conversationUuid)?.uuid ?? ''
      const unread = await app.call('messages.list', { conversationUuid: other, page: 1 })
      expect(!unread.ok && unread.error.code).toBe('network')
    } finally {
      sandbox.faults.offline = false
      await app.core.close()
    }
  })

  it('holds no client name, email or phone number in clear, in the database or its WAL (lists, threads and cards)', async () => {
    const app = restart()
    try {
      await visitEverything(app)
      const page = await app.value<ClientsPage>('clients.list', { limit: 500 })
      expect(page.grandTotal).toBe(clients.length)
      const secrets = new Set<string>()
      for (const client of clients) {
        for (const value of [client.first_name, client.last_name, client.email, client.primary_email?.value, client.primary_phone_number?.value]) {
          if (typeof value === 'string' && value.length >= 4) secrets.add(value)
        }
        const formatted = client.primary_phone_number?.phone_number_meta?.formatted
        if (formatted) secrets.add(formatted)
      }
      expect(secrets.size).toBeGreaterThan(100)
      // Read while the database is open, so the write-ahead log is there too.
      const files = filesIn(join(dataDir, 'stores'))
      expect(files.some((file) => file.endsWith('-wal') && statSync(file).size > 0)).toBe(true)
      for (const file of files) {
        const bytes = readFileSync(file)
        const latin = bytes.toString('latin1')
        const utf16 = bytes.toString('utf16le')
        for (const secret of secrets) {
          expect(latin.includes(secret), `${secret} in ${file}`).toBe(false)
          expect(utf16.includes(secret), `${secret} (UTF-16) in ${file}`).toBe(false)
        }
      }
    } finally {
      await app.core.close()
    }
  })

  it('shows the saved rows after a restart with Plannr unreachable, and searches them', async () => {
    const app = restart()
    sandbox.faults.offline = true
    try {
      const page = await app.value<ClientsPage>('clients.list', { limit: 500 })
      expect(page.grandTotal).toBe(clients.length)
      const someone = clients.find((client) => client.last_name && client.last_name.length > 4)
      const found = await app.value<ClientsPage>('clients.list', { search: someone?.last_name?.toUpperCase() ?? '' })
      expect(found.rows.map((row) => row.uuid)).toContain(someone?.uuid)
      const circles = await app.value<CirclesPage>('circles.list', {})
      expect(circles.grandTotal).toBeGreaterThan(0)
      const status = await app.value<SyncStatus>('sync.status')
      expect(status.storage).toBe('disk')
      expect(status.notice).toBeNull()
    } finally {
      sandbox.faults.offline = false
      await app.core.close()
    }
  })

  /** Damages the store between two runs, then checks the next run rebuilds it and says so. */
  async function rebuiltAfter(damage: () => Promise<void> | void, notice: string): Promise<void> {
    const first = restart()
    await visitEverything(first)
    await first.core.close()
    await damage()
    const app = restart()
    try {
      const early = await app.value<ClientsPage>('clients.list', { limit: 500 })
      expect(early.rows.length).toBeGreaterThan(0)
      await app.synced()
      const page = await app.value<ClientsPage>('clients.list', { limit: 500 })
      expect(page.grandTotal).toBe(clients.length)
      const status = await app.value<SyncStatus>('sync.status')
      expect(status.notice).toBe(notice)
      expect(status.storage).toBe('disk')
      expect(readdirSync(join(dataDir, 'stores')).some((file) => file.includes('.set-aside-'))).toBe(true)
    } finally {
      await app.core.close()
    }
  }

  it('sets a corrupted file aside, rebuilds it from Plannr and tells the user', async () => {
    await rebuiltAfter(() => {
      const bytes = readFileSync(dbPath())
      // Scribble over everything after the header page.
      for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff
      writeFileSync(dbPath(), bytes)
    }, STORE_NOTICES.damaged)
  })

  it('sets a truncated file aside, rebuilds it and tells the user', async () => {
    await rebuiltAfter(() => truncateSync(dbPath(), Math.floor(statSync(dbPath()).size / 3)), STORE_NOTICES.damaged)
  })

  it('sets aside a file whose key is gone from the keychain, rebuilds it and tells the user', async () => {
    await rebuiltAfter(async () => {
      expect(await keytar.deletePassword(service, keyAccount(storeId(sandbox.url, accountUuid)))).toBe(true)
    }, STORE_NOTICES.lostKey)
  })

  it('sets aside a file from a newer version, rebuilds it and tells the user', async () => {
    await rebuiltAfter(() => {
      const db = new DatabaseSync(dbPath())
      db.exec('PRAGMA user_version = 999')
      db.close()
    }, STORE_NOTICES.newer)
  })

  it('signing out deletes the account’s databases (set-aside copies too) and their keys', async () => {
    const app = restart()
    await visitEverything(app)
    await app.value('session.signOut')
    await app.core.close()
    expect(readdirSync(join(dataDir, 'stores'))).toEqual([])
    const keys = (await keytar.findCredentials(service)).filter((credential) => credential.account.startsWith('store-key:'))
    expect(keys).toEqual([])
  })
})

describe.skipIf(!keychain.available)('two firms in one data folder (real core, real sandbox, real keychain)', () => {
  it('keeps each account’s records in its own database; neither ever sees the other’s', async () => {
    const sandbox = await startSandbox({ size: 'small' })
    const dataDir = tempDataDir()
    const service = uniqueService('store-two-firms')
    const app = startCore(sandbox, service, sandbox.url, { dataDir })
    try {
      const choosing = await app.value<Extract<SessionStatus, { state: 'choosing-account' }>>('session.signInWithToken', {
        token: SANDBOX_TOKENS.multiFirm,
      })
      const harbour = choosing.accounts.find((account) => account.firmName?.startsWith('Harbour'))
      const northgate = choosing.accounts.find((account) => account.firmName?.startsWith('Northgate'))
      expect(harbour && northgate).toBeTruthy()

      await app.value('session.chooseAccount', { accountUuid: harbour?.uuid })
      await visitEverything(app)
      const atHarbour = await app.value<CirclesPage>('circles.list', { limit: 500 })
      const harbourClients = await app.value<ClientsPage>('clients.list', { limit: 500 })

      await app.value('session.chooseAccount', { accountUuid: northgate?.uuid })
      await visitEverything(app)
      const atNorthgate = await app.value<CirclesPage>('circles.list', { limit: 500 })
      const northgateClients = await app.value<ClientsPage>('clients.list', { limit: 500 })
      expect(atNorthgate.rows.length).toBeGreaterThan(0)
      const harbourIds = new Set([...atHarbour.rows, ...harbourClients.rows].map((row) => row.uuid))
      expect([...atNorthgate.rows, ...northgateClients.rows].filter((row) => harbourIds.has(row.uuid))).toEqual([])

      // Back to Harbour with Plannr unreachable: Harbour's own rows, from its own file.
      sandbox.faults.offline = true
      await app.value('session.chooseAccount', { accountUuid: harbour?.uuid })
      const again = await app.value<CirclesPage>('circles.list', { limit: 500 })
      expect(again.rows.map((row) => row.uuid)).toEqual(atHarbour.rows.map((row) => row.uuid))
      sandbox.faults.offline = false

      const files = readdirSync(join(dataDir, 'stores')).filter((file) => file.endsWith('.sqlite'))
      expect(files.sort()).toEqual(
        [`${storeId(sandbox.url, harbour?.uuid ?? '')}.sqlite`, `${storeId(sandbox.url, northgate?.uuid ?? '')}.sqlite`].sort(),
      )
    } finally {
      sandbox.faults.offline = false
      await app.value('session.signOut').catch(() => undefined)
      await app.core.close()
      await sandbox.close()
    }
  })
})
