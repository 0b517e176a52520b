import { describe, expect, it } from 'vitest'
import { Navigation } from '../../../src/renderer/src/lib/state/navigation.svelte'

describe('Navigation', () => {
  it('opens conversations first and switches views', () => {
    const nav = new Navigation()
    expect(nav.view).toBe('conversations')
    nav.go('circles')
    expect(nav.view).toBe('circles')
    expect(nav.focus).toBeNull()
  })

  it('asks only the named view to open a record, with a fresh sequence each time', () => {
    const nav = new Navigation()
    nav.go('contacts', 'client-1')
    const first = nav.focusFor('contacts')
    expect(first?.uuid).toBe('client-1')
    expect(nav.focusFor('circles')).toBeNull()
    nav.go('contacts', 'client-1')
    expect(nav.focusFor('contacts')?.seq).toBeGreaterThan(first?.seq ?? 0)
  })
})
