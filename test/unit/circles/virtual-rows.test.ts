import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/result'
import { VirtualRows, type RowPage } from '../../../src/renderer/src/lib/state/virtual-rows.svelte'

/** A list of `total` numbered rows, answered in windows like main's list calls; each answer waits for `release`. */
function source(total: number) {
  const asked: Array<[number, number]> = []
  const pending: Array<() => void> = []
  let hold = false
  return {
    asked,
    holdAnswers(on: boolean) {
      hold = on
    },
    releaseOldest() {
      pending.shift()?.()
    },
    releaseNewest() {
      pending.pop()?.()
    },
    fetch: async (offset: number, limit: number): Promise<Result<RowPage<string>>> => {
      asked.push([offset, limit])
      if (hold) await new Promise<void>((resolve) => pending.push(resolve))
      const rows = Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => `row ${offset + i}`)
      return { ok: true, value: { rows, total } }
    },
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('VirtualRows', () => {
  it('fetches the first window, then only the missing chunks in view, neighbours together', async () => {
    const list = source(1_000)
    const rows = new VirtualRows<string>({ fetch: list.fetch, chunk: 50 })
    await rows.reset(true)
    expect(list.asked).toEqual([[0, 50]])
    expect(rows.total).toBe(1_000)
    expect(rows.at(49)).toBe('row 49')
    expect(rows.at(50)).toBeUndefined()

    rows.show(120, 260)
    await settle()
    expect(list.asked.slice(1)).toEqual([[100, 200]])
    expect(rows.at(259)).toBe('row 259')
    rows.show(130, 200)
    await settle()
    expect(list.asked).toHaveLength(2)
  })

  it('never asks for more than 500 rows at once', async () => {
    const list = source(5_000)
    const rows = new VirtualRows<string>({ fetch: list.fetch, chunk: 50 })
    await rows.reset(true)
    rows.show(0, 1_200)
    await settle()
    expect(list.asked.slice(1)).toEqual([[50, 500], [550, 500], [1_050, 150]])
  })

  it('drops a window from before a reset, and keeps the newest reset’s rows', async () => {
    const list = source(300)
    const rows = new VirtualRows<string>({ fetch: list.fetch, chunk: 50 })
    await rows.reset(true)
    list.holdAnswers(true)
    rows.show(200, 250)
    const again = rows.reset(false, true)
    list.releaseNewest()
    await again
    list.releaseOldest()
    await settle()
    expect(rows.at(200)).toBeUndefined()
    expect(rows.at(0)).toBe('row 0')
  })

  it('keeps the rows when a later window fails, and asks again on retry', async () => {
    let fail = false
    const list = source(200)
    const rows = new VirtualRows<string>({
      chunk: 50,
      fetch: (offset, limit) => (fail ? Promise.resolve({ ok: false, error: { code: 'network', message: 'Offline' } }) : list.fetch(offset, limit)),
    })
    await rows.reset(true)
    fail = true
    rows.show(100, 150)
    await settle()
    expect(rows.windowError?.code).toBe('network')
    expect(rows.at(0)).toBe('row 0')
    fail = false
    rows.retryWindows()
    await settle()
    expect(rows.windowError).toBeNull()
    expect(rows.at(149)).toBe('row 149')
  })
})
