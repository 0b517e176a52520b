import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startSandbox } from '../../../src/main/sandbox'
import { PlannrError, listCircles, type PlannrClient } from '../../../src/main/core/plannr'
import { adviserClient, only, type Sandbox } from './helpers'

const CIRCLES = 1_234

let sandbox: Sandbox
let client: PlannrClient

beforeAll(async () => {
  sandbox = await startSandbox({ size: { clients: 1_500, circles: CIRCLES } })
  client = await adviserClient(sandbox)
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.faults.queue.length = 0
  sandbox.clearRequests()
})

describe('getAll', () => {
  it('reads every page, 500 at a time, with the same query on each page', async () => {
    const circles = await listCircles(client, { sort: 'name', include: ['accounts'] })
    expect(circles).toHaveLength(CIRCLES)
    expect(new Set(circles.map((c) => c.uuid)).size).toBe(CIRCLES)
    const pages = only(sandbox, 'GET', '/api/v1/circles')
    expect(pages.map((r) => r.query)).toEqual(
      [1, 2, 3].map((page) => ({ sort: 'name', include: 'accounts', per_page: '500', page: String(page) })),
    )
  })

  it('keeps the server’s order across pages', async () => {
    const circles = await listCircles(client, { sort: 'created_at', direction: 'desc' })
    const created = circles.map((c) => c.created_at ?? '')
    expect(created).toEqual([...created].sort().reverse())
  })

  it('stops at an empty page even if the server claims there are more', async () => {
    sandbox.faults.queue.push({
      status: 200,
      body: { data: [], meta: { current_page: 1, last_page: 9, per_page: 500, total: 4500 }, links: {} },
    })
    expect(await client.getAll('/api/v1/circles', z.object({ uuid: z.string() }))).toEqual([])
    expect(sandbox.requests).toHaveLength(1)
  })

  it('follows links.next when a list comes without meta, and stops when there is none', async () => {
    sandbox.faults.queue.push(
      { status: 200, body: { data: [{ uuid: 'a' }], links: { next: 'http://x/?page=2' } } },
      { status: 200, body: { data: [{ uuid: 'b' }], links: { next: null } } },
    )
    const items = await client.getAll('/api/v1/circles', z.object({ uuid: z.string() }))
    expect(items.map((i) => i.uuid)).toEqual(['a', 'b'])
    expect(sandbox.requests.map((r) => r.query.page)).toEqual(['1', '2'])
  })

  it('gives up on a server that never stops sending pages', async () => {
    const endless = await adviserClient(sandbox, { maxPages: 3 })
    for (let page = 1; page <= 4; page++) {
      sandbox.faults.queue.push({
        status: 200,
        body: { data: [{ uuid: `u${page}` }], meta: { current_page: page, last_page: 1_000_000, per_page: 500, total: 5e8 } },
      })
    }
    const error = await endless.getAll('/api/v1/circles', z.object({ uuid: z.string() })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PlannrError)
    expect((error as PlannrError).code).toBe('server')
    expect(sandbox.requests).toHaveLength(3)
  })

  it('a page that fails for a moment is retried and the reading carries on', async () => {
    sandbox.faults.queue.push({ status: 503 })
    const circles = await listCircles(client)
    expect(circles).toHaveLength(CIRCLES)
    const pages = only(sandbox, 'GET', '/api/v1/circles')
    expect(pages.map((r) => [r.query.page, r.status])).toEqual([
      ['1', 503],
      ['1', 200],
      ['2', 200],
      ['3', 200],
    ])
  })
})

describe('pacing', () => {
  it('pauses between pages once X-Ratelimit-Remaining reaches 0, instead of spending a request on a 429', async () => {
    // Three requests a minute: logins, page 1, page 2 — then the allowance is gone.
    const tight = await startSandbox({ size: { clients: 1_500, circles: CIRCLES }, rateLimitPerMinute: 3 })
    try {
      const paced = await adviserClient(tight, { rateLimitWindowMs: 600, maxRetryAfterSeconds: 5 })
      const error = await listCircles(paced).catch((e: unknown) => e)
      // The sandbox's window really is a minute, so page 3 is still refused after our short pause.
      expect((error as PlannrError).code).toBe('rate_limited')
      const pages = only(tight, 'GET', '/api/v1/circles')
      expect(pages.map((r) => [r.query.page, r.status])).toEqual([
        ['1', 200],
        ['2', 200],
        ['3', 429],
      ])
      const gap = Date.parse(pages[2]?.at ?? '') - Date.parse(pages[1]?.at ?? '')
      expect(gap).toBeGreaterThanOrEqual(550)
      expect(paced.rateLimitRemaining).toBe(0)
    } finally {
      await tight.close()
    }
  })
})
