/** What the sandbox serves parses with the same zod schemas the app's client uses. */
import {
  Account, Circle, ContactDetail, Conversation, LoginsResponse, Me, MeResponse, Message, ReferralConnection, paginated,
} from '@shared/plannr'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call } from './helpers'

let sandbox: Sandbox
let account: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 3 })
  account = await adviserAccount(sandbox)
})
afterAll(() => sandbox.close())

async function get(path: string, token?: string) {
  const { status, json } = await call(sandbox, path, { account, token })
  expect(status, path).toBe(200)
  return json as unknown
}

test('me and logins', async () => {
  for (const token of Object.values(SANDBOX_TOKENS)) {
    const me = Me.parse(await get('/api/v1/me', token))
    expect(me.name).toBeTruthy()
    expect(MeResponse.parse(await get('/api/v1/me', token)).uuid).toBe(me.uuid)
    const logins = LoginsResponse.parse(await get('/api/v1/logins', token))
    expect(logins.data.length).toBeGreaterThan(0)
    for (const login of logins.data) expect(login.firm?.name).toBeTruthy()
  }
})

test('accounts, with every include', async () => {
  const page = paginated(Account).parse(
    await get('/api/v1/account?per_page=100&include=primary_email,primary_phone_number,assigned_adviser,groups,tags,external_references,firm'),
  )
  expect(page.meta?.total).toBeGreaterThan(60)
  const client = page.data.find((a) => a.type === 'client' && a.primary_phone_number)
  expect(client?.primary_phone_number?.phone_number_meta?.formatted).toMatch(/^0\d{3,4} \d{3,6}( \d{4})?$/)
})

test('circles, bare and with every include', async () => {
  for (const include of ['', '&include=accounts,firm,groups']) {
    const page = paginated(Circle).parse(await get(`/api/v1/circles?per_page=500${include}`))
    expect(page.data.length).toBe(25)
    if (include) expect(page.data.every((c) => (c.accounts?.length ?? 0) >= 1 && (c.accounts?.length ?? 0) <= 5)).toBe(true)
  }
  const first = paginated(Circle).parse(await get('/api/v1/circles')).data[0]
  Circle.parse(await get(`/api/v1/circles/${first?.uuid}?include=accounts,groups`))
})

test('conversations and messages', async () => {
  const page = paginated(Conversation).parse(
    await get('/api/v1/conversation?filter[archived]=with&per_page=500&include=participants,participants_count,latest_message,messages_count,files_count,case,tags'),
  )
  expect(page.data.length).toBeGreaterThan(5)
  expect(page.data.some((c) => c.case?.value?.currency === 'GBP')).toBe(true)
  const conversation = page.data[0]
  Conversation.parse(await get(`/api/v1/conversation/${conversation?.uuid}?include=participants`))
  const messages = paginated(Message).parse(await get(`/api/v1/conversation/${conversation?.uuid}/messages`))
  expect(messages.data.length).toBeGreaterThan(0)
  expect(messages.data[0]?.author?.name).toBeTruthy()
})

test('contact details and referral connections', async () => {
  const details = paginated(ContactDetail).parse(await get('/api/v2/contact-details?per_page=500&include=accounts,primary_accounts'))
  expect(details.data.some((d) => d.type === 'phone_number' && d.phone_number_meta?.country === 'GB')).toBe(true)
  const connections = paginated(ReferralConnection).parse(await get('/api/v1/referral-connections?per_page=500'))
  expect(new Set(connections.data.map((c) => c.status))).toEqual(new Set(['pending', 'accepted', 'denied', 'expired']))
  ReferralConnection.parse(await get(`/api/v1/referral-connections/${connections.data[0]?.uuid}`))
})
