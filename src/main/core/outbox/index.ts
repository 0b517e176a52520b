export { Outbox, type OutboxOptions, type Submitted } from './outbox'
export { OutboxTable } from './outbox-table'
export { JobPayload, type Job, type JobError, type JobKind, type JobState, type PayloadOf } from './jobs'
export { createdSince, type Actor, type Delivered } from './mutation'
