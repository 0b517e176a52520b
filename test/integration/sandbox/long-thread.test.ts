import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { LONG_THREAD_MESSAGES, LONG_THREAD_NAME } from '../../../src/main/sandbox/data/generate/long-thread'
import { adviserAccount, call } from './helpers'

interface ConversationJson {
  uuid: string
  name: string
  pinned?: boolean
  participants?: Array<{ uuid: string; type: string; name: string }>
  messages_count?: number
}

interface MessageJson {
  uuid: string
  created_at: string
  contents: string
  author: { uuid: string; name: string }
}

let sandbox: Sandbox
let account: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 5 })
  account = await adviserAccount(sandbox)
})
afterAll(() => sandbox.close())

const get = (path: string) => call(sandbox, path, { account })

describe('the long thread', () => {
  test('is Sophie’s with one client, 400 messages in 14 pages, and sorts below every other conversation', async () => {
    const conversations: ConversationJson[] = (await get('/api/v1/conversation?per_page=500&include=participants,messages_count')).json.data
    const long = conversations.filter((c) => c.name === LONG_THREAD_NAME)
    expect(long).toHaveLength(1)
    const thread = long[0]!
    expect(conversations.at(-1)?.uuid).toBe(thread.uuid)
    expect(thread.pinned).toBe(false)
    expect(thread.messages_count).toBe(LONG_THREAD_MESSAGES)
    expect(thread.participants?.map((p) => p.type).sort()).toEqual(['client', 'employee'])
    expect(thread.participants?.find((p) => p.type === 'employee')?.uuid).toBe(account)

    const first = await get(`/api/v1/conversation/${thread.uuid}/messages`)
    expect(first.json.meta).toMatchObject({ per_page: 30, last_page: 14, total: LONG_THREAD_MESSAGES })
    const all: MessageJson[] = (await get(`/api/v1/conversation/${thread.uuid}/messages?per_page=500&sort=created_at`)).json.data
    const times = all.map((m) => Date.parse(m.created_at))
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(new Set(times).size).toBe(times.length)
    // Office hours, and lines of every length: rows of many heights.
    expect(times.every((t) => new Date(t).getUTCHours() >= 7 && new Date(t).getUTCHours() < 19)).toBe(true)
    const lengths = all.map((m) => m.contents.length)
    expect(Math.min(...lengths)).toBeLessThan(40)
    expect(Math.max(...lengths)).toBeGreaterThan(150)
    expect(new Set(all.map((m) => m.author.uuid)).size).toBe(2)
  })
})
