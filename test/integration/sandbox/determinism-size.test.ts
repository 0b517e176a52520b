import { describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { SIZES } from '../../../src/main/sandbox/data/fixed'
import { generateWorld } from '../../../src/main/sandbox/data/generate'
import { adviserAccount, all, call } from './helpers'

async function snapshot(sandbox: Sandbox) {
  const account = await adviserAccount(sandbox)
  return {
    circles: await all(sandbox, '/api/v1/circles?include=accounts,groups', account),
    conversations: await all(sandbox, '/api/v1/conversation?filter[archived]=with&include=participants,latest_message,case,tags', account),
    details: await all(sandbox, '/api/v2/contact-details', account),
    connections: await all(sandbox, '/api/v1/referral-connections', account),
  }
}

describe('determinism', () => {
  test('the same seed serves the same data; another seed does not', async () => {
    const [a, b, c] = await Promise.all([startSandbox({ size: 'small', seed: 42 }), startSandbox({ size: 'small', seed: 42 }), startSandbox({ size: 'small', seed: 43 })])
    try {
      const first = await snapshot(a)
      expect(await snapshot(b)).toEqual(first)
      expect((await snapshot(c)).circles).not.toEqual(first.circles)
    } finally {
      await Promise.all([a.close(), b.close(), c.close()])
    }
  })

  test('a world is a function of its seed and anchor', () => {
    const options = { seed: 8, size: SIZES.small, anchor: Date.UTC(2025, 5, 1) }
    const names = (w: ReturnType<typeof generateWorld>) => [...w.accounts.values()].map((a) => [a.uuid, a.firstName, a.lastName, a.createdAt])
    expect(names(generateWorld(options))).toEqual(names(generateWorld(options)))
  })
})

describe('sizes', () => {
  test('explicit counts', async () => {
    const sandbox = await startSandbox({ size: { clients: 40, circles: 10 } })
    try {
      const account = await adviserAccount(sandbox)
      const clients = await call(sandbox, '/api/v1/account?filter[type]=client', { account })
      expect(clients.json.meta.total).toBe(40)
      expect((await call(sandbox, '/api/v1/circles', { account })).json.meta.total).toBe(10)
    } finally {
      await sandbox.close()
    }
  })

  test('the demo size is the default', async () => {
    const sandbox = await startSandbox()
    try {
      const account = await adviserAccount(sandbox)
      expect((await call(sandbox, '/api/v1/account?filter[type]=client', { account })).json.meta.total).toBe(1200)
      expect((await call(sandbox, '/api/v1/circles', { account })).json.meta.total).toBe(400)
      const conversations = await call(sandbox, '/api/v1/conversation?filter[archived]=with&include=participants', { account })
      expect(conversations.json.meta.total).toBeGreaterThan(30)
    } finally {
      await sandbox.close()
    }
  })

  test("'large' generates 20,000 clients in 5,000 circles and still lists, filters and sorts", async () => {
    const sandbox = await startSandbox({ size: 'large' })
    try {
      const account = await adviserAccount(sandbox)
      const clients = await call(sandbox, '/api/v1/account?filter[type]=client&per_page=500&sort=-last_name&include=primary_email', { account })
      expect(clients.json.meta.total).toBe(20_000)
      expect(clients.json.data).toHaveLength(500)
      const circles = await call(sandbox, '/api/v1/circles?per_page=500&page=10&include=accounts', { account })
      expect(circles.json.meta.total).toBe(5_000)
      expect(circles.json.data).toHaveLength(500)
      const member = circles.json.data[0].accounts[0].uuid
      const byMember = await call(sandbox, `/api/v2/contact-details?filter[account_uuids]=${member}`, { account })
      expect(byMember.status).toBe(200)
      const search = await call(sandbox, '/api/v1/account?filter[name]=patel', { account })
      expect(search.json.meta.total).toBeGreaterThan(0)
    } finally {
      await sandbox.close()
    }
  })
})
