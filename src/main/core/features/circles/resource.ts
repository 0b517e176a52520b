import { Circle } from '@shared/plannr'
import { storedRecordCodec } from '../../sync/codec'
import { compactCircle } from '../../sync/compact'
import type { ResourceSpec } from '../../sync'

/** The firm's circles with members and groups: what the list, filters, detail and pickers need. */
export const CIRCLES: ResourceSpec<Circle> = {
  kind: 'circles',
  label: 'circles',
  path: '/api/v1/circles',
  item: Circle,
  query: { include: ['accounts', 'groups'] },
  codec: storedRecordCodec<Circle>(),
  compact: compactCircle,
}
