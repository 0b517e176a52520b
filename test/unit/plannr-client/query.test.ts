import { describe, expect, it } from 'vitest'
import { sortParam, toSearchParams } from '../../../src/main/core/plannr/query'

describe('toSearchParams', () => {
  it('joins lists with commas and keeps bracketed filter keys', () => {
    const params = toSearchParams({ 'filter[uuid]': ['a', 'b'], include: ['accounts', 'groups'], per_page: 500 })
    expect(params.get('filter[uuid]')).toBe('a,b')
    expect(params.get('include')).toBe('accounts,groups')
    expect(params.get('per_page')).toBe('500')
  })

  it('drops undefined values, empty strings and empty lists', () => {
    const params = toSearchParams({ 'filter[name]': undefined, sort: '', include: [], page: 2 })
    expect([...params.keys()]).toEqual(['page'])
  })

  it('encodes brackets, commas, spaces and ampersands so values cannot break the query', () => {
    const text = toSearchParams({ 'filter[name]': 'Smith & Jones, Ltd', flag: true }).toString()
    expect(text).toBe('filter%5Bname%5D=Smith+%26+Jones%2C+Ltd&flag=true')
    expect(new URLSearchParams(text).get('filter[name]')).toBe('Smith & Jones, Ltd')
  })
})

describe('sortParam', () => {
  it('prefixes a minus for descending and leaves ascending bare', () => {
    expect(sortParam('updated_at', 'desc')).toBe('-updated_at')
    expect(sortParam('name', 'asc')).toBe('name')
    expect(sortParam('name')).toBe('name')
    expect(sortParam(undefined, 'desc')).toBeUndefined()
  })
})
