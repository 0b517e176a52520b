import { MeResponse, type Me } from '@shared/plannr'
import type { PlannrClient } from './client'

/** GET /api/v1/me — who the token belongs to. Also the cheapest way to check a token works. */
export function getMe(client: PlannrClient): Promise<Me> {
  return client.get('/api/v1/me', MeResponse)
}
