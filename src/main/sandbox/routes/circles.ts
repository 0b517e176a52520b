/** GET /api/v1/circles and GET /api/v1/circles/{uuid}, with exactly the seed page's parameters. */
import { CIRCLE_INCLUDES, CIRCLE_SORTS } from '../spec'
import { modelNotFound } from '../http-error'
import { circleResource } from '../present'
import { checkFilters, filterList, filterText, paginate, parseIncludes, parseSort, sortItems } from '../query'
import { ok, type Route, type RouteContext } from '../router'

const FILTERS = ['uuid', 'account_uuids', 'group_uuids', 'name'] as const

function listCircles(context: RouteContext) {
  const { world, actor, query } = context
  checkFilters(query, FILTERS)
  const includes = parseIncludes(query, CIRCLE_INCLUDES)
  const sort = parseSort(query, CIRCLE_SORTS, 'name')

  let circles = world.circlesByFirm.get(actor.firmUuid) ?? []
  const uuids = filterList(query, 'uuid')
  if (uuids) {
    const wanted = new Set(uuids)
    circles = circles.filter((c) => wanted.has(c.uuid))
  }
  const accountUuids = filterList(query, 'account_uuids')
  if (accountUuids) {
    // Through the member index rather than a scan of every circle's members.
    const wanted = new Set(accountUuids.flatMap((a) => world.circleUuidsByAccount.get(a) ?? []))
    circles = circles.filter((c) => wanted.has(c.uuid))
  }
  const groupUuids = filterList(query, 'group_uuids')
  if (groupUuids) circles = circles.filter((c) => c.groupUuids.some((g) => groupUuids.includes(g)))
  const name = filterText(query, 'name')?.toLowerCase()
  if (name) circles = circles.filter((c) => c.name.toLowerCase().includes(name))

  const sorted = sortItems(circles, sort, { name: (c) => c.name, created_at: (c) => c.createdAt, updated_at: (c) => c.updatedAt })
  return ok(paginate(sorted, { path: context.url, query }, 15, (c) => circleResource(world, c, includes)))
}

export const circleRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/circles', scope: 'account', handle: listCircles },
  {
    method: 'GET',
    pattern: '/api/v1/circles/:uuid',
    scope: 'account',
    handle: ({ world, actor, params, query }) => {
      const includes = parseIncludes(query, CIRCLE_INCLUDES)
      const circle = world.circles.get(params.uuid ?? '')
      if (!circle || circle.firmUuid !== actor.firmUuid) throw modelNotFound('Circle', params.uuid ?? '')
      return ok(circleResource(world, circle, includes))
    },
  },
]
