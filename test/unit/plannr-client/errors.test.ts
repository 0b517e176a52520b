import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/result'
import { PlannrError, errorFromStatus } from '../../../src/main/core/plannr/errors'

const none = new Headers()

describe('errorFromStatus', () => {
  it('maps each status Plannr uses to a code a caller can act on', () => {
    expect(errorFromStatus(401, { message: 'Unauthenticated.' }, none).code).toBe('unauthenticated')
    expect(errorFromStatus(403, { message: 'This action is unauthorized.' }, none).code).toBe('forbidden')
    expect(errorFromStatus(404, undefined, none).code).toBe('not_found')
    expect(errorFromStatus(429, undefined, none).code).toBe('rate_limited')
    expect(errorFromStatus(500, undefined, none).code).toBe('server')
    expect(errorFromStatus(503, undefined, none).code).toBe('server')
    expect(errorFromStatus(400, undefined, none).code).toBe('server')
  })

  it('is an AppError that crosses IPC with its code, fields and retryAfter', () => {
    const error = errorFromStatus(429, { message: 'Too Many Attempts.' }, new Headers({ 'Retry-After': '120' }))
    expect(error).toBeInstanceOf(PlannrError)
    expect(error).toBeInstanceOf(AppError)
    expect(error.toIpcError()).toEqual({ code: 'rate_limited', message: expect.stringContaining('2 minutes'), retryAfter: 120 })
    expect(error.status).toBe(429)
  })

  it('keeps Laravel 422 field errors and the server message', () => {
    const error = errorFromStatus(
      422,
      { message: 'The name field is required. (and 1 more error)', errors: { name: ['The name field is required.'], value: ['Bad.'] } },
      none,
    )
    expect(error.code).toBe('validation')
    expect(error.message).toBe('The name field is required. (and 1 more error)')
    expect(error.fields).toEqual({ name: ['The name field is required.'], value: ['Bad.'] })
  })

  it('still maps an error body that is not JSON, keeping the text for logs only', () => {
    const error = errorFromStatus(502, '<html>Bad gateway</html>', none)
    expect(error.code).toBe('server')
    expect(error.message).not.toContain('<html>')
    expect(error.serverMessage).toContain('Bad gateway')
    const odd = errorFromStatus(422, { errors: 'not a record' }, none)
    expect(odd.code).toBe('validation')
    expect(odd.fields).toBeUndefined()
  })

  it('writes messages for an adviser, not a developer', () => {
    expect(errorFromStatus(401, undefined, none).message).toMatch(/^Plannr did not accept your token/)
    expect(errorFromStatus(503, undefined, none).message).toContain('try again')
    expect(errorFromStatus(503, undefined, none).message).not.toContain('try again in a few minutes')
  })
})
