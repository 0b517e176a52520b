import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createClient } from '../../../src/renderer/src/lib/api'
import { ConnectForm, ReferralsState } from '../../../src/renderer/src/lib/state/referrals.svelte'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { unsentAfterDraining } from './outbox-drained'

const PATH = '/api/v1/referral-connections'

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('the referrals view state, over the real core and sandbox', () => {
  let harness: SignedInHarness
  let state: ReferralsState
  let stop: () => void

  beforeEach(async () => {
    harness = await signedInHarness()
    state = new ReferralsState(createClient(harness.bridge))
    stop = state.start()
    await until(() => state.loaded)
  })
  afterEach(async () => {
    stop()
    await harness.close()
  })

  it('loads every connection, then narrows by status and direction', async () => {
    expect(state.loading).toBe(false)
    expect(state.error).toBeNull()
    const all = state.rows.length
    expect(all).toBe(state.counts?.all)
    expect(state.filtered).toBe(false)

    state.setStatus('pending')
    await until(() => state.rows.length === state.counts?.pending)
    expect(state.rows.every((row) => row.status === 'pending')).toBe(true)

    state.setDirection('received')
    await until(() => state.rows.every((row) => row.direction === 'received' && row.status === 'pending'))
    expect(state.rows.length).toBeGreaterThan(0)
    expect(state.rows.length).toBeLessThan(state.counts?.pending ?? 0)
    expect(state.filtered).toBe(true)

    state.clearFilters()
    await until(() => state.rows.length === all)
  })

  it('keeps the rows on screen when a reload fails, reports the error, and recovers on retry', async () => {
    const shown = state.rows
    // Signing in again empties the core's cache, so the next look has to reach Plannr.
    await harness.test.value('session.signOut')
    await harness.test.value('session.signInWithToken', { token: 'plannr-demo-adviser' })
    harness.sandbox.faults.offline = true
    await state.load()
    expect(state.error?.code).toBe('network')
    expect(state.rows).toBe(shown)
    expect(state.loaded).toBe(true)

    harness.sandbox.faults.offline = false
    await state.load()
    expect(state.error).toBeNull()
    expect(state.rows.map((row) => row.uuid)).toEqual(shown.map((row) => row.uuid))
  })

  it('shows the error with nothing loaded when the first load fails', async () => {
    await harness.test.value('session.signOut')
    await harness.test.value('session.signInWithToken', { token: 'plannr-demo-adviser' })
    harness.sandbox.faults.offline = true
    const fresh = new ReferralsState(createClient(harness.bridge))
    await fresh.load()
    harness.sandbox.faults.offline = false
    expect(fresh.loaded).toBe(false)
    expect(fresh.error?.code).toBe('network')
    await fresh.load()
    expect(fresh.loaded).toBe(true)
  })

  it('a well-formed code is sent once; the new pending connection is shown first and highlighted', async () => {
    state.setStatus('denied')
    await until(() => state.rows.every((row) => row.status === 'denied'))
    const form = new ConnectForm(createClient(harness.bridge))
    form.setCode(' mmp1f6k8 ')
    expect(form.code).toBe(' MMP1F6K8 ')
    expect(form.check).toMatchObject({ valid: true, code: 'MMP1F6K8' })
    harness.sandbox.clearRequests()

    const created = await form.submit()
    expect(created).toMatchObject({ status: 'pending', direction: 'sent', otherFirm: 'Marlow Mortgage & Protection' })
    expect(harness.sandbox.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([{ adviser_key: 'MMP1F6K8' }])

    await state.showCreated(created!)
    // The denied filter could not show a pending connection: it is lifted.
    expect(state.status).toBe('all')
    expect(state.rows[0]?.uuid).toBe(created?.uuid)
    expect(state.highlighted?.uuid).toBe(created?.uuid)
    expect(harness.sandbox.requests.filter((r) => r.method === 'GET' && r.path === PATH)).toHaveLength(0)
  })

  it('checks the code before sending, and keeps it with Plannr’s answer when refused', async () => {
    const form = new ConnectForm(createClient(harness.bridge))
    harness.sandbox.clearRequests()
    form.setCode('abc12')
    expect(form.fieldError).toBeNull()
    expect(form.check.hint).toBe('5 of 8 characters')
    expect(await form.submit()).toBeNull()
    expect(form.fieldError).toBe('A referral code is 8 characters: 3 more to go.')
    form.setCode('ABC_1234')
    expect(form.fieldError).toBe('A referral code has only letters and numbers.')
    expect(await form.submit()).toBeNull()
    expect(harness.sandbox.requests.filter((r) => r.method === 'POST')).toHaveLength(0)

    // Plannr's words for an unknown code, said plainly.
    form.setCode('zzzz-9999')
    expect(await form.submit()).toBeNull()
    expect(form.fieldError).toBe('No adviser has that referral code.')
    expect(form.code).toBe('ZZZZ-9999')

    form.setCode('ngw4k7p2')
    expect(await form.submit()).toBeNull()
    expect(form.fieldError).toBe('A connection with this firm already exists.')
    expect(form.code).toBe('NGW4K7P2')
    // Typing again clears Plannr's answer about the old code.
    form.setCode('NGW4K7P')
    expect(form.serverError).toBeNull()

    // Offline, the request is accepted and kept for when Plannr can be reached.
    harness.sandbox.faults.offline = true
    form.setCode('WWM4P7R2')
    const queued = await form.submit()
    harness.sandbox.faults.offline = false
    expect(queued).toMatchObject({ direction: 'sent', status: 'pending', outbox: 'waiting' })
    expect(form.failure).toBeNull()
    expect(form.fieldError).toBeNull()
  })

  it('after a request whose answer was lost, finds it on Plannr rather than sending it twice', async () => {
    const client = createClient(harness.bridge)
    const form = new ConnectForm(client)
    harness.sandbox.faults.queue.push({ status: 502, afterWork: true, method: 'POST' })
    form.setCode('FFP6C3X9')
    expect(await form.submit()).not.toBeNull()
    expect(form.failure).toBeNull()
    expect(await unsentAfterDraining(client)).toBe(0)
    const done = harness.sandbox.requests.filter(
      (r) => r.method === 'POST' && JSON.stringify(r.body).includes('FFP6C3X9') && r.status >= 200 && r.status < 300,
    )
    expect(done).toHaveLength(1)
  })
})
