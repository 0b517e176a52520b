import { afterAll, beforeAll, describe, it } from 'vitest'
import { benchConfig } from './support/config'
import { fromSamples, recordFigure, single } from './support/figures'
import { heapAfterGc, openBenchApp, syncedTotal, timed, type BenchApp, type Timing } from './support/app'

/*
 * Switching views: from the Ctrl/⌘+digit keydown to the DOM showing the new view's heading and its
 * first row, for every view in turn (each one already visited once, so this is "switch and come
 * back"). Then each view's JS heap after a collection, and how many DOM nodes it keeps.
 */

const config = benchConfig()
const VIEWS = [
  { key: '1', name: 'conversations', heading: 'Conversations', list: 'Conversations' },
  { key: '2', name: 'circles', heading: 'Circles', list: 'Circles', noun: 'circle' },
  { key: '3', name: 'contacts', heading: 'Contacts', list: 'Clients', noun: 'client' },
  { key: '4', name: 'referrals', heading: 'Referral connections', list: 'Referral connections' },
] as const

let app: BenchApp

beforeAll(async () => {
  app = await openBenchApp(config, 'views')
  // Visit each view once, waiting for its whole list (the first sync of a large book takes a while).
  for (const view of VIEWS) {
    await switchTo(view, 120_000)
    if ('noun' in view) await syncedTotal(app.page, view.noun)
  }
}, 300_000)

afterAll(async () => {
  await app?.close()
})

async function switchTo(view: (typeof VIEWS)[number], timeoutMs = 15_000): Promise<Timing> {
  const { page } = app
  // Shortcuts are not taken while typing in a field: start from the view's heading.
  await page.locator('main h1').first().focus()
  const switching = timed(page, { check: 'view', params: { heading: view.heading, list: view.list } }, 'keydown', () =>
    page.keyboard.press(`ControlOrMeta+${view.key}`),
  )
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${view.heading} did not show rows within ${timeoutMs} ms`)), timeoutMs))
  return Promise.race([switching, timeout])
}

describe('views', () => {
  it('switch and come back: first frame with rows', async () => {
    const timings: Timing[] = []
    const byView: Record<string, number[]> = {}
    for (let round = 0; timings.length < config.trials.switches; round++) {
      for (const view of VIEWS) {
        if (timings.length >= config.trials.switches) break
        const timing = await switchTo(view)
        timings.push(timing)
        ;(byView[view.name] ??= []).push(Math.round(timing.dom * 100) / 100)
      }
    }
    recordFigure(
      __filename,
      fromSamples(
        {
          id: 'switch.views',
          label: 'View switch → first rows (the four views in turn)',
          unit: 'ms',
          goal: { stat: 'p95', max: 16.7 },
          detail: { byView, paintedMs: timings.map((t) => Math.round(t.frame * 100) / 100) },
        },
        timings.map((t) => t.dom),
      ),
    )
  })

  it('heap and DOM size per view', async () => {
    for (const view of VIEWS) {
      await switchTo(view)
      const heap = await heapAfterGc(app.cdp)
      const nodes = await app.page.evaluate(() => window.__bench.domNodes())
      // Views stay mounted once opened: the page holds every view, the shown one holds its own.
      const own = await app.page.evaluate(() => document.querySelector('main .view:not([hidden])')?.getElementsByTagName('*').length ?? 0)
      recordFigure(
        __filename,
        single(
          {
            id: `heap.${view.name}`,
            label: `JS heap, ${view.heading} view shown (every view open)`,
            unit: 'MB',
            note: `${own.toLocaleString('en-GB')} DOM nodes in the view, ${nodes.toLocaleString('en-GB')} in the page`,
            detail: { domNodes: nodes, viewDomNodes: own },
          },
          heap,
        ),
      )
    }
  })
})
