import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Client } from '../../../src/renderer/src/lib/api'
import { ClientsState } from '../../../src/renderer/src/lib/state/clients.svelte'
import { ContactDetailForm, ContactDetailsState } from '../../../src/renderer/src/lib/state/contact-details.svelte'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the contacts view state, over the real core and sandbox', () => {
  let harness: SignedInHarness
  let client: Client
  let clients: ClientsState
  let stop: () => void

  beforeAll(async () => {
    harness = await signedInHarness()
    client = createClient(harness.bridge)
    clients = new ClientsState(client)
    stop = clients.start()
    await until(() => clients.rows.loaded)
  })
  afterAll(async () => {
    stop()
    await harness.close()
  })

  const posts = () => harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/contact-details')

  it('loads the first window of clients and searches by phone digits, dropping stale answers', async () => {
    expect(clients.grandTotal).toBe(60)
    expect(clients.rows.total).toBe(60)
    expect(clients.rows.rows.filter(Boolean)).toHaveLength(60)

    const someone = clients.rows.rows.find((row) => row?.phone)!
    clients.setSearch('zzz-nobody')
    clients.setSearch(someone.phone!.replace(/\s/g, '').slice(0, 8))
    await until(() => clients.shownSearch === clients.search)
    expect(clients.rows.rows.map((row) => row?.uuid)).toContain(someone.uuid)
    expect(clients.rows.total).toBeLessThan(60)

    clients.clearSearch()
    await until(() => clients.shownSearch === '' && clients.rows.total === 60)
  })

  it('opens a client by id, as the quick switcher asks', async () => {
    const row = clients.rows.at(5)!
    expect(await clients.open(row.uuid)).toBe(true)
    expect(clients.selected).toEqual(row)
    expect(await clients.open('no-such-client')).toBe(false)
  })

  it('adds a detail as primary: the form keeps what was typed on failure, and the card and list follow success', async () => {
    const row = clients.rows.rows.find((r) => r?.phone)!
    const details = new ContactDetailsState(client)
    await details.open(row.uuid)
    expect(details.loaded).toBe(true)
    expect(details.phones.some((d) => d.primary)).toBe(true)
    clients.select(row)

    const form = new ContactDetailForm(client)
    form.startAdd(row)
    expect(form.owners.map((o) => o.uuid)).toEqual([row.uuid])

    // Our own checks first: nothing is sent, every field keeps its text.
    form.setValue('0791 12')
    expect(form.check).toEqual({ ok: false, message: expect.stringContaining('UK phone number') })
    expect(await form.submit()).toBeNull()
    expect(form.errors).toEqual({ description: expect.any(String), value: expect.stringContaining('UK phone number') })
    expect(posts()).toEqual([])

    // Plannr refuses (forced): the message lands at its field; the typed values stay.
    form.setDescription('Mobile')
    form.setValue('07911 123 456')
    expect(form.check).toEqual({ ok: true, message: 'Will be saved as 07911 123456' })
    form.setPrimaryForAll(true)
    harness.sandbox.faults.queue.push({ status: 422, body: { message: 'Invalid.', errors: { value: ['The value is not a valid phone number.'] } } })
    expect(await form.submit()).toBeNull()
    expect(form.errors).toEqual({ value: 'The value is not a valid phone number.' })
    expect([form.description, form.value, form.primaryForAll]).toEqual(['Mobile', '07911 123 456', true])

    const saved = await form.submit()
    expect(saved).toMatchObject({ value: '+447911123456', display: '07911 123456', primary: true })
    expect(posts().at(-1)?.body).toEqual({
      type: 'phone_number', name: 'Mobile', value: '+447911123456', is_primary: true, account_uuids: [row.uuid], primary_account_uuids: [row.uuid],
    })

    await details.reload()
    expect(details.phones.filter((d) => d.primary).map((d) => d.uuid)).toEqual([saved!.uuid])
    // clients.changed → the list and the open card's header show the new primary phone.
    await until(() => clients.selected?.phone === '07911 123456')
    await until(() => clients.rows.rows.find((r) => r?.uuid === row.uuid)?.phone === '07911 123456')
  })

  it('edits a detail: owners and their primaries, sent with PUT', async () => {
    const [alice, bob] = [clients.rows.at(10)!, clients.rows.at(11)!]
    const details = new ContactDetailsState(client)
    await details.open(alice.uuid)
    const detail = details.emails[0]!
    const form = new ContactDetailForm(client)
    form.startEdit(detail)
    expect([form.editing, form.type, form.value]).toEqual([detail.uuid, 'email', detail.display])
    form.setOwners([...form.owners, { uuid: bob.uuid, name: bob.name, type: 'client', role: null, email: null }])
    form.setPrimaryFor(bob.uuid, true)
    form.setOwners(form.owners.filter((o) => o.uuid !== bob.uuid))
    expect(form.primaryOwnerUuids).not.toContain(bob.uuid)
    form.setOwners([...form.owners, { uuid: bob.uuid, name: bob.name, type: 'client', role: null, email: null }])
    form.setPrimaryFor(bob.uuid, true)
    const saved = await form.submit()
    expect(saved?.owners.map((o) => [o.uuid, o.primary])).toContainEqual([bob.uuid, true])
    const put = harness.sandbox.requests.find((r) => r.method === 'PUT')!
    expect(put.body).toMatchObject({ account_uuids: [alice.uuid, bob.uuid], primary_account_uuids: expect.arrayContaining([bob.uuid]) })
  })

  it('shows a failure that belongs to no field, and keeps the form', async () => {
    const row = clients.rows.at(20)!
    const form = new ContactDetailForm(client)
    form.startAdd(row, 'email')
    form.setDescription('Work')
    form.setValue('work@example.com')
    // Refused outright (not a failure to reach Plannr, which would be kept and sent later).
    harness.sandbox.faults.queue.push({ status: 403, method: 'POST' })
    expect(await form.submit()).toBeNull()
    expect(form.failure?.code).toBe('forbidden')
    expect(form.errors).toEqual({})
    expect(form.value).toBe('work@example.com')
    harness.sandbox.faults.queue.length = 0
  })
})
