import { Circle, type CIRCLE_INCLUDES, type CIRCLE_SORTS } from '@shared/plannr'
import type { PlannrClient } from './client'
import { resource } from './envelope'
import { segment, sortParam, type SortDirection } from './query'

export type CircleInclude = (typeof CIRCLE_INCLUDES)[number]
export type CircleSort = (typeof CIRCLE_SORTS)[number]

export interface CircleListParams {
  uuids?: readonly string[]
  accountUuids?: readonly string[]
  groupUuids?: readonly string[]
  /** Circle name filter. */
  name?: string
  include?: readonly CircleInclude[]
  sort?: CircleSort
  direction?: SortDirection
}

/** GET /api/v1/circles — every matching circle, all pages. */
export function listCircles(client: PlannrClient, params: CircleListParams = {}): Promise<Circle[]> {
  return client.getAll('/api/v1/circles', Circle, {
    'filter[uuid]': params.uuids,
    'filter[account_uuids]': params.accountUuids,
    'filter[group_uuids]': params.groupUuids,
    'filter[name]': params.name,
    include: params.include,
    sort: sortParam(params.sort, params.direction),
  })
}

/** GET /api/v1/circles/{uuid} */
export function getCircle(client: PlannrClient, uuid: string, include?: readonly CircleInclude[]): Promise<Circle> {
  return client.get(`/api/v1/circles/${segment(uuid)}`, resource(Circle), { include })
}
