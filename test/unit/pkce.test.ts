import { describe, expect, it } from 'vitest'
import { challengeFor, createPkce, createState } from '../../src/main/core/auth/pkce'
import { isOpenableExternal } from '../../src/main/core/ports'

describe('PKCE (RFC 7636)', () => {
  it('derives the S256 challenge of the RFC 7636 Appendix B example', () => {
    expect(challengeFor('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('makes a fresh 43-character unreserved verifier each time, with its own challenge', () => {
    const one = createPkce()
    const two = createPkce()
    expect(one.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(one.verifier).not.toBe(two.verifier)
    expect(one.challenge).toBe(challengeFor(one.verifier))
    expect(createState()).not.toBe(createState())
  })
})

describe('which addresses the app opens in a browser', () => {
  it.each([
    ['https://api.plannrcrm.com/oauth/authorize?client_id=x', true],
    ['http://127.0.0.1:41234/oauth/authorize', true],
    ['http://example.com/oauth/authorize', false],
    ['http://localhost.evil.example/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@api.plannrcrm.com/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isOpenableExternal(url)).toBe(allowed)
  })
})
