import type { Client } from '../../../src/renderer/src/lib/api'

/** How many writes are still unsent once the outbox has emptied, or when `timeoutMs` has passed. */
export async function unsentAfterDraining(client: Client, timeoutMs = 10_000): Promise<number> {
  let unsent = 1
  const deadline = Date.now() + timeoutMs
  while (unsent > 0 && Date.now() < deadline) {
    const outbox = await client.api.outbox.list()
    unsent = outbox.ok ? outbox.value.count : 1
    if (unsent > 0) await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return unsent
}
