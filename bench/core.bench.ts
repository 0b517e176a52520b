import { afterAll, beforeAll, describe, it } from 'vitest'
import { signedInHarness, type SignedInHarness } from '../test/support/core-harness'
import { benchConfig } from './support/config'
import { fromSamples, recordFigure, single } from './support/figures'

/*
 * The core on its own, in Node: the real core signed in to a sandbox of the run's size over HTTP, each
 * call through `dispatch` (input and output parsed by the contract, as over IPC). Measures the first
 * sync of the clients, what the cached lists cost in heap, and the list windows the window asks for.
 */

const config = benchConfig()
const WINDOW = 50
let h: SignedInHarness

const mb = (bytes: number) => bytes / 1024 / 1024
function heapAfterGc(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

interface Page {
  rows: unknown[]
  total: number
  grandTotal: number
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[samples.length >> 1] ?? 0
}

async function time(times: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const started = performance.now()
    await call(i)
    samples.push(performance.now() - started)
  }
  return samples
}

beforeAll(async () => {
  h = await signedInHarness({ sandbox: { size: config.size } })
  h.sandbox.faults = { ...h.sandbox.faults, latencyMs: config.latencyMs }
}, 300_000)

afterAll(async () => {
  await h?.close()
})

describe('core', () => {
  let clients = 0
  let circles = 0

  it('syncs the clients and circles, and holds them', async () => {
    const before = heapAfterGc()
    const started = performance.now()
    await h.test.value<Page>('clients.list', { limit: WINDOW })
    const firstPage = performance.now() - started
    // The first page is shown at once; the rest of the book follows, a few pages at a time.
    await h.test.synced(300_000)
    const synced = performance.now() - started
    await h.test.value<Page>('circles.list', { limit: WINDOW })
    await h.test.synced(300_000)
    clients = (await h.test.value<Page>('clients.list', { limit: WINDOW })).grandTotal
    circles = (await h.test.value<Page>('circles.list', { limit: WINDOW })).grandTotal
    const after = heapAfterGc()
    recordFigure(
      __filename,
      single(
        {
          id: 'core.sync.clients',
          label: `Core: first sync of ${clients.toLocaleString('en-GB')} clients (pages of 500)`,
          unit: 'ms',
          note: `the first page listed after ${Math.round(firstPage)} ms`,
          detail: { firstPageMs: firstPage },
        },
        synced,
      ),
    )
    recordFigure(
      __filename,
      single(
        {
          id: 'core.heap',
          label: `Core heap with ${clients.toLocaleString('en-GB')} clients and ${circles.toLocaleString('en-GB')} circles cached`,
          unit: 'MB',
          note: `+${mb(after - before).toFixed(1)} MB for the cached lists${globalThis.gc ? '' : ' (without --expose-gc: approximate)'}; rss ${mb(process.memoryUsage().rss).toFixed(0)} MB`,
        },
        mb(after),
      ),
    )
  })

  it('answers list windows from its cache', async () => {
    const n = config.trials.queries
    const windowAt = (i: number, total: number) => ((i * 7_919) % Math.max(1, total - WINDOW)) | 0
    const plain = await time(n, (i) => h.test.value('clients.list', { offset: windowAt(i, clients), limit: WINDOW }))
    recordFigure(
      __filename,
      fromSamples({ id: 'core.clients.window', label: `Core: clients.list window of ${WINDOW} over ${clients.toLocaleString('en-GB')}`, unit: 'ms', goal: { stat: 'p95', max: 2 } }, plain),
    )

    // A different search every call, as typing makes (each word letter by letter, so a search may narrow the
    // previous one's matches; the first letter of each word searches every client): no answer is a previous one.
    const needles = ['s', 'sm', 'smi', 'smit', 'smith', 'a', 'an', 'ann', 'p', 'pa', 'pat', 'pate', 'patel', '07700', 'j', 'jo', 'jon']
    // One untimed pass first, as the UI figures type a word first: the first call of each kind compiles.
    await time(needles.length, (i) => h.test.value('clients.list', { search: needles[i], offset: 0, limit: WINDOW }))
    await time(needles.length, (i) => h.test.value('circles.list', { search: needles[i], offset: 0, limit: WINDOW }))
    const searched = await time(n, (i) => h.test.value('clients.list', { search: needles[i % needles.length], offset: 0, limit: WINDOW }))
    recordFigure(
      __filename,
      fromSamples(
        { id: 'core.clients.search', label: `Core: clients.list new search, first window, over ${clients.toLocaleString('en-GB')}`, unit: 'ms', goal: { stat: 'p95', max: 2 } },
        searched,
      ),
    )

    const circleWindows = await time(n, (i) => h.test.value('circles.list', { offset: windowAt(i, circles), limit: WINDOW }))
    recordFigure(
      __filename,
      fromSamples({ id: 'core.circles.window', label: `Core: circles.list window of ${WINDOW} over ${circles.toLocaleString('en-GB')}`, unit: 'ms', goal: { stat: 'p95', max: 2 } }, circleWindows),
    )

    const circleSearches = await time(n, (i) => h.test.value('circles.list', { search: needles[i % needles.length], offset: 0, limit: WINDOW }))
    recordFigure(
      __filename,
      fromSamples(
        { id: 'core.circles.search', label: `Core: circles.list new search, first window, over ${circles.toLocaleString('en-GB')}`, unit: 'ms', goal: { stat: 'p95', max: 2 } },
        circleSearches,
      ),
    )

    // The window's own search index: the whole list once (its first fetch), then what changed (nothing here).
    const whole = await time(5, () => h.test.value('clients.searchIndex', { epoch: null }))
    const position = await h.test.value<{ epoch: string; rev: number }>('clients.searchIndex', { epoch: null })
    const caughtUp = await time(n, () => h.test.value('clients.searchIndex', { epoch: position.epoch, rev: position.rev }))
    recordFigure(
      __filename,
      fromSamples(
        {
          id: 'core.index.clients',
          label: `Core: clients.searchIndex, the whole list of ${clients.toLocaleString('en-GB')} (the window's first fetch)`,
          unit: 'ms',
          note: `${(JSON.stringify(await h.test.value('clients.searchIndex', { epoch: null })).length / 1024 / 1024).toFixed(1)} MB as JSON; once caught up, asking again takes ${median(caughtUp).toFixed(2)} ms (median)`,
        },
        whole,
      ),
    )

    const quick = await time(Math.min(n, 60), (i) => h.test.value('search.quick', { query: needles[i % needles.length] }))
    recordFigure(__filename, fromSamples({ id: 'core.quick', label: 'Core: search.quick (circles, clients, conversations)', unit: 'ms' }, quick))
  })
})
