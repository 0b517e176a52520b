export { Outbox, type OutboxOptions, type Submitted } from './outbox'
export { OutboxTable } from './outbox-table'
export { JobPayload, type Job, type JobError, type JobKind, type JobState, type PayloadOf } from './jobs'
export type { Actor, Delivered } from './mutation'
