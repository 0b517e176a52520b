import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ReferralRow, ReferralsPage } from '@shared/models/referrals'
import { rawList, type RawReferralConnection } from '../../support/plannr-raw'
import type { Sandbox } from '../../../src/main/sandbox'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'

const PATH = '/api/v1/referral-connections'
const DAY_MS = 86_400_000

/** The firm's connections straight from the sandbox: an oracle independent of the feature. */
function connectionsDirectly(sandbox: Sandbox, accountUuid: string): Promise<RawReferralConnection[]> {
  return rawList<RawReferralConnection>(sandbox, accountUuid, PATH)
}

const listRequests = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'GET' && r.path === PATH)
const postRequests = (sandbox: Sandbox) => sandbox.requests.filter((r) => r.method === 'POST' && r.path === PATH)

describe('referral connections: listed whole, filtered in main (real sandbox)', () => {
  let harness: SignedInHarness
  let oracle: RawReferralConnection[]

  beforeAll(async () => {
    harness = await signedInHarness()
    const status = await harness.test.value<{ state: string; account: { uuid: string } }>('session.status')
    oracle = await connectionsDirectly(harness.sandbox, status.account.uuid)
    harness.sandbox.clearRequests()
  })
  afterAll(() => harness.close())

  it('shows each connection with the firm and adviser on the other side, newest first, with counts', async () => {
    const page = await harness.test.value<ReferralsPage>('referrals.list', {})
    expect(page.rows).toHaveLength(oracle.length)
    expect(oracle.length).toBeGreaterThanOrEqual(8)
    for (const connection of oracle) {
      const row = page.rows.find((r) => r.uuid === connection.uuid)
      const received = connection.direction === 'received'
      const firm = received ? connection.sender_firm : connection.recipient_firm
      const adviser = received ? connection.sender_account : connection.recipient_account
      expect(row, connection.uuid).toEqual({
        uuid: connection.uuid,
        direction: connection.direction,
        status: connection.status,
        otherFirm: firm?.name,
        otherAdviser: adviser ? adviser.name : null,
        createdAt: connection.created_at,
        expiresAt: connection.expires_at,
      })
      // Never our own firm: that is the side the adviser already knows.
      expect(row?.otherFirm).not.toBe('Harbour & Vale Financial Planning')
    }
    const created = page.rows.map((r) => Date.parse(r.createdAt ?? ''))
    expect(created).toEqual([...created].sort((a, b) => b - a))
    const count = (keep: (c: RawReferralConnection) => boolean) => oracle.filter(keep).length
    expect(page.counts).toEqual({
      all: oracle.length,
      sent: count((c) => c.direction === 'sent'),
      received: count((c) => c.direction === 'received'),
      pending: count((c) => c.status === 'pending'),
      accepted: count((c) => c.status === 'accepted'),
      denied: count((c) => c.status === 'denied'),
      expired: count((c) => c.status === 'expired'),
    })
    // The demo firm has at least one of every status in both directions.
    for (const n of Object.values(page.counts)) expect(n).toBeGreaterThan(0)
    expect(page.syncedAt).not.toBeNull()
  })

  it('filters by status and direction without asking Plannr again', async () => {
    await harness.test.value('referrals.list', {})
    const before = listRequests(harness.sandbox).length
    expect(before).toBe(1)

    const pending = await harness.test.value<ReferralsPage>('referrals.list', { status: 'pending' })
    expect(pending.rows.map((r) => r.uuid).sort()).toEqual(oracle.filter((c) => c.status === 'pending').map((c) => c.uuid).sort())

    const received = await harness.test.value<ReferralsPage>('referrals.list', { direction: 'received' })
    expect(received.rows.length).toBe(oracle.filter((c) => c.direction === 'received').length)
    expect(received.rows.every((r) => r.direction === 'received')).toBe(true)

    const sentAccepted = await harness.test.value<ReferralsPage>('referrals.list', { direction: 'sent', status: 'accepted' })
    const expected = oracle.filter((c) => c.direction === 'sent' && c.status === 'accepted')
    expect(sentAccepted.rows.map((r) => r.otherFirm)).toEqual(expected.map((c) => c.recipient_firm?.name))
    expect(sentAccepted.rows.map((r) => r.otherFirm)).toContain('Northgate Wealth Partners')
    // Counts stay those of every connection, whatever the filter.
    expect(sentAccepted.counts).toEqual(pending.counts)

    expect(listRequests(harness.sandbox)).toHaveLength(before)
  })

  it('refuses a filter the contract does not know', async () => {
    const result = await harness.test.call('referrals.list', { status: 'cancelled' })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_input')
  })
})

describe('connecting with an adviser by referral code (seed 000)', () => {
  let harness: SignedInHarness

  beforeEach(async () => {
    harness = await signedInHarness()
    await harness.test.value('referrals.list', {})
    // The first sync's closing referrals.changed is out before a test counts events.
    await harness.test.synced()
    harness.sandbox.clearRequests()
    return () => harness.close()
  })

  it('sends the normalised code and shows the pending connection at once, expiring in 30 days', async () => {
    const eventsBefore = harness.test.transcript.filter((line) => line.includes('"referrals.changed"')).length
    const row = await harness.test.value<ReferralRow>('referrals.connect', { adviserKey: ' mmp1-f6k8 ' })

    const posts = postRequests(harness.sandbox)
    expect(posts).toHaveLength(1)
    expect(posts[0]?.body).toEqual({ adviser_key: 'MMP1F6K8' })
    expect(posts[0]?.status).toBe(200)

    expect(row).toMatchObject({ direction: 'sent', status: 'pending', otherFirm: 'Marlow Mortgage & Protection' })
    expect(row.otherAdviser).toBeTruthy()
    expect(Date.parse(row.expiresAt ?? '') - Date.parse(row.createdAt ?? '')).toBe(30 * DAY_MS)

    const page = await harness.test.value<ReferralsPage>('referrals.list', { status: 'pending', direction: 'sent' })
    expect(page.rows[0]).toEqual(row)
    // Patched into the cache: no refetch was needed to show it.
    expect(listRequests(harness.sandbox)).toHaveLength(0)
    const eventsAfter = harness.test.transcript.filter((line) => line.includes('"referrals.changed"')).length
    expect(eventsAfter).toBe(eventsBefore + 1)
  })

  const refusals = [
    ['an unknown code', 'ZZZZ9999', 'The selected adviser key is invalid.'],
    ['our own firm’s code', 'HVFP7T2S', 'You cannot connect with your own firm.'],
    ['a firm we are already connected with', 'NGW4K7P2', 'A connection with this firm already exists.'],
  ] as const
  for (const [label, code, message] of refusals) {
    it(`shows Plannr's answer at the code field for ${label}`, async () => {
      const before = await harness.test.value<ReferralsPage>('referrals.list', {})
      const result = await harness.test.call('referrals.connect', { adviserKey: code.toLowerCase() })
      expect(result).toEqual({ ok: false, error: { code: 'validation', message, fields: { adviserKey: [message] } } })
      expect(postRequests(harness.sandbox).map((r) => [r.body, r.status])).toEqual([[{ adviser_key: code }, 422]])
      const after = await harness.test.value<ReferralsPage>('referrals.list', {})
      expect(after.rows).toEqual(before.rows)
    })
  }

  it('rejects a malformed code before anything is sent', async () => {
    for (const adviserKey of ['ABC123', 'ABC_1234', 'ABCD12345', '', 'ÄBC12345']) {
      const result = await harness.test.call('referrals.connect', { adviserKey })
      expect(result.ok, adviserKey).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_input')
        expect(result.error.fields?.adviserKey?.[0]).toMatch(/8 letters or numbers/)
      }
    }
    expect(postRequests(harness.sandbox)).toHaveLength(0)
  })

  it('accepts a request offline, shows it pending at once, and sends it once when Plannr can be reached', async () => {
    harness.sandbox.faults.offline = true
    const row = await harness.test.value<ReferralRow>('referrals.connect', { adviserKey: 'WWM4P7R2' })
    expect(row).toMatchObject({ direction: 'sent', status: 'pending', outbox: 'waiting' })
    const page = await harness.test.value<ReferralsPage>('referrals.list', { status: 'pending', direction: 'sent' })
    expect(page.rows.find((candidate) => candidate.uuid === row.uuid)?.outbox).toBe('waiting')
    harness.sandbox.faults.offline = false
    // Another request reaching Plannr tells the app it is back online; the outbox goes at once.
    await harness.test.value('sync.now', {})
    const until = Date.now() + 20_000
    while (!postRequests(harness.sandbox).some((r) => r.status === 200)) {
      if (Date.now() > until) throw new Error('the queued request was never sent')
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    expect(postRequests(harness.sandbox).filter((r) => r.status === 200).map((r) => r.body)).toEqual([{ adviser_key: 'WWM4P7R2' }])
  })
})
