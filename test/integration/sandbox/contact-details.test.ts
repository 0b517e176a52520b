import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call, loginAccounts } from './helpers'

interface DetailJson {
  uuid: string
  type: string
  name: string
  value: string
  phone_number_meta: { country: string; formatted: string } | null
  accounts?: Array<{ uuid: string }>
  primary_accounts?: Array<{ uuid: string }>
}

let sandbox: Sandbox
let account: string
let clients: Array<{ uuid: string; name: string }>
let employee: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 13 })
  account = await adviserAccount(sandbox)
  clients = (await call(sandbox, '/api/v1/account?per_page=500&filter[role]=individual', { account })).json.data
  employee = (await call(sandbox, '/api/v1/account?filter[type]=employee', { account })).json.data[0].uuid
})
afterAll(() => sandbox.close())

const get = (path: string) => call(sandbox, path, { account })
const send = (method: 'POST' | 'PUT', path: string, body: unknown) => call(sandbox, path, { account, method, body })
const uuidOf = (n: number) => (clients[n] as { uuid: string }).uuid

describe('listing', () => {
  test('only clients’ details, filterable by account and circle, with owners when included', async () => {
    const all = (await get('/api/v2/contact-details?per_page=500&include=accounts')).json
    expect(all.meta.total).toBeGreaterThan(60)
    const employees = new Set((await get('/api/v1/account?per_page=500&filter[type]=employee')).json.data.map((a: { uuid: string }) => a.uuid))
    expect(all.data.every((d: DetailJson) => d.accounts?.some((a) => !employees.has(a.uuid)))).toBe(true)

    const mine = (await get(`/api/v2/contact-details?filter[account_uuids]=${uuidOf(0)}&include=accounts`)).json.data
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((d: DetailJson) => d.accounts?.some((a) => a.uuid === uuidOf(0)))).toBe(true)

    const circle = (await get(`/api/v1/circles?filter[account_uuids]=${uuidOf(0)}&include=accounts`)).json.data[0]
    const household = (await get(`/api/v2/contact-details?per_page=500&filter[circle_uuids]=${circle.uuid}&include=accounts`)).json.data
    const members = new Set(circle.accounts.map((a: { uuid: string }) => a.uuid))
    expect(household.every((d: DetailJson) => d.accounts?.some((a) => members.has(a.uuid)))).toBe(true)
    expect(household.map((d: DetailJson) => d.uuid)).toEqual(expect.arrayContaining(mine.map((d: DetailJson) => d.uuid)))

    const bare = (await get('/api/v2/contact-details')).json.data[0]
    expect(bare).not.toHaveProperty('accounts')
  })
})

describe('creating (seed 002)', () => {
  test('every missing field is reported, Laravel-style', async () => {
    const { status, json } = await send('POST', '/api/v2/contact-details', {})
    expect(status).toBe(422)
    expect(json.message).toBe('The type field is required. (and 3 more errors)')
    expect(json.errors).toEqual({
      type: ['The type field is required.'],
      name: ['The name field is required.'],
      value: ['The value field is required.'],
      account_uuids: ['The account uuids field is required.'],
    })
  })

  test('type must be email or phone_number; an email must look like one', async () => {
    const badType = await send('POST', '/api/v2/contact-details', { type: 'fax', name: 'Fax', value: '0161 496 0000', account_uuids: [uuidOf(0)] })
    expect(badType.json.errors).toEqual({ type: ['The selected type is invalid.'] })
    const badEmail = await send('POST', '/api/v2/contact-details', { type: 'email', name: 'Work', value: 'not-an-email', account_uuids: [uuidOf(0)] })
    expect(badEmail.json.errors).toEqual({ value: ['The value field must be a valid email address.'] })
  })

  test('a phone number must be plausible for its country', async () => {
    for (const value of ['12345', '07700 90012', '+1 202 555 0100', { country: 'GB', number: '0800' }]) {
      const { status, json } = await send('POST', '/api/v2/contact-details', { type: 'phone_number', name: 'Mobile', value, account_uuids: [uuidOf(0)] })
      expect(status, JSON.stringify(value)).toBe(422)
      expect(json.errors).toEqual({ value: ['The value field must be a valid number.'] })
    }
    const unknownCountry = await send('POST', '/api/v2/contact-details', { type: 'phone_number', name: 'Mobile', value: { country: 'XX', number: '123456789' }, account_uuids: [uuidOf(0)] })
    expect(unknownCountry.json.errors).toEqual({ 'value.country': ['The selected value.country is invalid.'] })
  })

  test('owners must be client accounts of the firm; primaries must be owners', async () => {
    const [, northgate] = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    const foreignClient = (await call(sandbox, '/api/v1/account?filter[type]=client', { token: SANDBOX_TOKENS.multiFirm, account: northgate?.uuid })).json.data[0].uuid
    const { json } = await send('POST', '/api/v2/contact-details', {
      type: 'email', name: 'Work', value: 'work@example.com',
      account_uuids: [uuidOf(0), employee, foreignClient, 'nobody'],
      primary_account_uuids: [uuidOf(1)],
    })
    expect(json.errors).toEqual({
      'account_uuids.1': ['The selected account_uuids.1 is invalid.'],
      'account_uuids.2': ['The selected account_uuids.2 is invalid.'],
      'account_uuids.3': ['The selected account_uuids.3 is invalid.'],
      'primary_account_uuids.0': ['The selected primary_account_uuids.0 is invalid.'],
    })
  })

  test('a UK number is stored in E.164 with its national formatting; is_primary demotes the owners’ other numbers', async () => {
    const owners = [uuidOf(2), uuidOf(3)]
    const created = await send('POST', '/api/v2/contact-details', {
      type: 'phone_number', name: 'Work phone number', value: '0333 090 3630', is_primary: true, account_uuids: owners,
    })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      type: 'phone_number', name: 'Work phone number', value: '+443330903630', phone_number_meta: { country: 'GB', formatted: '0333 090 3630' },
    })
    expect(created.json.primary_accounts.map((a: { uuid: string }) => a.uuid)).toEqual(owners)

    for (const owner of owners) {
      const phones = (await get(`/api/v2/contact-details?per_page=500&filter[account_uuids]=${owner}&include=primary_accounts`)).json.data
        .filter((d: DetailJson) => d.type === 'phone_number' && d.primary_accounts?.some((a) => a.uuid === owner))
      expect(phones.map((d: DetailJson) => d.uuid)).toEqual([created.json.uuid])
      const person = (await get(`/api/v1/account/${owner}?include=primary_phone_number`)).json
      expect(person.primary_phone_number.value).toBe('+443330903630')
    }
  })

  test('other countries and the +44 form are accepted', async () => {
    const au = await send('POST', '/api/v2/contact-details', { type: 'phone_number', name: 'Sydney', value: { country: 'AU', number: '+61 2 3456 7890' }, account_uuids: [uuidOf(4)] })
    expect(au.status).toBe(201)
    expect(au.json).toMatchObject({ value: '+61234567890', phone_number_meta: { country: 'AU' } })
    const intl = await send('POST', '/api/v2/contact-details', { type: 'phone_number', name: 'Mobile', value: '+44 7700 900123', account_uuids: [uuidOf(4)], primary_account_uuids: [uuidOf(4)] })
    expect(intl.json).toMatchObject({ value: '+447700900123', phone_number_meta: { formatted: '07700 900123' } })
    expect(intl.json.primary_accounts.map((a: { uuid: string }) => a.uuid)).toEqual([uuidOf(4)])
  })
})

describe('updating', () => {
  test('PUT replaces name, value and owners; the type stays', async () => {
    const created = await send('POST', '/api/v2/contact-details', { type: 'email', name: 'Joint email', value: 'the.family@example.co.uk', account_uuids: [uuidOf(5)] })
    const path = `/api/v2/contact-details/${created.json.uuid}`
    const missing = await send('PUT', path, { name: 'Joint email' })
    expect(missing.json.errors).toEqual({ value: ['The value field is required.'], account_uuids: ['The account uuids field is required.'] })

    const updated = await send('PUT', path, {
      name: 'Family email', value: 'family@example.co.uk', type: 'phone_number', account_uuids: [uuidOf(5), uuidOf(6)], primary_account_uuids: [uuidOf(6)],
    })
    expect(updated.status).toBe(200)
    expect(updated.json).toMatchObject({ type: 'email', name: 'Family email', value: 'family@example.co.uk' })
    expect(updated.json.accounts.map((a: { uuid: string }) => a.uuid)).toEqual([uuidOf(5), uuidOf(6)])
    expect(updated.json.primary_accounts.map((a: { uuid: string }) => a.uuid)).toEqual([uuidOf(6)])
    const listed = (await get(`/api/v2/contact-details?filter[account_uuids]=${uuidOf(6)}&filter[uuid]=${created.json.uuid}`)).json.data
    expect(listed.map((d: DetailJson) => d.value)).toEqual(['family@example.co.uk'])

    expect((await send('PUT', path, { name: 'x', value: 'not-an-email', account_uuids: [uuidOf(5)] })).status).toBe(422)
    expect((await send('PUT', '/api/v2/contact-details/nope', { name: 'x', value: 'a@example.com', account_uuids: [uuidOf(5)] })).status).toBe(404)
  })
})
