import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaseOption } from '@shared/models/conversations'
import { signedInHarness, type SignedInHarness } from '../../support/core-harness'
import { direct, signedInAccount } from './helpers'

/*
 * The new-conversation form offers the cases the app already knows, for the chosen participants'
 * circles, instead of asking for a raw case id. The oracle reads Plannr's raw JSON (the sandbox's),
 * none of the client's schemas.
 */

interface RawConversation {
  uuid: string
  participants?: Array<{ uuid: string }>
  case?: { uuid: string; name: string | null } | null
}
interface RawCircle {
  uuid: string
  accounts?: Array<{ uuid: string }>
}

describe('conversations.cases: the cases to offer when starting a conversation', () => {
  let h: SignedInHarness
  let conversations: RawConversation[]
  let circles: RawCircle[]

  beforeAll(async () => {
    h = await signedInHarness()
    const account = await signedInAccount(h.test)
    const page = (await direct(h.sandbox, account, '/api/v1/conversation?per_page=500&include=participants,case')) as { data: RawConversation[] }
    conversations = page.data
    circles = ((await direct(h.sandbox, account, '/api/v1/circles?per_page=500&include=accounts')) as { data: RawCircle[] }).data
  })
  afterAll(() => h.close())

  const casesOf = (list: RawConversation[]) => new Set(list.flatMap((c) => (c.case ? [c.case.uuid] : [])))

  it('with nobody chosen, offers every case seen on the firm’s conversations, each once, by name', async () => {
    const offered = await h.test.value<CaseOption[]>('conversations.cases', {})
    expect(new Set(offered.map((c) => c.uuid))).toEqual(casesOf(conversations))
    expect(offered.length).toBe(new Set(offered.map((c) => c.uuid)).size)
    const names = offered.map((c) => c.name ?? '')
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })))
    expect(offered.length).toBeGreaterThan(0)
  })

  it('with a client chosen, offers the cases of conversations with anyone in that client’s circles', async () => {
    const withCase = conversations.find((c) => c.case && c.participants?.length)!
    const person = withCase.participants!.find((p) => circles.some((circle) => circle.accounts?.some((a) => a.uuid === p.uuid)))
    const chosen = person?.uuid ?? withCase.participants![0]!.uuid
    const people = new Set([chosen])
    for (const circle of circles) {
      const members = (circle.accounts ?? []).map((a) => a.uuid)
      if (members.includes(chosen)) for (const uuid of members) people.add(uuid)
    }
    const expected = casesOf(conversations.filter((c) => (c.participants ?? []).some((p) => people.has(p.uuid))))
    const offered = await h.test.value<CaseOption[]>('conversations.cases', { participantUuids: [chosen] })
    expect(new Set(offered.map((c) => c.uuid))).toEqual(expected)
    expect(offered.map((c) => c.uuid)).toContain(withCase.case!.uuid)
  })

  it('offers nothing for someone in no conversation with a case', async () => {
    const offered = await h.test.value<CaseOption[]>('conversations.cases', { participantUuids: ['00000000-0000-4000-8000-000000000000'] })
    expect(offered).toEqual([])
  })
})
