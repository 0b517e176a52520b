import { Account } from '@shared/plannr'
import { storedRecordCodec } from '../../sync/codec'
import { compactClient } from '../../sync/compact'
import type { ResourceSpec } from '../../sync'

/** The firm's client accounts with their primary email and phone: the list, search and quick switcher. */
export const CLIENTS: ResourceSpec<Account> = {
  kind: 'clients',
  label: 'clients',
  path: '/api/v1/account',
  item: Account,
  query: { 'filter[type]': ['client'], include: ['primary_email', 'primary_phone_number'] },
  codec: storedRecordCodec<Account>(),
  compact: compactClient,
}
