import { afterAll, beforeAll, describe, it } from 'vitest'
import { benchConfig } from './support/config'
import { fromSamples, recordFigure } from './support/figures'
import { openBenchApp, syncedTotal, timed, type BenchApp, type Check, type Timing } from './support/app'

/*
 * Keystroke → rendered result: type names letter by letter into each search (and clear it again), and
 * time from each input event to the DOM showing the rows for exactly what is in the box, in the page.
 * Every keystroke waits for its own result, so the figures are per keystroke, not typing throughput.
 */

const config = benchConfig()
const ONE_FRAME = { stat: 'p95', max: 16.7 } as const
/** Names common in the sandbox's book at every size; typed one letter at a time. */
const WORDS = ['smith', 'ann', 'patel', 'jo', 'wil', 'taylor', 'ro', 'evans', 'mar', 'khan']

let app: BenchApp

beforeAll(async () => {
  app = await openBenchApp(config, 'search')
}, 180_000)

afterAll(async () => {
  await app?.close()
})

/** Types WORDS (clearing after each) until `count` keystrokes have been timed, after one untimed word to warm up. */
async function typeAndTime(count: number, expectFor: (query: string) => Check): Promise<Timing[]> {
  const { page } = app
  const timings: Timing[] = []
  let typed = ''
  const press = async (key: string, next: string, record: boolean) => {
    const timing = await timed(page, expectFor(next), 'input', () => page.keyboard.press(key))
    typed = next
    if (record) timings.push(timing)
  }
  const clear = async (record: boolean) => {
    await page.keyboard.press('ControlOrMeta+A')
    await press('Backspace', '', record)
  }
  for (const letter of 'warm') await press(letter, typed + letter, false)
  await clear(false)
  for (let w = 0; timings.length < count; w++) {
    const word = WORDS[w % WORDS.length] ?? 'a'
    for (const letter of word) {
      if (timings.length >= count) break
      await press(letter, typed + letter, true)
    }
    await clear(timings.length < count)
  }
  return timings
}

const round = (ms: number) => Math.round(ms * 100) / 100

function record(id: string, label: string, timings: Timing[]) {
  const queued = timings.map((t) => t.queued).sort((a, b) => a - b)
  recordFigure(
    __filename,
    fromSamples(
      {
        id,
        label,
        unit: 'ms',
        goal: ONE_FRAME,
        note: `painted ${round(timings.map((t) => t.frame).sort((a, b) => a - b)[timings.length >> 1] ?? 0)} ms after the input (median); the input event itself waited ${round(queued[queued.length >> 1] ?? 0)} ms (median) before the page handled it`,
        detail: { paintedMs: timings.map((t) => round(t.frame)), queuedMs: timings.map((t) => round(t.queued)) },
      },
      timings.map((t) => t.dom),
    ),
  )
}

/** The whole book, not its first page: searching while the sync still writes would time that too. */
const totalOf = (noun: string) => syncedTotal(app.page, noun)

describe('search, keystroke to rendered rows', () => {
  it('contacts', async () => {
    const { page } = app
    await page.keyboard.press('ControlOrMeta+3')
    const total = await totalOf('client')
    await page.getByRole('searchbox', { name: 'Search by name, email or phone' }).focus()
    const timings = await typeAndTime(config.trials.keystrokes, (query) => ({ check: 'list', params: { noun: 'client', list: 'Clients', query } }))
    record('search.contacts', `Keystroke → rows, contacts (${total})`, timings)
  }, 300_000)

  it('circles', async () => {
    const { page } = app
    await page.keyboard.press('ControlOrMeta+2')
    const total = await totalOf('circle')
    await page.getByRole('searchbox', { name: 'Search circles' }).focus()
    const timings = await typeAndTime(config.trials.keystrokes, (query) => ({ check: 'list', params: { noun: 'circle', list: 'Circles', query } }))
    record('search.circles', `Keystroke → rows, circles (${total})`, timings)
  }, 300_000)

  it('quick switcher', async () => {
    const { page } = app
    await page.getByRole('heading', { level: 1 }).first().focus()
    await page.keyboard.press('ControlOrMeta+K')
    const input = page.getByRole('combobox', { name: 'Find a circle, client or conversation' })
    await input.waitFor()
    await input.focus()
    const timings = await typeAndTime(config.trials.keystrokes, (query) => ({ check: 'switcher', params: { query } }))
    await page.keyboard.press('Escape')
    record('search.switcher', 'Keystroke → results, quick switcher (circles, clients, conversations)', timings)
  }, 300_000)
})
