import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call, loginAccounts } from './helpers'

interface ConnectionJson {
  uuid: string
  direction: string
  status: string
  created_at: string
  expires_at: string
  sender_firm: { name: string }
  recipient_firm: { name: string }
  recipient_account: { uuid: string; name: string }
}

let sandbox: Sandbox
let account: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 17 })
  account = await adviserAccount(sandbox)
})
afterAll(() => sandbox.close())

const list = async (query = ''): Promise<ConnectionJson[]> => (await call(sandbox, `/api/v1/referral-connections?per_page=500&${query}`, { account })).json.data
const connect = (adviserKey: unknown, as = account, token?: string) =>
  call(sandbox, '/api/v1/referral-connections', { account: as, token, method: 'POST', body: adviserKey === undefined ? {} : { adviser_key: adviserKey } })

describe('listing', () => {
  test('every status in both directions, newest first, expiring 30 days after creation', async () => {
    const all = await list()
    expect(new Set(all.map((c) => c.status))).toEqual(new Set(['pending', 'accepted', 'denied', 'expired']))
    expect(new Set(all.map((c) => c.direction))).toEqual(new Set(['sent', 'received']))
    const created = all.map((c) => Date.parse(c.created_at))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    for (const c of all) expect(Date.parse(c.expires_at) - Date.parse(c.created_at)).toBe(30 * 24 * 3600 * 1000)
    for (const c of all) {
      const ours = c.direction === 'sent' ? c.sender_firm : c.recipient_firm
      expect(ours.name).toBe('Harbour & Vale Financial Planning')
    }
  })

  test('filter by status, direction and recipient', async () => {
    const pending = await list('filter[status]=pending')
    expect(pending.length).toBeGreaterThan(0)
    expect(pending.every((c) => c.status === 'pending')).toBe(true)
    const closed = await list('filter[status]=denied,expired')
    expect(closed.every((c) => c.status === 'denied' || c.status === 'expired')).toBe(true)
    expect(closed.some((c) => c.status === 'expired')).toBe(true)
    const received = await list('filter[direction]=received')
    expect(received.length).toBeGreaterThan(0)
    expect(received.every((c) => c.direction === 'received')).toBe(true)
    const sentPending = await list('filter[direction]=sent&filter[status]=pending')
    expect(sentPending.every((c) => c.direction === 'sent' && c.status === 'pending')).toBe(true)
    const target = (await list())[0] as ConnectionJson
    const byRecipient = await list(`filter[recipient_uuid]=${target.recipient_account.uuid}`)
    expect(byRecipient.every((c) => c.recipient_account.uuid === target.recipient_account.uuid)).toBe(true)
  })

  test('sort by expires_at ascending', async () => {
    const sorted = await list('sort=expires_at')
    const times = sorted.map((c) => Date.parse(c.expires_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
  })
})

describe('connecting by referral code (seed 000)', () => {
  test('the code is required and is 8 letters or digits', async () => {
    const missing = await connect(undefined)
    expect(missing.status).toBe(422)
    expect(missing.json).toEqual({ message: 'The adviser key field is required.', errors: { adviser_key: ['The adviser key field is required.'] } })
    expect((await connect('ABC123')).json.errors).toEqual({ adviser_key: ['The adviser key field must be 8 characters.'] })
    expect((await connect('ABC-1234')).json.errors).toEqual({ adviser_key: ['The adviser key field must only contain letters and numbers.'] })
  })

  test('an unknown code, your own firm and an existing connection are refused', async () => {
    expect((await connect('ZZZZ9999')).json).toEqual({
      message: 'The selected adviser key is invalid.',
      errors: { adviser_key: ['The selected adviser key is invalid.'] },
    })
    const own = await connect('HVMB3K8D')
    expect(own.status).toBe(422)
    expect(own.json.errors).toEqual({ adviser_key: ['You cannot connect with your own firm.'] })
    for (const code of ['NGW4K7P2', 'PMS2X9Q4', 'APC8R3T6']) {
      const existing = await connect(code)
      expect(existing.status, code).toBe(422)
      expect(existing.json.errors, code).toEqual({ adviser_key: ['A connection with this firm already exists.'] })
    }
  })

  test('a new code makes a pending sent connection that later reads and a second request see', async () => {
    const before = Date.now()
    const created = await connect('wwm4p7r2')
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({
      direction: 'sent', status: 'pending',
      sender_firm: { name: 'Harbour & Vale Financial Planning' }, recipient_firm: { name: 'Wessex Wealth Management' },
      sender_account: { uuid: account }, recipient_account: { name: 'Victoria Pemberton' },
    })
    const days = (Date.parse(created.json.expires_at) - Date.parse(created.json.created_at)) / 86_400_000
    expect(days).toBe(30)
    expect(Date.parse(created.json.created_at)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)

    expect((await list())[0]?.uuid).toBe(created.json.uuid)
    const shown = await call(sandbox, `/api/v1/referral-connections/${created.json.uuid}`, { account })
    expect(shown.json.uuid).toBe(created.json.uuid)
    expect((await connect('WWM4P7R2')).json.errors.adviser_key).toEqual(['A connection with this firm already exists.'])
    // Denied and expired history does not block a new request.
    expect((await connect('TBP6M1W8')).status).toBe(200)
  })

  test('the other firm sees the request as received', async () => {
    const [, northgate] = await loginAccounts(sandbox, SANDBOX_TOKENS.multiFirm)
    const created = await connect('FFP6C3X9')
    expect(created.status).toBe(200)
    // Northgate already has a pending request with Fenland.
    const refused = await connect('FFP6C3X9', northgate?.uuid, SANDBOX_TOKENS.multiFirm)
    expect(refused.json.errors.adviser_key).toEqual(['A connection with this firm already exists.'])
    const atNorthgate = await call(sandbox, '/api/v1/referral-connections?filter[direction]=received', { account: northgate?.uuid, token: SANDBOX_TOKENS.multiFirm })
    expect(atNorthgate.json.data.some((c: ConnectionJson) => c.sender_firm.name === 'Harbour & Vale Financial Planning')).toBe(true)
  })
})
