import { z } from 'zod'
import { ExternalReference, PlannrId, Timestamp, optionalText, relation, relationList } from './common'
import { Account } from './account'
import { Firm } from './firm'

export const Group = z.looseObject({
  uuid: PlannrId,
  name: z.string(),
  slug: optionalText,
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  // The docs give a string ("3"); accept either.
  participants_count: z.union([z.number(), z.string()]).transform(Number).nullish(),
})
export type Group = z.infer<typeof Group>

/** A circle: a household or other grouping of client accounts. */
export const Circle = z.looseObject({
  uuid: PlannrId,
  name: z.string(),
  created_at: Timestamp.nullish(),
  updated_at: Timestamp.nullish(),
  bg_colour: optionalText,
  photo_url: optionalText,
  joint_account_uuid: PlannrId.nullish(),
  login_access_level: optionalText,
  accounts: relationList(Account),
  groups: relationList(Group),
  firm: relation(Firm),
  external_references: relationList(ExternalReference),
})
export type Circle = z.infer<typeof Circle>

export const CIRCLE_INCLUDES = ['accounts', 'firm', 'groups'] as const
export const CIRCLE_SORTS = ['name', 'created_at', 'updated_at'] as const
