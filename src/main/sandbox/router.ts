/** A minimal router: '/api/v1/circles/:uuid' patterns, and the 405-vs-404 distinction Laravel makes. */
import type { AccountRecord, LoginRecord, UserRecord, World } from './data/world'
import type { Query } from './query'

export interface RouteContext {
  world: World
  user: UserRecord
  /** The acting account: the X-PLANNR-ACCOUNT-UUID one, or for user-level routes the login Plannr would pick. */
  actor: AccountRecord
  login: LoginRecord
  params: Record<string, string>
  query: Query
  body: unknown
  /** Absolute URL of this route without the query, for pagination links. */
  url: string
  now: number
  newUuid: () => string
}

export interface Reply {
  status: number
  body: unknown
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  pattern: string
  /** 'user' routes need only the token; 'account' routes also need an employee X-PLANNR-ACCOUNT-UUID. */
  scope: 'user' | 'account'
  handle(context: RouteContext): Reply
}

export const ok = (body: unknown): Reply => ({ status: 200, body })
export const created = (body: unknown): Reply => ({ status: 201, body })

interface Compiled {
  route: Route
  segments: string[]
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' }

export class Router {
  private readonly compiled: Compiled[]

  constructor(routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }))
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split('/').filter(Boolean)
    const allowed: string[] = []
    for (const { route, segments } of this.compiled) {
      const params = matchSegments(segments, parts)
      if (!params) continue
      if (route.method === method) return { kind: 'found', route, params }
      allowed.push(route.method)
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' }
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | null {
  if (segments.length !== parts.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string
    const part = parts[i] as string
    if (segment.startsWith(':')) {
      const value = safeDecode(part)
      if (value === null) return null
      params[segment.slice(1)] = value
    } else if (segment !== part) return null
  }
  return params
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}
