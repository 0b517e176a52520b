import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call, loginAccounts } from './helpers'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 7 })
})
afterAll(() => sandbox.close())

describe('authentication', () => {
  test('a missing or unknown token is 401 Unauthenticated', async () => {
    for (const token of [null, 'not-a-token']) {
      const { status, json } = await call(sandbox, '/api/v1/me', { token })
      expect(status).toBe(401)
      expect(json).toEqual({ message: 'Unauthenticated.' })
    }
    const circles = await call(sandbox, '/api/v1/circles', { token: 'nope', account: await adviserAccount(sandbox) })
    expect(circles.status).toBe(401)
  })

  test('/me and /logins need only the token', async () => {
    const me = await call(sandbox, '/api/v1/me')
    expect(me.status).toBe(200)
    expect(me.json).toMatchObject({ name: 'Sophie Turner', type: 'standard' })
    expect(me.json.current_account.firm.name).toBe('Harbour & Vale Financial Planning')

    const logins = await call(sandbox, '/api/v1/logins')
    expect(logins.status).toBe(200)
    expect(logins.json.data).toHaveLength(1)
    expect(logins.json.preferred_account_uuid).toBe(logins.json.data[0].account.uuid)
  })

  test('the multi-firm user has two employee logins at two firms and a client login, and no preferred account', async () => {
    const { json } = await call(sandbox, '/api/v1/logins', { token: SANDBOX_TOKENS.multiFirm })
    expect('preferred_account_uuid' in json).toBe(false)
    const accounts = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    expect(accounts.map((a) => [a.type, a.firm])).toEqual([
      ['employee', 'Harbour & Vale Financial Planning'],
      ['employee', 'Northgate Wealth Partners'],
      ['client', 'Ashworth Private Clients'],
    ])
  })

  test('the preferred user is pointed at their second login', async () => {
    const { json } = await call(sandbox, '/api/v1/logins', { token: SANDBOX_TOKENS.preferred })
    expect(json.data).toHaveLength(2)
    expect(json.preferred_account_uuid).toBe(json.data[1].account.uuid)
    expect(json.data[1].firm.name).toBe('Northgate Wealth Partners')
    const me = await call(sandbox, '/api/v1/me', { token: SANDBOX_TOKENS.preferred })
    expect(me.json.current_account.uuid).toBe(json.preferred_account_uuid)
  })
})

describe('the account header', () => {
  test('is required on firm routes', async () => {
    const { status, json } = await call(sandbox, '/api/v1/circles')
    expect(status).toBe(400)
    expect(json).toEqual({ message: 'The X-PLANNR-ACCOUNT-UUID header is required.' })
  })

  test("naming an account that is not the user's is 403", async () => {
    const [other] = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    const { status, json } = await call(sandbox, '/api/v1/circles', { account: other?.uuid })
    expect(status).toBe(403)
    expect(json).toEqual({ message: 'This action is unauthorized.' })
  })

  test('a client login may not read firm lists', async () => {
    const accounts = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    const client = accounts.find((a) => a.type === 'client')
    const { status } = await call(sandbox, '/api/v1/circles', { token: SANDBOX_TOKENS.multiFirm, account: client?.uuid })
    expect(status).toBe(403)
  })

  test('scopes data to the acting firm', async () => {
    const [harbour, northgate] = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    const token = SANDBOX_TOKENS.multiFirm
    const atHarbour = await call(sandbox, '/api/v1/circles?per_page=500', { token, account: harbour?.uuid })
    const atNorthgate = await call(sandbox, '/api/v1/circles?per_page=500', { token, account: northgate?.uuid })
    expect(atHarbour.json.meta.total).toBeGreaterThan(0)
    expect(atNorthgate.json.meta.total).toBeGreaterThan(0)
    const harbourIds = new Set(atHarbour.json.data.map((c: { uuid: string }) => c.uuid))
    expect(atNorthgate.json.data.some((c: { uuid: string }) => harbourIds.has(c.uuid))).toBe(false)
    // A Northgate circle is not found from Harbour & Vale.
    const foreign = await call(sandbox, `/api/v1/circles/${atNorthgate.json.data[0].uuid}`, { token, account: harbour?.uuid })
    expect(foreign.status).toBe(404)
  })
})

describe('errors', () => {
  test('unknown routes are 404, wrong methods 405, malformed JSON 400', async () => {
    const account = await adviserAccount(sandbox)
    const missing = await call(sandbox, '/api/v1/nothing-here', { account })
    expect(missing.status).toBe(404)
    expect(missing.json.message).toMatch(/could not be found/)

    const wrong = await call(sandbox, '/api/v1/circles', { account, method: 'PATCH' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET')

    const malformed = await call(sandbox, '/api/v1/conversation', { account, method: 'POST', rawBody: '{"name": ' })
    expect(malformed.status).toBe(400)
    expect(malformed.json.message).toMatch(/not valid JSON/)
  })

  test('unknown uuids are 404 with a Laravel-style message', async () => {
    const account = await adviserAccount(sandbox)
    for (const path of ['/api/v1/circles/nope', '/api/v1/conversation/nope', '/api/v1/referral-connections/nope', '/api/v1/account/nope']) {
      const { status, json } = await call(sandbox, path, { account })
      expect(status, path).toBe(404)
      expect(json.message, path).toMatch(/^No query results for model/)
    }
  })
})
