import { describe, expect, it } from 'vitest'
import { lineLog, redactTokens, type LogLevel } from '../../src/main/core/log'

describe('logging never prints a bearer token', () => {
  it('redacts tokens in text, whatever their case or surroundings', () => {
    expect(redactTokens('Authorization: Bearer abc.def-123')).toBe('Authorization: Bearer [redacted]')
    expect(redactTokens("{ authorization: 'bearer s3cr3t', next: 1 }")).toBe("{ authorization: 'bearer [redacted]', next: 1 }")
    expect(redactTokens('nothing to hide')).toBe('nothing to hide')
  })

  it('redacts a token held deep inside a logged error (a request’s headers, in a cause)', () => {
    const lines: Array<[LogLevel, string]> = []
    const log = lineLog((level, line) => lines.push([level, line]))
    const request = new Request('https://api.plannrcrm.com/api/v1/circles', { headers: { Authorization: 'Bearer plannr-secret-token' } })
    log.error('Could not refresh circles', new Error('outer', { cause: Object.assign(new Error('timed out'), { request }) }))
    expect(lines).toHaveLength(1)
    expect(lines[0]![0]).toBe('error')
    expect(lines[0]![1]).toContain('Could not refresh circles')
    expect(lines[0]![1]).toContain('timed out')
    expect(lines[0]![1]).not.toContain('plannr-secret-token')
  })
})
