import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlannrBridge } from '@shared/bridge'
import type { CallName } from '@shared/contract-names'
import type { ClientRow, ClientsPage } from '@shared/models/accounts'
import type { CircleFilterOptions, CirclesPage } from '@shared/models/circles'
import { SANDBOX_TOKENS } from '../../../src/main/sandbox'
import { createClient } from '../../../src/renderer/src/lib/api'
import { CirclesState } from '../../../src/renderer/src/lib/state/circles.svelte'
import { ClientsState } from '../../../src/renderer/src/lib/state/clients.svelte'
import { SearchIndexes } from '../../../src/renderer/src/lib/state/search-indexes'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { actingAccount } from '../contacts/plannr-oracle'

/*
 * The contacts and circles views answer keystrokes from a search index kept in the window. Proved here
 * against the real core and sandbox: every answer equals main's own for the same query (rules and order),
 * no keystroke asks main once the index is here, and a client changed by a sync or by one of the app's own
 * writes is found by the next search.
 */

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** The real bridge, with a log of the calls the window made. */
function recordingBridge(bridge: PlannrBridge) {
  const calls: Array<{ name: CallName; input: Record<string, unknown>; answer?: unknown }> = []
  const wrapped: PlannrBridge = {
    async invoke(name, input) {
      const call: (typeof calls)[number] = { name, input: (input ?? {}) as Record<string, unknown> }
      calls.push(call)
      const result = await bridge.invoke(name, input)
      call.answer = result.ok ? result.value : undefined
      return result
    },
    on: (name, listener) => bridge.on(name, listener),
  }
  return { bridge: wrapped, calls, named: (name: CallName) => calls.filter((call) => call.name === name) }
}

describe('the window’s search indexes, over the real core and sandbox', () => {
  let h: SignedInHarness
  let rec: ReturnType<typeof recordingBridge>
  let clients: ClientsState
  let circles: CirclesState
  let indexes: SearchIndexes
  const stops: Array<() => void> = []

  /** Types `search` into the contacts search and waits for its rows. */
  async function searchClients(search: string): Promise<Array<ClientRow | undefined>> {
    clients.setSearch(search)
    await until(() => clients.shownSearch === search && !clients.rows.loading)
    return clients.rows.rows.slice(0, 100)
  }

  beforeAll(async () => {
    h = await signedInHarness({ sandbox: { size: 'demo' } })
    rec = recordingBridge(h.bridge)
    const client = createClient(rec.bridge)
    indexes = new SearchIndexes(client)
    clients = new ClientsState(client, { index: indexes.clients })
    circles = new CirclesState(client, { index: indexes.circles })
    stops.push(indexes.start(), clients.start(), circles.start())
    await until(() => clients.rows.loaded && circles.loaded)
    await h.test.synced(60_000)
    // Every page of the first sync has reached the window's indexes.
    const grand = async (name: 'clients.list' | 'circles.list') => (await h.test.value<ClientsPage | CirclesPage>(name, { limit: 1 })).grandTotal
    const [clientTotal, circleTotal] = [await grand('clients.list'), await grand('circles.list')]
    await until(() => clients.index?.entries.length === clientTotal && circles.index?.entries.length === circleTotal && clients.grandTotal === clientTotal)
  }, 120_000)

  afterAll(async () => {
    for (const stop of stops) stop()
    await h?.close()
  })

  it('answers every contacts search as main does, without asking main', async () => {
    const all = await h.test.value<ClientsPage>('clients.list', { limit: 500 })
    const withPhone = all.rows.find((row) => row.phone !== null)!
    const withEmail = all.rows.find((row) => row.email !== null)!
    const searches = [
      'a', 'an', 'SMI', 'zoë', 'zoe', all.rows[7]!.name.split(' ')[1]!, withEmail.email!.split('@')[1]!, withPhone.phone!.slice(0, 7),
      `  ${withPhone.phone!.replace(/\s/g, '').slice(-6)}  `, '07', '+44 7', 'nobody at all', '',
    ]
    const asked = rec.named('clients.list').length
    for (const search of searches) {
      const shown = await searchClients(search)
      const main = await h.test.value<ClientsPage>('clients.list', { search, limit: 100 })
      expect({ search, total: clients.rows.total, rows: shown.slice(0, main.rows.length) }).toEqual({ search, total: main.total, rows: main.rows })
    }
    expect(rec.named('clients.list').slice(asked)).toEqual([])
  })

  it('answers every circles query as main does — search, member and group filters, each sort both ways — without asking main', async () => {
    const options = await h.test.value<CircleFilterOptions>('circles.filterOptions')
    const first = (await h.test.value<CirclesPage>('circles.list', { limit: 1 })).rows[0]!
    const member = (await h.test.value<Array<{ uuid: string }>>('circles.members', { search: '', limit: 1 }))[0]!
    const asked = rec.named('circles.list').length
    const queries = [
      { search: '' },
      { search: 'an' },
      { search: first.name.slice(0, 4).toUpperCase() },
      { search: first.memberNames[0] ?? 'a' },
      { search: '', accountUuid: member.uuid },
      { search: '', groupUuid: options.groups[0]!.uuid },
      { search: 'zzz no circle' },
    ]
    const sorts = [
      ['name', 'asc'], ['name', 'desc'], ['created_at', 'asc'], ['created_at', 'desc'], ['updated_at', 'asc'], ['updated_at', 'desc'],
    ] as const
    for (const query of queries) {
      for (const [sort, direction] of sorts) {
        circles.accountUuid = query.accountUuid ?? null
        circles.groupUuid = query.groupUuid ?? null
        circles.search = query.search
        circles.setSort(sort, direction)
        await until(() => circles.shownSearch === query.search && !circles.loading)
        const main = await h.test.value<CirclesPage>('circles.list', { ...query, sort, direction, limit: 50 })
        const label = { ...query, sort, direction }
        expect({ label, total: circles.total, rows: circles.rows.rows.slice(0, main.rows.length) }).toEqual({ label, total: main.total, rows: main.rows })
      }
    }
    expect(rec.named('circles.list').slice(asked)).toEqual([])
  })

  it('finds a client by an email another app gave them, after the next sync', async () => {
    const someone = (await h.test.value<ClientsPage>('clients.list', { limit: 1, offset: 3 })).rows[0]!
    const email = `index-sync-${Date.now()}@follows.example.co.uk`
    expect(await searchClients(email)).toEqual([])

    // Made primary on Plannr by someone else, not through the app.
    const account = await actingAccount(h)
    const response = await fetch(`${h.sandbox.url}/api/v2/contact-details`, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`,
        'X-PLANNR-ACCOUNT-UUID': account,
      },
      body: JSON.stringify({ type: 'email', name: 'Work', value: email, is_primary: true, account_uuids: [someone.uuid], primary_account_uuids: [someone.uuid] }),
    })
    expect(response.status).toBeLessThan(300)

    const before = rec.named('clients.searchIndex').length
    await h.test.value('sync.now', {})
    await until(() => clients.index?.entries.some((entry) => entry.row.email === email) ?? false)
    const asked = rec.named('clients.list').length
    expect(await searchClients('index-sync-')).toEqual([{ ...someone, email }])
    expect(rec.named('clients.list').slice(asked)).toEqual([])
    // The window caught up with what changed; it did not start over with the whole list.
    const caughtUp = rec.named('clients.searchIndex').slice(before)
    expect(caughtUp.length).toBeGreaterThan(0)
    for (const call of caughtUp) expect(call.answer).toMatchObject({ full: false, epoch: call.input['epoch'] })
  })

  it('finds a client by a primary phone the app itself just saved', async () => {
    const someone = (await h.test.value<ClientsPage>('clients.list', { limit: 1, offset: 5 })).rows[0]!
    expect(await searchClients('07911 123 789')).toEqual([])
    const added = await h.test.call('contacts.add', {
      type: 'phone_number', description: 'Mobile', value: '07911 123789', isPrimary: true, ownerUuids: [someone.uuid], primaryOwnerUuids: [someone.uuid],
    })
    expect(added.ok).toBe(true)
    // The write went through the outbox; Plannr's answer set the client's primary, and the index heard.
    await until(() => clients.index?.entries.some((entry) => entry.row.uuid === someone.uuid && entry.row.phone === '07911 123789') ?? false)
    const asked = rec.named('clients.list').length
    expect((await searchClients('07911 123 789')).map((row) => row?.uuid)).toEqual([someone.uuid])
    expect(rec.named('clients.list').slice(asked)).toEqual([])
  })

  describe('the quick switcher', () => {
    beforeAll(async () => {
      indexes.wantQuick()
      await until(() => indexes.quick('a') !== null)
    })

    it('answers as main does, from the window’s indexes of circles, clients and conversations', async () => {
      const circle = (await h.test.value<CirclesPage>('circles.list', { limit: 1, offset: 2 })).rows[0]!
      const person = (await h.test.value<ClientsPage>('clients.list', { limit: 1, offset: 9 })).rows[0]!
      const asked = rec.named('search.quick').length
      for (const query of ['a', 'an', 'ha', 'smith', 'ZOË', circle.name.slice(0, 5), person.name.split(' ').at(-1)!, 'nothing like this', 'é']) {
        const main = await h.test.value<unknown[]>('search.quick', { query })
        expect({ query, here: indexes.quick(query.trim()) }).toEqual({ query, here: main })
      }
      expect(rec.named('search.quick').slice(asked)).toEqual([])
    })

    it('finds a conversation the app has just started, at the next keystroke', async () => {
      const title = `Index follows ${Date.now()}`
      expect(indexes.quick(title)).toEqual([])
      const started = await h.test.value<{ uuid: string }>('conversations.create', { name: title })
      // Shown at once while it is sent, then as Plannr saved it: the index follows both changes.
      await until(() => indexes.quick(title)?.[0]?.uuid === started.uuid)
      expect(indexes.quick(title)).toEqual(await h.test.value('search.quick', { query: title }))
      expect(indexes.quick(title)).toMatchObject([{ kind: 'conversation', uuid: started.uuid, title }])
    })
  })
})
