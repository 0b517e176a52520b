import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, type Client } from '../../../src/renderer/src/lib/api'
import { FormState, outcomeText } from '../../../src/renderer/src/lib/form-state.svelte'
import { ClientsState } from '../../../src/renderer/src/lib/state/clients.svelte'
import { ContactDetailForm } from '../../../src/renderer/src/lib/state/contact-details.svelte'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { unsentAfterDraining } from './outbox-drained'

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/*
 * The one form-state every form dialog uses (new conversation, contact detail, connect): one submit at a
 * time, Plannr's 422 messages at the form's fields and the rest as the form's failure, and whether the
 * write reached Plannr or was kept on this computer for later — over the real core and sandbox.
 */
describe('the form state, over the real core and sandbox', () => {
  let harness: SignedInHarness
  let client: Client

  beforeAll(async () => {
    harness = await signedInHarness()
    client = createClient(harness.bridge)
  })
  afterAll(async () => {
    await harness.close()
  })

  const conversationPosts = () => harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/conversation')

  it('puts each of Plannr’s messages at its field, and one for no field of the form in the form’s failure', async () => {
    const form = new FormState({ fields: ['name', 'caseUuid', 'participantUuids'] })
    harness.sandbox.faults.queue.push({
      status: 422,
      method: 'POST',
      body: {
        message: 'The given data was invalid.',
        errors: { name: ['The name may not be greater than 255 characters.'], 'participants.0': ['The selected participants.0 is invalid.'], colour: ['The colour is not allowed.'] },
      },
    })
    const sent = conversationPosts().length
    const row = await form.submit(() => client.api.conversations.create({ name: 'Annual review', participantUuids: ['not-a-person'] }))
    expect(row).toBeNull()
    expect(form.errors).toEqual({ name: 'The name may not be greater than 255 characters.', participantUuids: 'The selected participants.0 is invalid.' })
    expect(form.firstError).toBe('name')
    expect(form.failure).toMatchObject({ code: 'validation', message: 'The colour is not allowed.' })
    expect(form.outcome).toBeNull()
    expect(conversationPosts()).toHaveLength(sent + 1)

    // Changing a field clears its message only.
    form.clear('name')
    expect(form.errors).toEqual({ participantUuids: 'The selected participants.0 is invalid.' })
    expect(form.firstError).toBe('participantUuids')
  })

  it('sends nothing while the form’s own checks find problems, and one request for a double submit', async () => {
    const form = new FormState({ fields: ['name'] })
    const sent = conversationPosts().length
    expect(await form.submit(() => client.api.conversations.create({ name: '' }), { name: 'Give it a title.' })).toBeNull()
    expect(form.errors).toEqual({ name: 'Give it a title.' })
    expect(conversationPosts()).toHaveLength(sent)

    const first = form.submit(() => client.api.conversations.create({ name: `Form state ${Date.now()}` }))
    expect(form.submitting).toBe(true)
    const second = await form.submit(() => client.api.conversations.create({ name: 'Twice' }))
    expect(second).toBeNull()
    const row = await first
    expect(row).not.toBeNull()
    expect(form.submitting).toBe(false)
    expect(form.errors).toEqual({})
    expect(form.outcome).toBe('saved')
    expect(conversationPosts()).toHaveLength(sent + 1)
  })

  it('says when a write was kept on this computer for later rather than saved on Plannr', async () => {
    const clients = new ClientsState(client)
    const stop = clients.start()
    await until(() => clients.rows.loaded)
    const row = clients.rows.at(30)!
    const form = new ContactDetailForm(client)
    form.startAdd(row, 'email')
    form.setDescription('Offline email')
    form.setValue('kept.for.later@example.com')

    harness.sandbox.faults.offline = true
    const kept = await form.submit()
    harness.sandbox.faults.offline = false
    expect(kept).toMatchObject({ display: 'kept.for.later@example.com', outbox: expect.stringMatching(/^(waiting|sending)$/) })
    expect(form.state.outcome).toBe('queued')
    expect(form.failure).toBeNull()
    expect(outcomeText(form.state.outcome, 'Email address added')).toBe(
      'Email address added on this computer: it will be sent to Plannr when it can be reached',
    )
    expect(await unsentAfterDraining(client)).toBe(0)

    form.startAdd(row, 'email')
    expect(form.state.outcome).toBeNull()
    form.setDescription('Online email')
    form.setValue('on.plannr@example.com')
    const saved = await form.submit()
    expect(saved?.outbox).toBeUndefined()
    expect(form.state.outcome).toBe('saved')
    expect(outcomeText(form.state.outcome, 'Email address added')).toBe('Email address added')
    stop()
  })
})
