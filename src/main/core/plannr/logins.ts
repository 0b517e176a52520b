import { LoginsResponse } from '@shared/plannr'
import type { PlannrClient } from './client'

/** GET /api/v1/logins — every account the user can act as, and the one they prefer when Plannr says. */
export function listLogins(client: PlannrClient): Promise<LoginsResponse> {
  return client.get('/api/v1/logins', LoginsResponse)
}
