import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConversationRow, ConversationsPage } from '@shared/models/conversations'
import type { QuickSearchResult } from '@shared/models/quick-search'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { requestsTo, signedInAccount } from './helpers'

function events(h: SignedInHarness, name: string): unknown[] {
  return h.test.transcript
    .map((line) => JSON.parse(line) as { name?: string; payload?: unknown })
    .filter((entry) => entry.name === name)
    .map((entry) => entry.payload)
}

describe('conversations: pin, create and validation against the sandbox', () => {
  let h: SignedInHarness
  let firstList: ConversationsPage

  beforeAll(async () => {
    h = await signedInHarness()
    await signedInAccount(h.test)
    firstList = await h.test.value<ConversationsPage>('conversations.list', {})
  })
  afterAll(() => h.close())
  beforeEach(() => h.sandbox.clearRequests())

  it('pins and unpins: POST …/pin {pin}, the list reorders at once without fetching again, windows are told', async () => {
    const target = firstList.rows.filter((r) => !r.pinned).at(-1)!
    const before = events(h, 'conversations.changed').length
    const pinned = await h.test.value<ConversationRow>('conversations.pin', { uuid: target.uuid, pin: true })
    expect(pinned).toMatchObject({ uuid: target.uuid, pinned: true, name: target.name })
    const posts = requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${target.uuid}/pin`)
    expect(posts.map((r) => r.body)).toEqual([{ pin: true }])
    await Promise.resolve()
    expect(events(h, 'conversations.changed').length).toBeGreaterThan(before)

    const after = await h.test.value<ConversationsPage>('conversations.list', {})
    const pinnedRows = after.rows.filter((r) => r.pinned)
    expect(pinnedRows.map((r) => r.uuid)).toContain(target.uuid)
    expect(after.rows.findIndex((r) => r.uuid === target.uuid)).toBeLessThan(pinnedRows.length)
    expect(requestsTo(h.sandbox, 'GET', '/api/v1/conversation')).toHaveLength(0)

    const unpinned = await h.test.value<ConversationRow>('conversations.pin', { uuid: target.uuid, pin: false })
    expect(unpinned.pinned).toBe(false)
    expect(requestsTo(h.sandbox, 'POST', `/api/v1/conversation/${target.uuid}/pin`).map((r) => r.body)).toEqual([{ pin: true }, { pin: false }])
    const again = await h.test.value<ConversationsPage>('conversations.list', {})
    expect(again.rows.find((r) => r.uuid === target.uuid)?.pinned).toBe(false)
  })

  it('creates with a body of exactly {name} when nothing else is given, and lists it at once', async () => {
    const row = await h.test.value<ConversationRow>('conversations.create', { name: '  Pension consolidation  ' })
    const posts = requestsTo(h.sandbox, 'POST', '/api/v1/conversation')
    expect(posts.map((r) => r.body)).toEqual([{ name: 'Pension consolidation' }])
    expect(row).toMatchObject({ name: 'Pension consolidation', pinned: false, case: null })
    const list = await h.test.value<ConversationsPage>('conversations.list', { search: 'pension consolidation' })
    expect(list.rows.map((r) => r.uuid)).toContain(row.uuid)
    expect(requestsTo(h.sandbox, 'GET', '/api/v1/conversation')).toHaveLength(0)
  })

  it('creates with case and participants in the seed page’s shape', async () => {
    const withCase = firstList.rows.find((r) => r.case !== null)!
    const people = await h.test.value<{ participants: Array<{ uuid: string; type: string | null }> }>('conversations.get', {
      uuid: withCase.uuid,
    })
    const participantUuids = people.participants.filter((p) => p.type === 'client').map((p) => p.uuid)
    expect(participantUuids.length).toBeGreaterThan(0)
    const row = await h.test.value<ConversationRow>('conversations.create', {
      name: 'Annual Review',
      caseUuid: withCase.case!.uuid,
      participantUuids,
    })
    const [post] = requestsTo(h.sandbox, 'POST', '/api/v1/conversation')
    expect(post!.body).toEqual({ name: 'Annual Review', case: withCase.case!.uuid, participants: participantUuids })
    expect(Object.keys(post!.body as object)).toEqual(['name', 'case', 'participants'])
    expect(row.case?.uuid).toBe(withCase.case!.uuid)
    expect(row.participantsCount).toBe(participantUuids.length + 1)
  })

  it('maps a 422 to the contract’s field names: case → caseUuid, participants.N → participantUuids', async () => {
    const badCase = await h.test.call('conversations.create', { name: 'Review', caseUuid: 'no-such-case' })
    expect(badCase.ok).toBe(false)
    if (badCase.ok) return
    expect(badCase.error.code).toBe('validation')
    expect(Object.keys(badCase.error.fields ?? {})).toEqual(['caseUuid'])
    expect(badCase.error.fields?.caseUuid?.[0]).toMatch(/case/i)

    const badPeople = await h.test.call('conversations.create', { name: 'Review', participantUuids: ['not-an-account', 'nor-this'] })
    if (badPeople.ok) throw new Error('expected a 422')
    expect(badPeople.error.code).toBe('validation')
    expect(Object.keys(badPeople.error.fields ?? {})).toEqual(['participantUuids'])
    expect(requestsTo(h.sandbox, 'POST', '/api/v1/conversation').map((r) => r.status)).toEqual([422, 422])
  })

  it('refuses an empty title before anything is sent, at the name field', async () => {
    const result = await h.test.call('conversations.create', { name: '   ' })
    if (result.ok) throw new Error('expected a refusal')
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.fields?.name).toEqual(['Give the conversation a title'])
    expect(requestsTo(h.sandbox, 'POST', '/api/v1/conversation')).toHaveLength(0)
  })

  it('offers conversations to the quick switcher by name', async () => {
    const name = firstList.rows[0]!.name
    const hits = await h.test.value<QuickSearchResult[]>('search.quick', { query: name })
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'conversation', uuid: firstList.rows[0]!.uuid, title: name }))
  })
})
