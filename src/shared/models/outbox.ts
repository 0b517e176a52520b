import { z } from 'zod'

/**
 * Where one of the user's own writes stands while it is not yet on Plannr: on its way ("Sending…"), tried
 * and waiting to be tried again ("Waiting for connection"), or refused and waiting for the user.
 */
export const OutboxMark = z.enum(['sending', 'waiting', 'needs-attention'])
export type OutboxMark = z.infer<typeof OutboxMark>
