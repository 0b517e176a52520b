export { Outbox, type OutboxOptions } from './outbox'
export { OutboxTable } from './outbox-table'
export { JobPayload, type Job, type JobError, type JobKind, type JobState, type PayloadOf } from './jobs'
export type { Actor } from './mutation'
