import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@shared/result'
import { startSandbox } from '../../../src/main/sandbox'
import {
  createContactDetail,
  createConversation,
  createReferralConnection,
  editMessage,
  getConversation,
  getReferralConnection,
  listAccounts,
  listConversations,
  pinConversation,
  sendMessage,
  updateContactDetail,
  updateConversation,
  type PlannrClient,
} from '../../../src/main/core/plannr'
import { adviserClient, header, only, type Sandbox } from './helpers'

let sandbox: Sandbox
let client: PlannrClient
let employees: string[]
let clients: string[]

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' })
  client = await adviserClient(sandbox)
  employees = (await listAccounts(client, { types: ['employee'] })).map((a) => a.uuid)
  clients = (await listAccounts(client, { types: ['client'] })).map((a) => a.uuid)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.clearRequests())

function sent(method: string, path: string) {
  const requests = only(sandbox, method, path).filter((r) => r.path === path)
  expect(requests).toHaveLength(1)
  return requests[0]
}

describe('request bodies, exactly as the seed pages specify', () => {
  it('creates a conversation with { name, case?, participants }', async () => {
    const participants = employees.slice(0, 2)
    const conversation = await createConversation(client, { name: 'Annual Review', participants })
    expect(conversation.name).toBe('Annual Review')
    const request = sent('POST', '/api/v1/conversation')
    expect(request?.body).toEqual({ name: 'Annual Review', participants })
    expect(header(request, 'content-type')).toBe('application/json')
    expect(request?.status).toBe(200)
  })

  it('drops anything that is not part of the body before it leaves', async () => {
    const extra = { name: 'Mortgage', participants: [], pinned: true, uuid: 'made-up' }
    await createConversation(client, extra)
    expect(sent('POST', '/api/v1/conversation')?.body).toEqual({ name: 'Mortgage', participants: [] })
  })

  it('refuses to send a body that breaks the schema, so Plannr never sees it', async () => {
    const bad = { name: 42 } as unknown as { name: string }
    const error = await createConversation(client, bad).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('internal')
    expect((error as AppError).fields).toHaveProperty('name')
    expect(sandbox.requests).toHaveLength(0)
  })

  it('renames a conversation with { name } and pins it with { pin }', async () => {
    const [conversation] = await listConversations(client)
    const uuid = conversation?.uuid ?? ''
    sandbox.clearRequests()
    const renamed = await updateConversation(client, uuid, { name: 'Pension transfer' })
    expect(renamed.name).toBe('Pension transfer')
    expect(sent('PUT', `/api/v1/conversation/${uuid}`)?.body).toEqual({ name: 'Pension transfer' })

    await pinConversation(client, uuid, true)
    expect(sent('POST', `/api/v1/conversation/${uuid}/pin`)?.body).toEqual({ pin: true })
    const pinned = await getConversation(client, uuid, ['participants'])
    expect(pinned.pinned).toBe(true)
  })

  it('sends a message with { contents } and edits it with { contents }', async () => {
    const [conversation] = await listConversations(client)
    const uuid = conversation?.uuid ?? ''
    sandbox.clearRequests()
    const message = await sendMessage(client, uuid, { contents: 'Hello, welcome to Plannr.' })
    expect(message.contents).toBe('Hello, welcome to Plannr.')
    expect(sent('POST', `/api/v1/conversation/${uuid}/messages`)?.body).toEqual({ contents: 'Hello, welcome to Plannr.' })

    const edited = await editMessage(client, uuid, message.uuid, { contents: 'Hello again.' })
    expect(edited.contents).toBe('Hello again.')
    expect(edited.edited).toBe(true)
    expect(sent('PUT', `/api/v1/conversation/${uuid}/messages/${message.uuid}`)?.body).toEqual({ contents: 'Hello again.' })
  })

  it('creates a contact detail (201) and updates it without type or is_primary', async () => {
    const owners = clients.slice(0, 2)
    const body = {
      type: 'phone_number' as const,
      name: 'Work phone number',
      value: '+443330903630',
      is_primary: true,
      account_uuids: owners,
      primary_account_uuids: owners.slice(0, 1),
    }
    const detail = await createContactDetail(client, body)
    expect(detail.type).toBe('phone_number')
    const create = sent('POST', '/api/v2/contact-details')
    expect(create?.status).toBe(201)
    expect(create?.body).toEqual(body)

    const update = { name: 'Mobile', value: '07700 900123', account_uuids: owners }
    const updated = await updateContactDetail(client, detail.uuid, update)
    expect(updated.name).toBe('Mobile')
    expect(sent('PUT', `/api/v2/contact-details/${detail.uuid}`)?.body).toEqual(update)
  })

  it('sends an overseas number in the { country, number } form', async () => {
    const body = {
      type: 'phone_number' as const,
      name: 'Sydney office',
      value: { country: 'AU', number: '+61 2 3456 7890' },
      account_uuids: clients.slice(0, 1),
    }
    await createContactDetail(client, body)
    expect(sent('POST', '/api/v2/contact-details')?.body).toEqual(body)
  })

  it('asks for a referral connection with { adviser_key }', async () => {
    const connection = await createReferralConnection(client, { adviser_key: 'MMP1F6K8' })
    expect(connection.direction).toBe('sent')
    expect(connection.status).toBe('pending')
    expect(sent('POST', '/api/v1/referral-connections')?.body).toEqual({ adviser_key: 'MMP1F6K8' })
    const again = await getReferralConnection(client, connection.uuid)
    expect(again.uuid).toBe(connection.uuid)
  })
})
