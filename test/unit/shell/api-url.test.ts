import { describe, expect, it } from 'vitest'
import { checkApiUrl } from '../../../src/main/shell/api-url'

describe('PLANNR_API_URL', () => {
  it.each([
    ['https://api.plannrcrm.com', 'https://api.plannrcrm.com'],
    ['https://plannr.example.co.uk/', 'https://plannr.example.co.uk'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://localhost:4010/', 'http://localhost:4010'],
    ['http://[::1]:4010', 'http://[::1]:4010'],
  ])('accepts %s', (text, url) => {
    expect(checkApiUrl(text)).toEqual({ ok: true, url })
  })

  it.each([
    ['http://api.plannrcrm.com', /must be an https address \(plain http is allowed only for 127\.0\.0\.1 or localhost\)/],
    ['http://127.0.0.1.evil.example', /must be an https address/],
    ['ftp://api.plannrcrm.com', /must be an https address, not ftp:/],
    ['file:///etc/passwd', /must be an https address, not file:/],
    ['api.plannrcrm.com', /is not a web address/],
    ['https://user:secret@api.plannrcrm.com', /must not carry a user name or password/],
    ['https://api.plannrcrm.com/?token=x', /must not have a query or fragment/],
  ])('refuses %s with a clear error', (text, message) => {
    const check = checkApiUrl(text)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.message).toMatch(message)
    if (!check.ok) expect(check.message).toMatch(/^PLANNR_API_URL /)
  })
})
