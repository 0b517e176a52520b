import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { AccountOption, ClientsPage } from '@shared/models/accounts'
import type { ContactDetailView } from '@shared/models/contacts'
import type { QuickSearchResult } from '@shared/models/quick-search'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { actingAccount, plannrClients, plannrDetails } from './plannr-oracle'
import type { RawAccount } from './plannr-oracle'

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

describe('contacts feature: clients, account search and a client’s details (real sandbox)', () => {
  let harness: SignedInHarness
  let accountUuid: string
  let clients: RawAccount[]

  beforeAll(async () => {
    harness = await signedInHarness()
    accountUuid = await actingAccount(harness)
    clients = await plannrClients(harness, accountUuid)
  })
  afterAll(() => harness.close())
  beforeEach(() => harness.sandbox.clearRequests())

  const list = (input: Record<string, unknown> = {}) => harness.test.value<ClientsPage>('clients.list', input)

  it('lists every client account, sorted by name, fetched whole with their primary email and phone', async () => {
    const page = await list({ limit: 500 })
    const expected = clients.map((client) => client.name).sort((a, b) => collator.compare(a, b))
    expect(page.rows.map((row) => row.name)).toEqual(expected)
    expect(page.total).toBe(clients.length)
    expect(page.grandTotal).toBe(clients.length)
    const request = harness.sandbox.requests.find((r) => r.path === '/api/v1/account')
    expect(request?.query).toMatchObject({ 'filter[type]': 'client', include: 'primary_email,primary_phone_number', per_page: '500' })

    const withPhone = clients.find((client) => client.primary_phone_number?.phone_number_meta?.formatted)!
    const row = page.rows.find((r) => r.uuid === withPhone.uuid)!
    expect(row.phone).toBe(withPhone.primary_phone_number?.phone_number_meta?.formatted)
    expect(row.email).toBe(withPhone.primary_email?.value ?? null)
  })

  it('pages in main without asking Plannr again', async () => {
    await list()
    harness.sandbox.clearRequests()
    const all = await list({ limit: 500 })
    const second = await list({ offset: 10, limit: 10 })
    expect(second.rows).toEqual(all.rows.slice(10, 20))
    expect(harness.sandbox.requests).toEqual([])
  })

  it('searches by name, by part of an email, and by phone digits whatever the spacing', async () => {
    const someone = clients.find((client) => client.primary_email?.value && client.primary_phone_number?.value)!
    const lastName = someone.last_name!
    const byName = await list({ search: lastName.toUpperCase() })
    expect(byName.rows.map((r) => r.uuid)).toContain(someone.uuid)
    expect(byName.rows.every((r) => r.name.toLowerCase().includes(lastName.toLowerCase()) || r.email?.toLowerCase().includes(lastName.toLowerCase()))).toBe(true)

    const email = String(someone.primary_email!.value)
    const byEmail = await list({ search: email.slice(0, email.indexOf('@') + 4) })
    expect(byEmail.rows.map((r) => r.uuid)).toContain(someone.uuid)

    // "07700 900123" is stored as +447700900123: the national digits with spaces must find it.
    const formatted = someone.primary_phone_number!.phone_number_meta!.formatted!
    const spaced = formatted.replace(/\s/g, '').replace(/(\d{5})(\d{3})(\d+)/, '$1 $2 $3')
    const byPhone = await list({ search: spaced })
    expect(byPhone.rows.map((r) => r.uuid)).toEqual([someone.uuid])
    const byE164 = await list({ search: String(someone.primary_phone_number!.value) })
    expect(byE164.rows.map((r) => r.uuid)).toEqual([someone.uuid])
    expect(byPhone.grandTotal).toBe(clients.length)
  })

  it('offers clients to the quick switcher by name', async () => {
    const someone = clients[0]!
    const hits = await harness.test.value<QuickSearchResult[]>('search.quick', { query: someone.name })
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'client', uuid: someone.uuid, title: someone.name }))
  })

  it('accounts.search finds a person by first, last or full name, in any order, for pickers', async () => {
    const someone = clients[1]!
    const expected = {
      uuid: someone.uuid,
      name: someone.name,
      type: 'client',
      role: someone.role ?? null,
      email: someone.primary_email?.value ?? someone.email ?? null,
    }
    const first = someone.first_name!
    const last = someone.last_name!
    for (const query of [`${first} ${last}`, `${last} ${first}`, `${last.toUpperCase()}, ${first.slice(0, 2)}`, last, first]) {
      const options = await harness.test.value<AccountOption[]>('accounts.search', { query, types: ['client'], limit: 50 })
      expect(options, query).toContainEqual(expected)
      expect(options.every((o) => o.type === 'client')).toBe(true)
    }
    // The full name ranks that person first.
    const exact = await harness.test.value<AccountOption[]>('accounts.search', { query: `${first} ${last}`, types: ['client'], limit: 5 })
    expect(exact[0]).toEqual(expected)
    // Every typed word must match: a wrong first name finds no one with that surname alone.
    const wrong = await harness.test.value<AccountOption[]>('accounts.search', { query: `Zebedee ${last}`, types: ['client'] })
    expect(wrong).toEqual([])

    const staff = await harness.test.value<AccountOption[]>('accounts.search', { query: 'Turner Sophie', types: ['employee'] })
    expect(staff.map((o) => o.name)).toEqual(['Sophie Turner'])
    expect((await harness.test.value<AccountOption[]>('accounts.search', { query: 'Sophie Turner', types: ['client'] })).map((o) => o.uuid)).not.toContain(
      staff[0]?.uuid,
    )
  })

  it('contacts.forClient maps every detail of the client: phones as Plannr formats them, primaries first', async () => {
    const someone = clients.find((client) => client.primary_phone_number?.value)!
    const views = await harness.test.value<ContactDetailView[]>('contacts.forClient', { clientUuid: someone.uuid })
    const details = await plannrDetails(harness, accountUuid, someone.uuid)
    expect(views).toHaveLength(details.length)
    const request = harness.sandbox.requests.find((r) => r.path === '/api/v2/contact-details')
    expect(request?.query).toMatchObject({ 'filter[account_uuids]': someone.uuid, include: 'accounts,primary_accounts', per_page: '500' })

    for (const detail of details) {
      const view = views.find((v) => v.uuid === detail.uuid)!
      const primaryUuids = (detail.primary_accounts ?? []).map((a) => a.uuid)
      expect(view).toEqual({
        uuid: detail.uuid,
        type: detail.type,
        description: detail.name ?? null,
        value: detail.value,
        display: detail.type === 'phone_number' ? detail.phone_number_meta!.formatted : detail.value,
        country: detail.type === 'phone_number' ? detail.phone_number_meta!.country : null,
        primary: primaryUuids.includes(someone.uuid),
        owners: (detail.accounts ?? []).map((a) => ({ uuid: a.uuid, name: a.name, primary: primaryUuids.includes(a.uuid) })),
      })
    }
    const phone = views.find((v) => v.type === 'phone_number' && v.primary)!
    expect(phone.value).toBe(someone.primary_phone_number!.value)
    const firstOrdinary = views.findIndex((v) => !v.primary)
    expect(views.slice(firstOrdinary === -1 ? views.length : firstOrdinary).every((v) => !v.primary)).toBe(true)
  })

  it('reports a client Plannr does not know with no details, and a malformed id as invalid input', async () => {
    expect(await harness.test.value<ContactDetailView[]>('contacts.forClient', { clientUuid: 'no-such-client' })).toEqual([])
    const bad = await harness.test.call('contacts.forClient', { clientUuid: '../etc' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
