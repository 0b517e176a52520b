import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ClientsPage } from '@shared/models/accounts'
import type { CirclesPage } from '@shared/models/circles'
import type { ConversationsPage } from '@shared/models/conversations'
import type { SyncStatus } from '@shared/models/sync'
import { Account, paginated } from '@shared/plannr'
import { memoryLog } from '../src/main/core/log'
import { AccountStore, LocalStore, MIGRATIONS } from '../src/main/core/store'
import { storedRecordCodec } from '../src/main/core/sync/codec'
import { compareClients, indexClient } from '../src/main/core/features/contacts/client-search'
import { clientRow } from '../src/main/core/features/contacts/views'
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '../src/main/sandbox'
import { startCore, tempDataDir, type TestCore } from '../test/support/core-harness'
import { benchConfig } from './support/config'
import { memoryKeys } from './support/memory-keys'

/*
 * The local store at the size of a large firm — the 'large' sandbox (20,000 clients, 5,000 circles; its
 * generator caps conversations at 200) behind 100 ms of latency — through the real core. Reported as
 * ratios against the goals of the local-first issue.
 */

const LATENCY_MS = 100
/** The firm's size: `large` for the goals, `small` for CI's smoke run (BENCH_SIZE). */
const SIZE = benchConfig().size
const PER_PAGE = 500

const keys = memoryKeys()
const dataDir = tempDataDir()
const service = `plannr-desktop-bench-store-${process.pid}`
let sandbox: Sandbox
const figures: string[] = []

function launch(): TestCore {
  return startCore(sandbox, service, sandbox.url, { dataDir, storeKeys: keys })
}

async function untilSynced(app: TestCore): Promise<number> {
  const started = performance.now()
  await app.synced(600_000)
  return performance.now() - started
}

function requestsTo(path: string): number {
  return sandbox.requests.filter((r) => r.method === 'GET' && r.path === path && r.status === 200).length
}

beforeAll(async () => {
  sandbox = await startSandbox({ size: SIZE })
}, 120_000)

afterAll(async () => {
  console.log(['', `Local store (${SIZE} sandbox, ${LATENCY_MS} ms latency):`, ...figures.map((line) => `  ${line}`)].join('\n'))
  await sandbox?.close()
})

describe('local store at 20,000 clients / 5,000 circles, 100 ms latency', () => {
  it('cold first visit vs full sync; requests vs ⌈N/500⌉; then first row after a restart', async () => {
    const app = launch()
    await app.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    sandbox.faults.latencyMs = LATENCY_MS

    const lists: Array<{ label: string; call: string; path: string; input: unknown }> = [
      { label: 'clients', call: 'clients.list', path: '/api/v1/account', input: { limit: 50 } },
      { label: 'circles', call: 'circles.list', path: '/api/v1/circles', input: { limit: 50 } },
      { label: 'conversations', call: 'conversations.list', path: '/api/v1/conversation', input: { limit: 50 } },
    ]
    const totals = new Map<string, number>()
    for (const list of lists) {
      sandbox.clearRequests()
      const started = performance.now()
      const first = await app.value<ClientsPage | CirclesPage | ConversationsPage>(list.call, list.input)
      const firstRow = performance.now() - started
      expect(first.rows.length).toBeGreaterThan(0)
      const rest = await untilSynced(app)
      const whole = firstRow + rest
      const all = await app.value<{ grandTotal: number }>(list.call, { limit: 1 })
      totals.set(list.label, all.grandTotal)
      const minimum = Math.ceil(all.grandTotal / PER_PAGE)
      const sent = requestsTo(list.path)
      figures.push(
        `${list.label}: first row on a cold visit ${firstRow.toFixed(0)} ms vs full sync ${whole.toFixed(0)} ms = ${(firstRow / whole).toFixed(2)}× (goal ≤ 0.30×; one page lists are 1.00× by nature)`,
        `${list.label}: ${sent} requests for ${all.grandTotal} records vs ⌈N/500⌉ = ${minimum}: ${(sent / minimum).toFixed(2)}× (goal 1.00×)`,
      )
    }
    const kb = (value: unknown) => (JSON.stringify(value).length / 1024).toFixed(1)
    figures.push(
      `filters to the window: circles.filterOptions ${kb(await app.value('circles.filterOptions'))} KB (groups only), ` +
        `circles.members ${kb(await app.value('circles.members', { limit: 50 }))} KB (50 members), ` +
        `circles.pick ${kb(await app.value('circles.pick', { limit: 20 }))} KB (20 circles)`,
    )
    await app.core.close()

    // Restart: a new core over the same folder, with Plannr 100 ms away. Without a keychain the sign-in
    // is not kept, so it is made again first (not timed): the store itself is keyed by account, not run.
    const again = launch()
    const restored = await again.value<{ state: string }>('session.status')
    if (restored.state !== 'signed-in') await again.value('session.signInWithToken', { token: SANDBOX_TOKENS.adviser })
    for (const list of lists) {
      const started = performance.now()
      const page = await again.value<{ rows: unknown[]; grandTotal: number }>(list.call, list.input)
      const firstRow = performance.now() - started
      expect(page.grandTotal).toBe(totals.get(list.label))
      figures.push(`${list.label}: first row after a restart ${firstRow.toFixed(1)} ms = ${(firstRow / LATENCY_MS).toFixed(2)}× latency (goal < 1×)`)
    }
    const status = await again.value<SyncStatus>('sync.status')
    expect(status.storage).toBe('disk')
    await again.core.close()

    // Where a restart's first row goes: opening the file, decrypting and parsing every stored client,
    // and building the in-memory search index (folded names, emails, phone digits; sorted by name).
    const accountUuid = sandbox.requests.find((r) => r.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid'] ?? ''
    const local = new LocalStore({ dataDir, keys, log: memoryLog() })
    let at = performance.now()
    const { store } = await local.open(sandbox.url, accountUuid)
    const opened = performance.now() - at
    at = performance.now()
    const stored = store.repository('clients', storedRecordCodec<Account>())
    const count = stored.size
    const loaded = performance.now() - at
    at = performance.now()
    const index = stored.all().map((account) => indexClient(clientRow(account), null)).sort(compareClients)
    const indexed = performance.now() - at
    expect(index).toHaveLength(count)
    store.close()
    figures.push(
      `restart breakdown for ${count} clients: open ${opened.toFixed(0)} ms, decrypt + parse ${loaded.toFixed(0)} ms, search index ${indexed.toFixed(0)} ms`,
    )

    const files = readdirSync(join(dataDir, 'stores')).map((file) => statSync(join(dataDir, 'stores', file)).size)
    figures.push(`store on disk: ${(files.reduce((a, b) => a + b, 0) / 1024 / 1024).toFixed(1)} MB for ${[...totals.values()].reduce((a, b) => a + b, 0)} records (the database once closed, its WAL folded in)`)
    sandbox.faults.latencyMs = 0
  }, 600_000)

  it('write time per 500-row page (encrypt + upsert in one transaction)', async () => {
    const response = await fetch(`${sandbox.url}/api/v1/account?filter[type]=client&include=primary_email,primary_phone_number&per_page=500`, {
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`,
        'X-PLANNR-ACCOUNT-UUID': sandbox.requests.find((r) => r.headers['x-plannr-account-uuid'])?.headers['x-plannr-account-uuid'] ?? '',
      },
    })
    const body = paginated(Account).parse(await response.json())
    const page = body.data
    // A whole page where the firm is large enough (the smoke run's small firm has fewer clients).
    expect(page).toHaveLength(Math.min(PER_PAGE, body.meta?.total ?? 0))
    const local = new LocalStore({ dataDir: tempDataDir(), keys: memoryKeys(), log: memoryLog() })
    const { store } = await local.open('https://bench.example', 'bench-account')
    const repo = store.repository('clients', storedRecordCodec<Account>())
    const runs: number[] = []
    for (let i = 0; i < 20; i++) {
      const started = performance.now()
      repo.upsertPage(page, i + 1)
      runs.push(performance.now() - started)
    }
    runs.sort((a, b) => a - b)
    figures.push(`write one ${page.length}-row page: median ${runs[10]?.toFixed(1)} ms, slowest ${runs.at(-1)?.toFixed(1)} ms (schema v${MIGRATIONS.length})`)
    expect(store).toBeInstanceOf(AccountStore)
    store.close()
  })
})
