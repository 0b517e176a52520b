import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ClientsPage } from '@shared/models/accounts'
import type { ContactDetailView } from '@shared/models/contacts'
import type { IpcError } from '@shared/result'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { actingAccount, plannrClients, plannrEmployees, until } from './plannr-oracle'
import type { RawAccount } from './plannr-oracle'

describe('contacts feature: adding and editing contact details (seed 002, real sandbox)', () => {
  let harness: SignedInHarness
  let clients: RawAccount[]
  let employees: RawAccount[]
  let clientEvents: number

  beforeAll(async () => {
    harness = await signedInHarness()
    const accountUuid = await actingAccount(harness)
    clients = await plannrClients(harness, accountUuid)
    employees = await plannrEmployees(harness, accountUuid)
    harness.test.core.events.subscribe((name) => {
      if (name === 'clients.changed') clientEvents++
    })
  })
  afterAll(() => harness.close())
  beforeEach(() => {
    harness.sandbox.clearRequests()
    clientEvents = 0
  })

  const posts = () => harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/contact-details')
  const forClient = (clientUuid: string) => harness.test.value<ContactDetailView[]>('contacts.forClient', { clientUuid })
  const add = (input: Record<string, unknown>) => harness.test.value<ContactDetailView>('contacts.add', input)
  async function failure(name: string, input: Record<string, unknown>): Promise<IpcError> {
    const result = await harness.test.call(name, input)
    if (result.ok) throw new Error(`${name} unexpectedly succeeded`)
    return result.error
  }
  const client = (index: number) => clients[index]!

  it('adds an email: the POST body is exactly the seed page’s, and the client’s card lists it', async () => {
    const owner = client(0)
    const view = await add({ type: 'email', description: 'Personal email', value: ' Ann.Other@Example.ORG ', ownerUuids: [owner.uuid] })
    expect(posts().map((r) => r.body)).toEqual([
      { type: 'email', name: 'Personal email', value: 'Ann.Other@example.org', is_primary: false, account_uuids: [owner.uuid], primary_account_uuids: [] },
    ])
    expect(posts()[0]!.status).toBe(201)
    expect(view).toMatchObject({ type: 'email', description: 'Personal email', value: 'Ann.Other@example.org', display: 'Ann.Other@example.org', primary: false })
    expect((await forClient(owner.uuid)).find((d) => d.uuid === view.uuid)).toMatchObject({ primary: false, owners: [{ uuid: owner.uuid, primary: false }] })
  })

  it('adds a UK phone typed with spaces as E.164 and shows Plannr’s formatting', async () => {
    const owner = client(1)
    const view = await add({ type: 'phone_number', description: 'Mobile', value: '07911 123 456', ownerUuids: [owner.uuid] })
    expect(posts()[0]!.body).toEqual({
      type: 'phone_number', name: 'Mobile', value: '+447911123456', is_primary: false, account_uuids: [owner.uuid], primary_account_uuids: [],
    })
    expect(view).toMatchObject({ value: '+447911123456', display: '07911 123456', country: 'GB' })
  })

  it('adds an Australian number as { country, number }', async () => {
    const owner = client(2)
    const view = await add({ type: 'phone_number', description: 'Sydney', value: '02 3456 7890', country: 'AU', ownerUuids: [owner.uuid] })
    expect(posts()[0]!.body).toMatchObject({ value: { country: 'AU', number: '+61 2 3456 7890' } })
    expect(view).toMatchObject({ value: '+61234567890', country: 'AU' })
  })

  it('making a detail primary demotes the owners’ others of that type at once, and updates the clients list', async () => {
    const withPhones = clients.filter((c) => c.primary_phone_number?.value)
    const [alice, bob] = [withPhones.at(-1)!, withPhones.at(-2)!]
    await harness.test.value('clients.list', {})
    const before = await forClient(alice.uuid)
    const oldPrimary = before.find((d) => d.type === 'phone_number' && d.primary)
    expect(oldPrimary).toBeDefined()

    const view = await add({
      type: 'phone_number', description: 'Joint landline', value: '(020) 7946 0018', isPrimary: true, ownerUuids: [alice.uuid, bob.uuid],
    })
    expect(posts()[0]!.body).toMatchObject({ is_primary: true, account_uuids: [alice.uuid, bob.uuid], primary_account_uuids: [alice.uuid, bob.uuid] })
    expect(view.owners).toEqual([
      expect.objectContaining({ uuid: alice.uuid, primary: true }),
      expect.objectContaining({ uuid: bob.uuid, primary: true }),
    ])

    const after = await forClient(alice.uuid)
    expect(after.filter((d) => d.type === 'phone_number' && d.primary).map((d) => d.uuid)).toEqual([view.uuid])
    expect(after.find((d) => d.uuid === oldPrimary!.uuid)?.primary).toBe(false)
    expect((await forClient(bob.uuid)).filter((d) => d.type === 'phone_number' && d.primary).map((d) => d.uuid)).toEqual([view.uuid])

    // The list shows the new primary phone without fetching the clients again.
    await until(() => clientEvents > 0)
    harness.sandbox.clearRequests()
    const page = await harness.test.value<ClientsPage>('clients.list', { limit: 500 })
    expect(page.rows.find((r) => r.uuid === alice.uuid)?.phone).toBe('020 7946 0018')
    expect(page.rows.find((r) => r.uuid === bob.uuid)?.phone).toBe('020 7946 0018')
    expect(harness.sandbox.requests.filter((r) => r.path === '/api/v1/account')).toEqual([])
  })

  it('edits description, value and owners with PUT (no type, no is_primary)', async () => {
    const [alice, bob] = [client(5), client(6)]
    const view = await add({ type: 'email', description: 'Work', value: 'work@example.com', ownerUuids: [alice.uuid] })
    harness.sandbox.clearRequests()
    const edited = await harness.test.value<ContactDetailView>('contacts.update', {
      uuid: view.uuid, type: 'email', description: 'Joint work email', value: 'joint@Example.com', ownerUuids: [alice.uuid, bob.uuid], primaryOwnerUuids: [bob.uuid],
    })
    const put = harness.sandbox.requests.find((r) => r.method === 'PUT')!
    expect(put.path).toBe(`/api/v2/contact-details/${view.uuid}`)
    expect(put.body).toEqual({ name: 'Joint work email', value: 'joint@example.com', account_uuids: [alice.uuid, bob.uuid], primary_account_uuids: [bob.uuid] })
    expect(edited).toMatchObject({ description: 'Joint work email', value: 'joint@example.com' })
    expect((await forClient(bob.uuid)).find((d) => d.uuid === view.uuid)).toMatchObject({ primary: true })
    expect((await forClient(alice.uuid)).find((d) => d.uuid === view.uuid)).toMatchObject({ primary: false })
  })

  it('refuses bad values in main, keyed by the form’s fields, and sends nothing', async () => {
    const owner = client(7).uuid
    expect(await failure('contacts.add', { type: 'phone_number', description: 'Mobile', value: 'call me', ownerUuids: [owner] })).toMatchObject({
      code: 'validation', fields: { value: [expect.stringContaining('UK phone number')] },
    })
    expect(await failure('contacts.add', { type: 'email', description: 'Email', value: 'ann@', ownerUuids: [owner] })).toMatchObject({
      code: 'validation', fields: { value: [expect.stringContaining('email address')] },
    })
    expect(await failure('contacts.add', { type: 'email', description: 'Email', value: 'ann@example.com', ownerUuids: [owner], primaryOwnerUuids: [client(8).uuid] })).toMatchObject({
      code: 'validation', fields: { primaryOwnerUuids: [expect.any(String)] },
    })
    const empty = await failure('contacts.add', { type: 'email', description: ' ', value: 'ann@example.com', ownerUuids: [] })
    expect(empty.code).toBe('invalid_input')
    expect(Object.keys(empty.fields ?? {}).sort()).toEqual(['description', 'ownerUuids'])
    expect(posts()).toEqual([])
  })

  it('owners must be clients: Plannr’s 422 comes back at ownerUuids in the form’s words', async () => {
    const staff = employees.find((e) => e.type === 'employee')!
    const error = await failure('contacts.add', { type: 'email', description: 'Work', value: 'a@example.com', ownerUuids: [client(9).uuid, staff.uuid] })
    expect(posts()[0]!.status).toBe(422)
    expect(error).toMatchObject({ code: 'validation', fields: { ownerUuids: ['The selected owner is invalid.'] } })
  })

  it('a 422 on the value from Plannr (forced) shows at value', async () => {
    harness.sandbox.faults.queue.push({ status: 422, body: { message: 'The value is not valid.', errors: { value: ['The value field must be a valid phone number.'] } } })
    const error = await failure('contacts.add', { type: 'phone_number', description: 'Mobile', value: '07911 123456', ownerUuids: [client(10).uuid] })
    expect(error).toMatchObject({ code: 'validation', fields: { value: ['The value field must be a valid phone number.'] } })
  })
})
