import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call } from './helpers'

interface ConversationJson {
  uuid: string
  name: string
  pinned?: boolean
  is_admin?: boolean
  participants?: Array<{ uuid: string; type: string; name: string }>
  latest_message?: { created_at: string; contents: string } | null
  case?: { uuid: string; value: { amount: string; currency: string; formatted: string } } | null
  messages_count?: number
}

let sandbox: Sandbox
let account: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 21 })
  account = await adviserAccount(sandbox)
})
afterAll(() => sandbox.close())

const get = (path: string) => call(sandbox, path, { account })
const send = (method: 'POST' | 'PUT', path: string, body: unknown) => call(sandbox, path, { account, method, body })
const list = async (query: string): Promise<ConversationJson[]> => (await get(`/api/v1/conversation?per_page=500&${query}`)).json.data

describe('listing conversations', () => {
  test('default order is newest latest message first', async () => {
    const conversations = await list('include=latest_message')
    const times = conversations.map((c) => Date.parse(c.latest_message?.created_at ?? ''))
    expect(times.length).toBeGreaterThan(3)
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('archived: false by default, only, with', async () => {
    const active = await list('')
    const only = await list('filter[archived]=only')
    const withArchived = await list('filter[archived]=with')
    expect(only.length).toBeGreaterThan(0)
    expect(active.length + only.length).toBe(withArchived.length)
    const activeIds = new Set(active.map((c) => c.uuid))
    expect(only.some((c) => activeIds.has(c.uuid))).toBe(false)
  })

  test('pinned and is_admin appear only with participants', async () => {
    const bare = await list('')
    expect(bare[0]).not.toHaveProperty('pinned')
    const full = await list('include=participants')
    expect(full.every((c) => typeof c.pinned === 'boolean' && typeof c.is_admin === 'boolean')).toBe(true)
    expect(full.every((c) => c.participants?.some((p) => p.uuid === account))).toBe(true)
    const pinnedFirst = await list('include=participants&sort=pinned_conversations')
    const firstUnpinned = pinnedFirst.findIndex((c) => !c.pinned)
    expect(pinnedFirst.slice(firstUnpinned).every((c) => !c.pinned)).toBe(true)
  })

  test('filter by circle', async () => {
    const withParticipants = await list('include=participants')
    const client = withParticipants[0]?.participants?.find((p) => p.type === 'client')
    const circles = (await get(`/api/v1/circles?filter[account_uuids]=${client?.uuid}`)).json.data
    const inCircle = await list(`include=participants&filter[circle_uuids]=${circles[0].uuid}`)
    expect(inCircle.map((c) => c.uuid)).toContain(withParticipants[0]?.uuid)
  })

  test('case values are money in pennies', async () => {
    const withCase = (await list('filter[archived]=with&include=case')).find((c) => c.case)
    expect(withCase?.case?.value.currency).toBe('GBP')
    expect(withCase?.case?.value.amount).toMatch(/^\d+$/)
    expect(withCase?.case?.value.formatted).toMatch(/^£[\d,]+\.\d{2}$/)
  })
})

describe('creating and changing conversations', () => {
  test('create validates name, case and participants (seed 001)', async () => {
    const missing = await send('POST', '/api/v1/conversation', {})
    expect(missing.status).toBe(422)
    expect(missing.json).toEqual({ message: 'The name field is required.', errors: { name: ['The name field is required.'] } })

    const tooLong = await send('POST', '/api/v1/conversation', { name: 'x'.repeat(256) })
    expect(tooLong.json.errors.name).toEqual(['The name field must not be greater than 255 characters.'])

    const bad = await send('POST', '/api/v1/conversation', { name: 'Review', case: 'no-such-case', participants: [account, 'stranger'] })
    expect(bad.status).toBe(422)
    expect(bad.json.message).toBe('The selected case is invalid. (and 1 more error)')
    expect(bad.json.errors).toEqual({
      case: ['The selected case is invalid.'],
      'participants.1': ['The selected participants.1 is invalid.'],
    })
  })

  test('create returns the conversation with the creator as participant and admin; reads see it', async () => {
    const clients = (await get('/api/v1/account?filter[type]=client&per_page=2')).json.data
    const withCase = (await list('filter[archived]=with&include=case')).find((c) => c.case) as ConversationJson
    const created = await send('POST', '/api/v1/conversation', {
      name: 'Annual Review', case: withCase.case?.uuid, participants: clients.map((c: { uuid: string }) => c.uuid),
    })
    expect(created.status).toBe(200)
    expect(created.json).toMatchObject({ name: 'Annual Review', slug: 'annual-review', belongs_to_case: true, is_admin: true, pinned: false, messages_count: 0 })
    expect(created.json.participants.map((p: { uuid: string }) => p.uuid)).toEqual([account, ...clients.map((c: { uuid: string }) => c.uuid)])

    const listed = await list('')
    expect(listed.map((c) => c.uuid)).toContain(created.json.uuid)

    const renamed = await send('PUT', `/api/v1/conversation/${created.json.uuid}`, { name: 'Annual Review 2026' })
    expect(renamed.json).toMatchObject({ name: 'Annual Review 2026', slug: 'annual-review-2026' })
    expect((await send('PUT', `/api/v1/conversation/${created.json.uuid}`, {})).status).toBe(422)

    const pinned = await send('POST', `/api/v1/conversation/${created.json.uuid}/pin`, { pin: true })
    expect(pinned.json.pinned).toBe(true)
    expect((await get(`/api/v1/conversation/${created.json.uuid}?include=participants`)).json.pinned).toBe(true)
    const unpinned = await send('POST', `/api/v1/conversation/${created.json.uuid}/pin`, { pin: false })
    expect(unpinned.json.pinned).toBe(false)
    const noPin = await send('POST', `/api/v1/conversation/${created.json.uuid}/pin`, {})
    expect(noPin.json.errors).toEqual({ pin: ['The pin field is required.'] })
    const notBoolean = await send('POST', `/api/v1/conversation/${created.json.uuid}/pin`, { pin: 'yes' })
    expect(notBoolean.json.errors).toEqual({ pin: ['The pin field must be true or false.'] })
  })
})

describe('messages', () => {
  test('newest first by default; oldest first on request', async () => {
    const conversation = (await list('include=messages_count')).find((c) => (c.messages_count ?? 0) > 2)
    const newest = (await get(`/api/v1/conversation/${conversation?.uuid}/messages`)).json.data
    const oldest = (await get(`/api/v1/conversation/${conversation?.uuid}/messages?sort=created_at`)).json.data
    expect(newest.length).toBe(conversation?.messages_count)
    expect(newest.map((m: { uuid: string }) => m.uuid)).toEqual(oldest.map((m: { uuid: string }) => m.uuid).reverse())
    expect((await get(`/api/v1/conversation/${conversation?.uuid}/messages?sort=contents`)).status).toBe(400)
  })

  test('send, then edit your own; editing someone else’s is 403', async () => {
    const conversation = (await list('include=messages_count')).find((c) => (c.messages_count ?? 0) > 2)
    const path = `/api/v1/conversation/${conversation?.uuid}/messages`
    const empty = await send('POST', path, {})
    expect(empty.json.errors).toEqual({ contents: ['The contents field is required.'] })
    expect((await send('POST', path, { contents: 'x'.repeat(10_001) })).status).toBe(422)

    const sent = await send('POST', path, { contents: 'Thanks — I have booked Thursday at 2pm.' })
    expect(sent.status).toBe(200)
    expect(sent.json).toMatchObject({ contents: 'Thanks — I have booked Thursday at 2pm.', edited: false, author: { uuid: account } })
    const latest = await get(`/api/v1/conversation/${conversation?.uuid}?include=latest_message`)
    expect(latest.json.latest_message.uuid).toBe(sent.json.uuid)
    expect((await list(''))[0]?.uuid).toBe(conversation?.uuid)

    const edited = await send('PUT', `${path}/${sent.json.uuid}`, { contents: 'Thanks — Thursday at 3pm instead.' })
    expect(edited.json).toMatchObject({ edited: true, contents: 'Thanks — Thursday at 3pm instead.' })

    const messages = (await get(path)).json.data
    const theirs = messages.find((m: { author: { uuid: string } }) => m.author.uuid !== account)
    const refused = await send('PUT', `${path}/${theirs.uuid}`, { contents: 'Not mine to change' })
    expect(refused.status).toBe(403)
  })
})
