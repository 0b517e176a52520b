/** GET /api/v1/me and GET /api/v1/logins: the token alone is enough. */
import { loginResource, meResource } from '../present'
import { ok, type Route } from '../router'

export const meLoginsRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/me',
    scope: 'user',
    handle: ({ world, user, login }) => ok(meResource(world, user, login)),
  },
  {
    method: 'GET',
    pattern: '/api/v1/logins',
    scope: 'user',
    handle: ({ world, user }) => {
      const body: Record<string, unknown> = { data: user.logins.map((login) => loginResource(world, user, login)) }
      // Only integrations enrolled for it get the field at all; the multi-firm user shows its absence.
      if (user.preferredAccountUuid) body.preferred_account_uuid = user.preferredAccountUuid
      return ok(body)
    },
  },
]
