import { randomUUID } from 'node:crypto'
import { openOutboxApp } from './harness'

/*
 * One run of the core's outbox for the crash-safety test, killed with SIGKILL at a moment the test
 * chooses: signs in, enqueues the messages it is given (saying so after each commit), and sends until the
 * outbox is empty. The test reads what it said on stdout and what the sandbox received.
 */

const [url, service, dataDir, conversationUuid, prefix, countText] = process.argv.slice(2) as [string, string, string, string, string, string]
const app = await openOutboxApp({ url }, service, dataDir)
const actor = { accountUuid: app.accountUuid, userUuid: app.session.userKey() ?? '' }
process.stdout.write('READY\n')
for (let n = 0; n < Number(countText); n++) {
  const contents = `${prefix} #${n}`
  app.outbox.enqueue(
    { kind: 'message.send', conversationUuid, tempUuid: randomUUID(), contents, authorUuid: app.accountUuid, createdAt: new Date().toISOString() },
    actor,
  )
  process.stdout.write(`ENQUEUED ${contents}\n`)
}
while (app.outbox.count() > 0) {
  app.outbox.wake()
  await new Promise((resolve) => setTimeout(resolve, 10))
}
await app.close()
process.stdout.write('DRAINED\n')
process.exit(0)
