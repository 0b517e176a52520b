import { describe, expect, it } from 'vitest'
import type { RankedResult } from '../../src/main/core/features/feature'
import { quickSearch } from '../../src/main/core/features/quick-search'
import { AppError } from '@shared/result'

const hit = (rank: number, kind: 'circle' | 'client' | 'conversation', title: string): RankedResult => ({
  rank,
  result: { kind, uuid: `${kind}-${title}`, title, subtitle: null, at: null },
})
const offering = (hits: RankedResult[]) => ({ quickSearch: async () => hits })
const failing = (message: string) => ({
  quickSearch: async (): Promise<RankedResult[]> => {
    throw new AppError('network', message)
  },
})

describe('quick switcher ranking across domains', () => {
  it('ranks every domain’s hits together: best match first, then by title, within the limit', async () => {
    const results = await quickSearch(
      [
        offering([hit(2, 'circle', 'The Patel Family'), hit(0, 'circle', 'Patel Household')]),
        offering([hit(0, 'client', 'Patel, Anita'), hit(1, 'client', 'Ravi Patel')]),
        {},
        offering([hit(1, 'conversation', 'Annual review – Patel')]),
      ],
      'Patel',
      4,
    )
    expect(results.map((r) => r.title)).toEqual(['Patel Household', 'Patel, Anita', 'Annual review – Patel', 'Ravi Patel'])
  })

  it('passes the folded needle and answers nothing for blank text', async () => {
    const seen: string[] = []
    const feature = { quickSearch: async (needle: string) => (seen.push(needle), []) }
    expect(await quickSearch([feature], '   ', 5)).toEqual([])
    await quickSearch([feature], ' ZOË ', 5)
    expect(seen).toEqual(['zoe'])
  })

  it('shows the other domains’ hits when one fails, and fails only when all do', async () => {
    const results = await quickSearch([failing('offline'), offering([hit(0, 'client', 'Amy Shaw')])], 'amy', 5)
    expect(results.map((r) => r.title)).toEqual(['Amy Shaw'])
    await expect(quickSearch([failing('first'), failing('second')], 'amy', 5)).rejects.toThrow('first')
  })
})
