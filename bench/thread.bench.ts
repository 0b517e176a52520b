import { afterAll, beforeAll, it } from 'vitest'
import { benchConfig } from './support/config'
import { fromSamples, recordFigure, single } from './support/figures'
import { openBenchApp, type BenchApp } from './support/app'

/*
 * A long conversation: the sandbox's "Ongoing planning notes" (400 messages, 14 pages). Every page is
 * loaded by scrolling up to the top again and again; then the thread is scrolled from its first message
 * to its newest at a brisk, steady pace, one step per frame: the time between frames, the long tasks
 * (> 50 ms) meanwhile, and how many DOM nodes the thread holds — with 30 messages loaded and with 400.
 */

const config = benchConfig()
const THREAD = 'Ongoing planning notes'
const SCROLLER = '.thread div:has(> ol[aria-label="Messages"])'
let app: BenchApp

beforeAll(async () => {
  app = await openBenchApp(config, 'thread')
}, 300_000)

afterAll(async () => {
  await app?.close()
})

/** Messages loaded (each row says how many) and DOM nodes inside the thread's scroller. */
function threadState() {
  return app.page.evaluate((selector) => {
    const scroller = document.querySelector(selector)
    const row = scroller?.querySelector('ol > li')
    return { loaded: Number(row?.getAttribute('aria-setsize') ?? 0), nodes: scroller?.getElementsByTagName('*').length ?? 0 }
  }, SCROLLER)
}

it('scrolls a 400-message thread', async () => {
  const { page } = app
  await page.keyboard.press('ControlOrMeta+1')
  await page.getByRole('searchbox', { name: 'Search conversations' }).fill('ongoing planning', { timeout: 120_000 })
  await page.getByRole('list', { name: 'Conversations' }).getByRole('button', { name: new RegExp(THREAD) }).first().click({ timeout: 120_000 })
  await page.locator(`${SCROLLER} > ol > li`).first().waitFor({ timeout: 60_000 })
  const first = await threadState()

  // Up to the top until every page is in.
  const deadline = Date.now() + 120_000
  let state = first
  while (Date.now() < deadline) {
    await page.locator(SCROLLER).evaluate((element) => element.scrollTo({ top: 0 }))
    const settled = await page.waitForFunction(
      ([selector, before]) => {
        const scroller = document.querySelector(selector)
        const loaded = Number(scroller?.querySelector('ol > li')?.getAttribute('aria-setsize') ?? 0)
        // "Load earlier messages", or "Loading earlier messages…" while a page is on its way.
        const more = [...(scroller?.querySelectorAll('button') ?? [])].some((button) => /earlier messages/i.test(button.textContent ?? ''))
        return loaded > before || !more ? loaded : false
      },
      [SCROLLER, state.loaded] as const,
      { timeout: 30_000 },
    )
    const loaded = Number(await settled.jsonValue())
    if (loaded === state.loaded) break
    state = await threadState()
  }
  await page.locator(SCROLLER).evaluate((element) => element.scrollTo({ top: 0 }))

  const { seconds, pxPerSecond } = config.scroll
  const outcome = await page.evaluate(([selector, s, px]) => window.__bench.scroll(selector, s, px), [SCROLLER, seconds, pxPerSecond] as const)
  if ('error' in outcome) throw new Error(outcome.error)
  const all = await threadState()
  const messages = all.loaded

  recordFigure(
    __filename,
    fromSamples(
      {
        id: 'scroll.thread',
        label: `Scroll a thread (${messages} messages): frame interval`,
        unit: 'ms',
        goal: { stat: 'p95', max: 17.5 },
        note: `${pxPerSecond.toLocaleString('en-GB')} px/s for ${seconds} s (${Math.round(outcome.scrolledPx).toLocaleString('en-GB')} px); at most ${outcome.maxNodes.toLocaleString('en-GB')} DOM nodes in the thread`,
        detail: { maxNodes: outcome.maxNodes, scrolledPx: outcome.scrolledPx },
      },
      outcome.intervals,
    ),
  )
  recordFigure(
    __filename,
    single(
      { id: 'scroll.thread.longtasks', label: 'Scroll a thread: long tasks (> 50 ms)', unit: 'count', goal: { stat: 'median', max: 0 }, detail: { longTasks: outcome.longTasks } },
      outcome.longTasks.length,
    ),
  )
  recordFigure(
    __filename,
    single(
      {
        id: 'scroll.thread.dom',
        label: `DOM nodes in a thread of ${messages} messages (most while scrolling)`,
        unit: 'count',
        note: `${first.nodes.toLocaleString('en-GB')} with the first ${first.loaded} messages loaded; ${all.nodes.toLocaleString('en-GB')} at the end with all ${messages}`,
        detail: { firstPage: first, allLoaded: all, maxWhileScrolling: outcome.maxNodes },
      },
      Math.max(outcome.maxNodes, all.nodes),
    ),
  )
})
