import type { CircleDetail, CircleFilterOptions } from '@shared/models/circles'
import type { PersonRef } from '@shared/models/common'
import { accountName, type Account, type Circle } from '@shared/plannr'
import { collator, compareIds } from '../common/text-search'

function personOf(account: Account): PersonRef {
  return { uuid: account.uuid, name: accountName(account), type: account.type ?? null, role: account.role ?? null }
}

function byName<T extends { name: string; uuid: string }>(a: T, b: T): number {
  return collator.compare(a.name, b.name) || compareIds(a.uuid, b.uuid)
}

/** A circle as its detail pane shows it. Members keep Plannr's order (the people first, then a joint account). */
export function toCircleDetail(circle: Circle): CircleDetail {
  const accounts = circle.accounts ?? []
  const jointUuid = circle.joint_account_uuid ?? null
  const joint = jointUuid === null ? undefined : accounts.find((account) => account.uuid === jointUuid)
  return {
    uuid: circle.uuid,
    name: circle.name,
    bgColour: circle.bg_colour ?? null,
    photoUrl: circle.photo_url ?? null,
    createdAt: circle.created_at ?? null,
    updatedAt: circle.updated_at ?? null,
    members: accounts.map((account) => ({ ...personOf(account), email: account.email ?? null })),
    groups: (circle.groups ?? []).map((group) => ({
      uuid: group.uuid,
      name: group.name,
      participantsCount: group.participants_count ?? null,
    })),
    externalReferences: (circle.external_references ?? []).map((ref) => ({
      uuid: ref.uuid,
      reference: ref.reference,
      thirdParty: ref.third_party ?? null,
    })),
    // The name is known only when the joint account is one of the members Plannr sent.
    jointAccount: jointUuid === null ? null : { uuid: jointUuid, name: joint ? accountName(joint) : null },
  }
}

/** Every group seen across the circles, once, with how many circles it holds, sorted by name. */
export function filterOptionsOf(circles: readonly Circle[]): CircleFilterOptions {
  const groups = new Map<string, { uuid: string; name: string; circleCount: number }>()
  for (const circle of circles) {
    for (const group of circle.groups ?? []) {
      const seen = groups.get(group.uuid)
      if (seen) seen.circleCount++
      else groups.set(group.uuid, { uuid: group.uuid, name: group.name, circleCount: 1 })
    }
  }
  return { groups: [...groups.values()].sort(byName) }
}

/** Every member of some circle, once, sorted by name. */
export function membersOf(circles: readonly Circle[]): PersonRef[] {
  const members = new Map<string, PersonRef>()
  for (const circle of circles) {
    for (const account of circle.accounts ?? []) {
      if (!members.has(account.uuid)) members.set(account.uuid, personOf(account))
    }
  }
  return [...members.values()].sort(byName)
}
