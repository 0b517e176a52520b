import { describe, expect, it } from 'vitest'
import { circlesStatusText } from '../../../src/renderer/src/components/circles/status-text'

describe('circlesStatusText', () => {
  it('reads as a count, with the search and the filters when they are on', () => {
    expect(circlesStatusText(1_200, 1_200, '', false)).toBe('1,200 circles')
    expect(circlesStatusText(3, 1_200, ' pat ', false)).toBe('3 of 1,200 circles match “pat”')
    expect(circlesStatusText(1, 1_200, '', true)).toBe('1 of 1,200 circles matches the filters')
    expect(circlesStatusText(0, 1, 'x', true)).toBe('0 of 1 circle match “x” and the filters')
  })
})
