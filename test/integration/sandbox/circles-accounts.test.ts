import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, all, call } from './helpers'

interface CircleJson {
  uuid: string
  name: string
  accounts?: Array<{ uuid: string; type: string }>
  groups?: Array<{ uuid: string; name: string; participants_count: number }>
  firm?: { name: string }
  external_references: Array<{ third_party: string; reference: string }>
  joint_account_uuid: string | null
}

let sandbox: Sandbox
let account: string
let circles: CircleJson[]
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 5 })
  account = await adviserAccount(sandbox)
  circles = (await all(sandbox, '/api/v1/circles?include=accounts,groups,firm', account)) as CircleJson[]
})
afterAll(() => sandbox.close())

const get = (path: string) => call(sandbox, path, { account })

describe('circles', () => {
  test('look like UK households with 1–5 clients', () => {
    expect(circles).toHaveLength(25)
    for (const circle of circles) {
      expect(circle.name).toMatch(/Family|Household|&|Ltd|LLP|Trust|Surgery|Practice/)
      expect(circle.accounts?.length).toBeGreaterThanOrEqual(1)
      expect(circle.accounts?.length).toBeLessThanOrEqual(5)
      expect(circle.accounts?.every((a) => a.type === 'client')).toBe(true)
      expect(circle.firm?.name).toBe('Harbour & Vale Financial Planning')
    }
    expect(circles.some((c) => c.external_references.some((r) => r.third_party === 'nucleus' && /^NU\d{6}$/.test(r.reference)))).toBe(true)
  })

  test('relations appear only when included', async () => {
    const { json } = await get('/api/v1/circles')
    expect(json.data[0]).not.toHaveProperty('accounts')
    expect(json.data[0]).not.toHaveProperty('groups')
    expect(json.data[0]).not.toHaveProperty('firm')
    expect(json.data[0]).toHaveProperty('external_references')
    const withGroups = await get('/api/v1/circles?include=groups')
    expect(withGroups.json.data[0]).toHaveProperty('groups')
    expect(withGroups.json.data[0]).not.toHaveProperty('accounts')
  })

  test('filter by name (partial, any case)', async () => {
    const target = circles[3] as CircleJson
    const fragment = target.name.slice(0, 4).toUpperCase()
    const { json } = await get(`/api/v1/circles?per_page=500&filter[name]=${encodeURIComponent(fragment)}`)
    expect(json.data.length).toBeGreaterThan(0)
    expect(json.data.every((c: CircleJson) => c.name.toUpperCase().includes(fragment))).toBe(true)
    expect(json.data.map((c: CircleJson) => c.uuid)).toContain(target.uuid)
  })

  test('filter by uuid, account and group', async () => {
    const [a, b] = circles as [CircleJson, CircleJson]
    const byUuid = await get(`/api/v1/circles?filter[uuid]=${a.uuid},${b.uuid}`)
    expect(byUuid.json.data.map((c: CircleJson) => c.uuid).sort()).toEqual([a.uuid, b.uuid].sort())

    const member = a.accounts?.[0]?.uuid as string
    const byAccount = await get(`/api/v1/circles?filter[account_uuids]=${member}`)
    expect(byAccount.json.data.map((c: CircleJson) => c.uuid)).toEqual([a.uuid])

    const grouped = circles.find((c) => (c.groups?.length ?? 0) > 0) as CircleJson
    const group = grouped.groups?.[0] as { uuid: string; participants_count: number }
    const byGroup = await get(`/api/v1/circles?per_page=500&filter[group_uuids]=${group.uuid}&include=groups`)
    const expected = circles.filter((c) => c.groups?.some((g) => g.uuid === group.uuid)).map((c) => c.uuid)
    expect(byGroup.json.data.map((c: CircleJson) => c.uuid).sort()).toEqual(expected.sort())
    expect(group.participants_count).toBeGreaterThan(0)
  })

  test('some circles come from a joint account', () => {
    const joint = circles.filter((c) => c.joint_account_uuid)
    for (const circle of joint) expect(circle.accounts?.map((a) => a.uuid)).toContain(circle.joint_account_uuid)
  })
})

describe('accounts', () => {
  test('search by name is partial and case-insensitive across first, last and entity names', async () => {
    const { json } = await get('/api/v1/account?per_page=500&filter[type]=client')
    const someone = json.data.find((a: { role: string }) => a.role === 'individual')
    const fragment = someone.last_name.slice(0, 3).toLowerCase()
    const found = await get(`/api/v1/account?per_page=500&filter[name]=${encodeURIComponent(fragment)}`)
    expect(found.json.data.map((a: { uuid: string }) => a.uuid)).toContain(someone.uuid)
    for (const a of found.json.data) expect(`${a.first_name} ${a.last_name} ${a.entity_name}`.toLowerCase()).toContain(fragment)

    const sophie = await get('/api/v1/account?filter[name]=SOPHIE TUR')
    expect(sophie.json.data.map((a: { name: string }) => a.name)).toEqual(['Sophie Turner'])
  })

  test('filter by type and role', async () => {
    const staff = await get('/api/v1/account?per_page=500&filter[type]=employee')
    expect(staff.json.data.length).toBe(10)
    expect(staff.json.data.every((a: { type: string }) => a.type === 'employee')).toBe(true)
    const owners = await get('/api/v1/account?filter[role]=owner')
    expect(owners.json.data.map((a: { name: string }) => a.name)).toEqual(['Marcus Bell'])
    const both = await get('/api/v1/account?per_page=500&filter[type]=employee,client')
    expect(both.json.meta.total).toBeGreaterThan(60)
  })

  test('filter by primary phone ignores spacing; by primary email is partial', async () => {
    const { json } = await get('/api/v1/account?per_page=500&filter[type]=client&include=primary_phone_number,primary_email')
    const withPhone = json.data.find((a: { primary_phone_number: unknown }) => a.primary_phone_number)
    const formatted: string = withPhone.primary_phone_number.phone_number_meta.formatted
    const spaced = formatted.replace(/\s/g, '').replace(/(\d{3})/g, '$1 ')
    const byPhone = await get(`/api/v1/account?per_page=500&filter[primary_phone_number]=${encodeURIComponent(spaced.trim())}`)
    expect(byPhone.json.data.map((a: { uuid: string }) => a.uuid)).toContain(withPhone.uuid)

    const email: string = withPhone.primary_email.value
    const byEmail = await get(`/api/v1/account?filter[primary_email]=${encodeURIComponent(email.split('@')[0] as string)}`)
    expect(byEmail.json.data.map((a: { uuid: string }) => a.uuid)).toContain(withPhone.uuid)
  })

  test('sorts by first name by default, and by last name descending', async () => {
    const first = await get('/api/v1/account?per_page=500&filter[role]=individual')
    const names = first.json.data.map((a: { first_name: string }) => a.first_name.toLowerCase())
    expect(names).toEqual([...names].sort())
    const last = await get('/api/v1/account?per_page=500&filter[role]=individual&sort=-last_name')
    const surnames = last.json.data.map((a: { last_name: string }) => a.last_name.toLowerCase())
    expect(surnames).toEqual([...surnames].sort().reverse())
  })
})
