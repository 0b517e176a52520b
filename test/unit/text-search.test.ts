import { describe, expect, it } from 'vitest'
import { fold, matchRank } from '../../src/main/core/features/common/text-search'

describe('matchRank (how well a name matches the quick switcher’s text)', () => {
  it('ranks a start above a word start above a match inside a word', () => {
    expect(matchRank('Patel Household', 'pat')).toBe(0)
    expect(matchRank('The Patel Family', 'pat')).toBe(1)
    expect(matchRank('Fitzpatrick', 'pat')).toBe(2)
    expect(matchRank('Okafor Family', 'pat')).toBeNull()
  })

  it('counts a later occurrence that starts a word, not just the first occurrence', () => {
    expect(matchRank('Patel & Alan', 'al')).toBe(1)
    expect(matchRank('Annual review – O’Neill-Allen', 'allen')).toBe(1)
  })

  it('ignores accents and case (the needle comes folded)', () => {
    expect(matchRank('Zoë Ellis', fold('ZOE'))).toBe(0)
    expect(matchRank('Anything', '')).toBeNull()
  })
})
