import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call } from './helpers'

let sandbox: Sandbox
let account: string
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 11 })
  account = await adviserAccount(sandbox)
})
afterAll(() => sandbox.close())

const get = (path: string) => call(sandbox, path, { account })

describe('pagination', () => {
  test('defaults to 15 a page with a Laravel envelope', async () => {
    const { json } = await get('/api/v1/circles')
    expect(json.data).toHaveLength(15)
    expect(json.meta).toMatchObject({ current_page: 1, from: 1, to: 15, last_page: 2, per_page: 15, total: 25 })
    expect(json.meta.path).toBe(`${sandbox.url}/api/v1/circles`)
    expect(json.links.prev).toBeNull()
    expect(json.links.next).toBe(`${sandbox.url}/api/v1/circles?page=2`)
    expect(json.meta.links[0]).toEqual({ url: null, label: '&laquo; Previous', active: false })
  })

  test('per_page and page select a slice; links keep the other parameters', async () => {
    const { json } = await get('/api/v1/circles?per_page=10&page=3&sort=-name')
    expect(json.data).toHaveLength(5)
    expect(json.meta).toMatchObject({ current_page: 3, from: 21, to: 25, last_page: 3, per_page: 10 })
    expect(json.links.next).toBeNull()
    expect(json.links.prev).toBe(`${sandbox.url}/api/v1/circles?per_page=10&sort=-name&page=2`)
  })

  test('following next visits every item once', async () => {
    const seen: string[] = []
    let url: string | null = `${sandbox.url}/api/v1/circles?per_page=7`
    while (url) {
      const { json } = await get(url.slice(sandbox.url.length))
      seen.push(...json.data.map((c: { uuid: string }) => c.uuid))
      url = json.links.next
    }
    expect(seen).toHaveLength(25)
    expect(new Set(seen).size).toBe(25)
  })

  test('a page beyond the last is empty', async () => {
    const { status, json } = await get('/api/v1/circles?page=9')
    expect(status).toBe(200)
    expect(json.data).toEqual([])
    expect(json.meta).toMatchObject({ current_page: 9, from: null, to: null, last_page: 2 })
  })

  test('per_page above 500 or below 1 is a 422', async () => {
    const over = await get('/api/v1/circles?per_page=501')
    expect(over.status).toBe(422)
    expect(over.json).toEqual({
      message: 'The per page field must not be greater than 500.',
      errors: { per_page: ['The per page field must not be greater than 500.'] },
    })
    expect((await get('/api/v1/circles?per_page=0')).status).toBe(422)
    expect((await get('/api/v1/circles?per_page=ten')).status).toBe(422)
    expect((await get('/api/v1/circles?per_page=500')).status).toBe(200)
  })

  test('messages default to 30 a page', async () => {
    const { json } = await get('/api/v1/conversation?filter[archived]=with&include=messages_count&per_page=500')
    const long = json.data.find((c: { messages_count: number }) => c.messages_count > 0)
    const messages = await get(`/api/v1/conversation/${long.uuid}/messages`)
    expect(messages.json.meta.per_page).toBe(30)
  })
})

describe('sorting', () => {
  const names = async (query: string) => (await get(`/api/v1/circles?per_page=500${query}`)).json.data.map((c: { name: string }) => c.name)
  const byName = (a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)

  test('circles sort by name by default, ascending or descending', async () => {
    const ascending = await names('')
    expect(ascending).toEqual([...ascending].sort(byName))
    expect(await names('&sort=name')).toEqual(ascending)
    const descending = await names('&sort=-name')
    expect(descending).toEqual([...ascending].sort(byName).reverse())
  })

  test('by created_at', async () => {
    const { json } = await get('/api/v1/circles?per_page=500&sort=-created_at')
    const times = json.data.map((c: { created_at: string }) => Date.parse(c.created_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('an unknown sort or include is a spatie-style 400', async () => {
    const sort = await get('/api/v1/circles?sort=colour')
    expect(sort.status).toBe(400)
    expect(sort.json).toEqual({ message: 'Requested sort(s) `colour` is not allowed. Allowed sort(s) are `name, created_at, updated_at`' })
    const include = await get('/api/v1/circles?include=accounts,owners')
    expect(include.status).toBe(400)
    expect(include.json.message).toBe('Requested include(s) `owners` are not allowed. Allowed include(s) are `accounts, firm, groups`.')
    const filter = await get('/api/v1/circles?filter[colour]=red')
    expect(filter.status).toBe(400)
  })
})
