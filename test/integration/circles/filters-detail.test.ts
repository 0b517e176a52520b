import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { CircleDetail, CircleFilterOptions, CirclesPage } from '@shared/models/circles'
import type { Sandbox } from '../../../src/main/sandbox'
import { rawList, type RawCircle } from '../../support/plannr-raw'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })

/** Asks the sandbox directly, bypassing the app: the independent answer the app's own filtering must equal. */
function plannrCircles(sandbox: Sandbox, accountUuid: string, filters: Record<string, string> = {}): Promise<RawCircle[]> {
  return rawList<RawCircle>(sandbox, accountUuid, '/api/v1/circles', { include: 'accounts,groups', ...filters })
}

const uuids = (items: ReadonlyArray<{ uuid: string }>) => items.map((item) => item.uuid).sort()

describe('circles: member and group filters, detail, filter options (real core, demo sandbox)', () => {
  let harness: SignedInHarness
  let accountUuid: string
  let oracle: RawCircle[]

  beforeAll(async () => {
    harness = await signedInHarness({ sandbox: { size: 'demo' } })
    const status = await harness.test.value<{ account: { uuid: string } }>('session.status')
    accountUuid = status.account.uuid
    oracle = await plannrCircles(harness.sandbox, accountUuid)
  })
  afterAll(async () => {
    await harness.close()
  })
  beforeEach(() => harness.sandbox.clearRequests())

  const list = (input: Record<string, unknown>) => harness.test.value<CirclesPage>('circles.list', { limit: 500, ...input })
  const requestsTo = (path: string) => harness.sandbox.requests.filter((r) => r.method === 'GET' && r.path === path)

  it('filters by member account exactly as Plannr’s filter[account_uuids] does', async () => {
    // A member of more than one circle makes the filter meaningful.
    const counts = new Map<string, number>()
    for (const circle of oracle) for (const a of circle.accounts ?? []) counts.set(a.uuid, (counts.get(a.uuid) ?? 0) + 1)
    const member = [...counts.entries()].find(([, n]) => n >= 1)?.[0] ?? ''
    const expected = await plannrCircles(harness.sandbox, accountUuid, { 'filter[account_uuids]': member })
    expect(expected.length).toBeGreaterThan(0)

    const page = await list({ accountUuid: member })
    expect(uuids(page.rows)).toEqual(uuids(expected))
    expect(page.total).toBe(expected.length)
    expect(page.grandTotal).toBe(oracle.length)
  })

  it('filters by group, sorts within it both ways, and combines with member and search', async () => {
    const groupCounts = new Map<string, number>()
    for (const circle of oracle) for (const g of circle.groups ?? []) groupCounts.set(g.uuid, (groupCounts.get(g.uuid) ?? 0) + 1)
    const [group] = [...groupCounts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
    const expected = await plannrCircles(harness.sandbox, accountUuid, { 'filter[group_uuids]': group })
    expect(expected.length).toBeGreaterThan(1)
    expect(expected.length).toBeLessThan(oracle.length)
    harness.sandbox.clearRequests()

    const asc = await list({ groupUuid: group })
    expect(asc.rows.map((r) => r.name)).toEqual(expected.map((c) => c.name).sort(collator.compare))
    const desc = await list({ groupUuid: group, direction: 'desc' })
    expect(desc.rows.map((r) => r.name)).toEqual(asc.rows.map((r) => r.name).reverse())

    const newest = await list({ groupUuid: group, sort: 'updated_at', direction: 'desc' })
    const times = newest.rows.map((r) => Date.parse(r.updatedAt ?? ''))
    expect(times).toEqual([...times].sort((a, b) => b - a))

    // Member + group + search together: a circle in the group, found by one of its members' surnames.
    const circle = expected.find((c) => (c.accounts ?? []).length > 0) ?? expected[0]
    const member = circle?.accounts?.[0]
    const both = await list({ groupUuid: group, accountUuid: member?.uuid, search: member?.last_name ?? '' })
    expect(both.rows.map((r) => r.uuid)).toContain(circle?.uuid)
    const other = oracle.find((c) => !(c.groups ?? []).some((g) => g.uuid === group))
    const none = await list({ groupUuid: group, accountUuid: other?.accounts?.[0]?.uuid })
    expect(none.total).toBe(0)
    // All of this from the one cached list: no further requests to Plannr.
    expect(requestsTo('/api/v1/circles')).toEqual([])
  })

  it('offers every group (with its circle count) and every member once, by name', async () => {
    const options = await harness.test.value<CircleFilterOptions>('circles.filterOptions')
    const groups = new Map<string, number>()
    for (const circle of oracle) for (const g of circle.groups ?? []) groups.set(g.uuid, (groups.get(g.uuid) ?? 0) + 1)
    expect(new Map(options.groups.map((g) => [g.uuid, g.circleCount]))).toEqual(groups)
    expect(options.groups.map((g) => g.name)).toEqual(options.groups.map((g) => g.name).sort(collator.compare))

    const members = new Set(oracle.flatMap((c) => (c.accounts ?? []).map((a) => a.uuid)))
    expect(options.members).toHaveLength(members.size)
    expect(new Set(options.members.map((m) => m.uuid))).toEqual(members)
    const names = options.members.map((m) => m.name)
    expect(names).toEqual([...names].sort(collator.compare))
    expect(options.members.every((m) => m.type === 'client')).toBe(true)
  })

  it('maps a circle’s detail from the cached list without asking Plannr again', async () => {
    await list({})
    harness.sandbox.clearRequests()
    const source = oracle.find((c) => c.joint_account_uuid && (c.external_references ?? []).length > 0 && (c.groups ?? []).length > 0)
    expect(source, 'the demo book has a joint-account circle with groups and a Nucleus reference').toBeDefined()
    if (!source) return
    const detail = await harness.test.value<CircleDetail>('circles.get', { uuid: source.uuid })
    expect(harness.sandbox.requests).toEqual([])

    const joint = (source.accounts ?? []).find((a) => a.uuid === source.joint_account_uuid)
    expect(detail).toEqual({
      uuid: source.uuid,
      name: source.name,
      bgColour: source.bg_colour,
      photoUrl: source.photo_url,
      createdAt: source.created_at,
      updatedAt: source.updated_at,
      members: (source.accounts ?? []).map((a) => ({ uuid: a.uuid, name: a.name, type: a.type, role: a.role, email: a.email ?? null })),
      groups: (source.groups ?? []).map((g) => ({ uuid: g.uuid, name: g.name, participantsCount: g.participants_count })),
      externalReferences: (source.external_references ?? []).map((r) => ({ uuid: r.uuid, reference: r.reference, thirdParty: 'nucleus' })),
      jointAccount: { uuid: source.joint_account_uuid, name: joint ? joint.name : 'missing' },
    })
    expect(detail.members.some((m) => m.role === 'joint')).toBe(true)
  })

  it('asks Plannr for a circle it has not listed yet, with accounts, groups and firm; unknown ids are not_found', async () => {
    const fresh = await signedInHarness({ sandbox: { size: 'demo' } })
    try {
      const source = oracle.find((c) => !c.joint_account_uuid && (c.external_references ?? []).length > 0) ?? oracle[0]
      fresh.sandbox.clearRequests()
      const detail = await fresh.test.value<CircleDetail>('circles.get', { uuid: source?.uuid })
      const [request, ...others] = fresh.sandbox.requests
      expect(others).toEqual([])
      expect(request?.path).toBe(`/api/v1/circles/${source?.uuid}`)
      expect(request?.query['include']?.split(',').sort()).toEqual(['accounts', 'firm', 'groups'])
      expect(request?.headers['x-plannr-account-uuid']).toBe(accountUuid)
      expect(detail.name).toBe(source?.name)
      expect(detail.jointAccount).toBeNull()
      expect(detail.externalReferences.map((r) => r.reference)).toEqual((source?.external_references ?? []).map((r) => r.reference))
      expect(uuids(detail.members)).toEqual(uuids(source?.accounts ?? []))

      const missing = await fresh.test.call('circles.get', { uuid: '00000000-0000-4000-8000-000000000000' })
      expect(!missing.ok && missing.error.code).toBe('not_found')
      const bad = await fresh.test.call('circles.get', { uuid: '../me' })
      expect(!bad.ok && bad.error.code).toBe('invalid_input')
    } finally {
      await fresh.close()
    }
  })
})
