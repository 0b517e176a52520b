import { describe, expect, it } from 'vitest'
import { colourName } from '../../../src/renderer/src/lib/format'

describe('colourName: a circle’s colour in words, not hex', () => {
  it.each([
    ['#ffb703', 'orange'],
    ['#35f4e1', 'turquoise'],
    ['#ef4582', 'pink'],
    ['#1d3557', 'dark blue'],
    ['#dddddd', 'light grey'],
    ['#000', 'black'],
    ['#ffffff', 'white'],
    ['#2a9d8f', 'turquoise'],
    ['#e63946', 'red'],
  ])('%s is %s', (hex, name) => {
    expect(colourName(hex)).toBe(name)
  })
})
