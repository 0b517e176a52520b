import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, tokenFingerprint } from '../../../src/main/sandbox'
import {
  getCircle,
  getMe,
  listAccounts,
  listCircles,
  listContactDetails,
  listConversations,
  listLogins,
  listMessages,
  listReferralConnections,
  searchAccounts,
  type PlannrClient,
} from '../../../src/main/core/plannr'
import { adviserClient, clientFor, header, type Sandbox } from './helpers'

let sandbox: Sandbox
let client: PlannrClient

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small' })
  client = await adviserClient(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(() => sandbox.clearRequests())

function lastRequest() {
  const request = sandbox.requests.at(-1)
  expect(request).toBeDefined()
  return request
}

describe('headers', () => {
  it('sends the token, Accept and Content-Type on every request, and no account until one is chosen', async () => {
    const me = await getMe(clientFor(sandbox))
    expect(me.first_name).toBe('Sophie')
    const request = lastRequest()
    expect(header(request, 'authorization')).toBe(`Bearer ${tokenFingerprint(SANDBOX_TOKENS.adviser)}`)
    expect(header(request, 'accept')).toBe('application/json')
    expect(header(request, 'content-type')).toBe('application/json')
    expect(header(request, 'x-plannr-account-uuid')).toBeUndefined()
  })

  it('sends X-PLANNR-ACCOUNT-UUID once an account is chosen, and withAccount switches it', async () => {
    const logins = await listLogins(clientFor(sandbox, { token: SANDBOX_TOKENS.multiFirm }))
    const employeeAccounts = logins.data.filter((l) => l.account.type === 'employee').map((l) => l.account.uuid)
    expect(employeeAccounts).toHaveLength(2)
    const [first, second] = employeeAccounts as [string, string]
    const atFirst = clientFor(sandbox, { token: SANDBOX_TOKENS.multiFirm, accountUuid: first })
    sandbox.clearRequests()
    await listCircles(atFirst)
    expect(header(lastRequest(), 'x-plannr-account-uuid')).toBe(first)
    const atSecond = atFirst.withAccount(second)
    expect(atSecond.accountUuid).toBe(second)
    await listCircles(atSecond)
    expect(header(lastRequest(), 'x-plannr-account-uuid')).toBe(second)
    expect(header(lastRequest(), 'authorization')).toBe(`Bearer ${tokenFingerprint(SANDBOX_TOKENS.multiFirm)}`)
  })

  it('the logins answer names the preferred account', async () => {
    const logins = await listLogins(clientFor(sandbox))
    expect(logins.preferred_account_uuid).toBe(client.accountUuid)
  })
})

describe('query strings', () => {
  it('circles: every filter, include and a descending sort, 500 a page', async () => {
    const all = await listCircles(client, { include: ['accounts'] })
    const circle = all[0]
    expect(circle).toBeDefined()
    const accountUuid = circle?.accounts?.[0]?.uuid ?? ''
    sandbox.clearRequests()
    const found = await listCircles(client, {
      uuids: [circle?.uuid ?? ''],
      accountUuids: [accountUuid],
      groupUuids: [],
      name: circle?.name,
      include: ['accounts', 'firm', 'groups'],
      sort: 'updated_at',
      direction: 'desc',
    })
    expect(found.map((c) => c.uuid)).toEqual([circle?.uuid])
    expect(lastRequest()?.query).toEqual({
      'filter[uuid]': circle?.uuid,
      'filter[account_uuids]': accountUuid,
      'filter[name]': circle?.name,
      include: 'accounts,firm,groups',
      sort: '-updated_at',
      per_page: '500',
      page: '1',
    })
    expect(lastRequest()?.path).toBe('/api/v1/circles')
  })

  it('circles: sort ascending is sent bare and the answer comes back in that order', async () => {
    const circles = await listCircles(client, { sort: 'name', direction: 'asc' })
    expect(lastRequest()?.query.sort).toBe('name')
    const names = circles.map((c) => c.name.toLowerCase())
    expect(names).toEqual([...names].sort())
  })

  it('one circle, with includes', async () => {
    const [first] = await listCircles(client)
    sandbox.clearRequests()
    const circle = await getCircle(client, first?.uuid ?? '', ['accounts', 'groups'])
    expect(circle.uuid).toBe(first?.uuid)
    expect(lastRequest()?.path).toBe(`/api/v1/circles/${first?.uuid}`)
    expect(lastRequest()?.query).toEqual({ include: 'accounts,groups' })
  })

  it('accounts search: name, types, contact filters, include, sort and a small page for pickers', async () => {
    const page = await searchAccounts(client, {
      name: 'a',
      types: ['client', 'employee'],
      primaryEmail: '@',
      primaryPhoneNumber: '7',
      include: ['primary_email', 'primary_phone_number'],
      sort: 'last_name',
      direction: 'desc',
    })
    expect(page.data.length).toBeLessThanOrEqual(25)
    expect(lastRequest()?.query).toEqual({
      'filter[name]': 'a',
      'filter[type]': 'client,employee',
      'filter[primary_email]': '@',
      'filter[primary_phone_number]': '7',
      include: 'primary_email,primary_phone_number',
      sort: '-last_name',
      per_page: '25',
    })
    expect(lastRequest()?.path).toBe('/api/v1/account')
  })

  it('accounts list: every page', async () => {
    const employees = await listAccounts(client, { types: ['employee'] })
    expect(employees.length).toBeGreaterThan(0)
    expect(employees.every((a) => a.type === 'employee')).toBe(true)
    expect(lastRequest()?.query).toEqual({ 'filter[type]': 'employee', per_page: '500', page: '1' })
  })

  it('conversations: include, archived, circle filter and sort', async () => {
    await listConversations(client, {
      include: ['participants', 'latest_message'],
      archived: 'with',
      circleUuids: ['c1', 'c2'],
      sort: 'latest_message',
      direction: 'desc',
    })
    expect(lastRequest()?.query).toEqual({
      include: 'participants,latest_message',
      'filter[archived]': 'with',
      'filter[circle_uuids]': 'c1,c2',
      sort: '-latest_message',
      per_page: '500',
      page: '1',
    })
  })

  it('messages: one page, with page, per_page and sort', async () => {
    const [conversation] = await listConversations(client)
    expect(conversation).toBeDefined()
    sandbox.clearRequests()
    const page = await listMessages(client, conversation?.uuid ?? '', { page: 1, perPage: 5, direction: 'asc' })
    expect(page.data.length).toBeLessThanOrEqual(5)
    expect(lastRequest()?.path).toBe(`/api/v1/conversation/${conversation?.uuid}/messages`)
    expect(lastRequest()?.query).toEqual({ page: '1', per_page: '5', sort: 'created_at' })
    const created = page.data.map((m) => m.created_at)
    expect(created).toEqual([...created].sort())
  })

  it('contact details: filters, include and sort', async () => {
    await listContactDetails(client, {
      uuids: ['x'],
      accountUuids: ['a1'],
      circleUuids: ['c1'],
      include: ['accounts', 'primary_accounts'],
      sort: 'value',
      direction: 'desc',
    })
    expect(lastRequest()?.path).toBe('/api/v2/contact-details')
    expect(lastRequest()?.query).toEqual({
      'filter[uuid]': 'x',
      'filter[account_uuids]': 'a1',
      'filter[circle_uuids]': 'c1',
      include: 'accounts,primary_accounts',
      sort: '-value',
      per_page: '500',
      page: '1',
    })
  })

  it('referral connections: status, direction and recipient filters, and sort', async () => {
    const pending = await listReferralConnections(client, { statuses: ['pending'], directions: ['sent', 'received'], sort: 'expires_at' })
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((c) => c.status === 'pending')).toBe(true)
    expect(lastRequest()?.query).toEqual({
      'filter[status]': 'pending',
      'filter[direction]': 'sent,received',
      sort: 'expires_at',
      per_page: '500',
      page: '1',
    })
    await listReferralConnections(client, { recipientUuid: 'r1', uuids: ['u1', 'u2'], sort: 'created_at', direction: 'desc' })
    expect(lastRequest()?.query).toEqual({
      'filter[uuid]': 'u1,u2',
      'filter[recipient_uuid]': 'r1',
      sort: '-created_at',
      per_page: '500',
      page: '1',
    })
  })
})
