import { describe, expect, it } from 'vitest'
import { toCircleRow } from '../../../src/main/core/features/circles/query'
import type { Circle } from '@shared/plannr'

describe('a circle row', () => {
  it('does not count or name the joint account as another person', () => {
    const person = (uuid: string, first_name: string) => ({ uuid, first_name, last_name: 'Hughes', name: `${first_name} Hughes`, type: 'client', role: 'individual' })
    const circle = {
      uuid: 'c1',
      name: 'Hughes Family',
      joint_account_uuid: 'j1',
      accounts: [person('a1', 'Gareth'), person('a2', 'Charlotte'), { uuid: 'j1', name: 'Gareth & Charlotte Hughes', type: 'client', role: 'joint' }],
    } as unknown as Circle
    const row = toCircleRow(circle)
    expect(row.memberCount).toBe(2)
    expect(row.memberNames).toEqual(['Gareth', 'Charlotte'])
  })
})
