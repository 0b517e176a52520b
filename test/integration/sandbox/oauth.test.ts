import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { sandboxControl } from '../../../src/main/sandbox/control'
import { call } from './helpers'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ size: 'small', seed: 7, control: sandboxControl() })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  Object.assign(sandbox.oauth.settings, { user: 'adviser', refuseConsent: false, accessTokenTtlSeconds: 3600 })
})

const REDIRECT = 'http://127.0.0.1:53682/callback'

function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

async function authorize(params: Record<string, string>): Promise<{ status: number; location: URL | null; json: unknown }> {
  const url = new URL(`${sandbox.url}/oauth/authorize`)
  url.search = new URLSearchParams(params).toString()
  const answer = await fetch(url, { redirect: 'manual' })
  const text = await answer.text()
  const location = answer.headers.get('location')
  return { status: answer.status, location: location ? new URL(location) : null, json: text ? (JSON.parse(text) as unknown) : null }
}

function authorizeParams(challenge: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    response_type: 'code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, scope: '*', state: 'st-1',
    code_challenge: challenge, code_challenge_method: 'S256', ...over,
  }
}

async function token(form: Record<string, string>) {
  const answer = await fetch(`${sandbox.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  })
  return { status: answer.status, json: (await answer.json()) as Record<string, unknown> }
}

async function codeFor(challenge: string): Promise<string> {
  const { location } = await authorize(authorizeParams(challenge))
  return location?.searchParams.get('code') ?? ''
}

describe('the sandbox OAuth server (Passport, public client, PKCE)', () => {
  test('approves at once, redirecting to the loopback with a code and the state', async () => {
    const { status, location } = await authorize(authorizeParams(pkce().challenge))
    expect(status).toBe(302)
    expect(`${location?.origin}${location?.pathname}`).toBe(REDIRECT)
    expect(location?.searchParams.get('state')).toBe('st-1')
    expect(location?.searchParams.get('code')).toMatch(/^sbx_code_/)
  })

  test('refuses unknown clients and non-loopback redirects on its own page, never redirecting', async () => {
    const { challenge } = pkce()
    expect(await authorize(authorizeParams(challenge, { client_id: 'someone-else' }))).toMatchObject({ status: 401, location: null })
    for (const redirect of ['https://evil.example/callback', 'http://127.0.0.1/callback', 'http://localhost:5000/callback', 'http://127.0.0.1:5000/other']) {
      expect(await authorize(authorizeParams(challenge, { redirect_uri: redirect }))).toMatchObject({ status: 400, location: null })
    }
  })

  test('demands an S256 challenge, and says access_denied when consent is refused', async () => {
    const plain = await authorize(authorizeParams('x'.repeat(43), { code_challenge_method: 'plain' }))
    expect(plain.location?.searchParams.get('error')).toBe('invalid_request')
    sandbox.oauth.settings.refuseConsent = true
    const refused = await authorize(authorizeParams(pkce().challenge))
    expect(refused.location?.searchParams.get('error')).toBe('access_denied')
    expect(refused.location?.searchParams.get('state')).toBe('st-1')
  })

  test('exchanges a code once, only with its verifier and redirect, for tokens that work', async () => {
    const { verifier, challenge } = pkce()
    const code = await codeFor(challenge)
    const wrong = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, code, code_verifier: pkce().verifier })
    expect(wrong).toMatchObject({ status: 400, json: { error: 'invalid_grant' } })
    // A failed attempt spends the code too.
    const again = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, code, code_verifier: verifier })
    expect(again.status).toBe(400)

    const fresh = pkce()
    const goodCode = await codeFor(fresh.challenge)
    const otherRedirect = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: 'http://127.0.0.1:1/callback', code: goodCode, code_verifier: fresh.verifier })
    expect(otherRedirect.json.error).toBe('invalid_grant')

    const third = pkce()
    const issued = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, code: await codeFor(third.challenge), code_verifier: third.verifier })
    expect(issued).toMatchObject({ status: 200, json: { token_type: 'Bearer', expires_in: 3600 } })
    const me = await call(sandbox, '/api/v1/me', { token: String(issued.json.access_token) })
    expect(me.json).toMatchObject({ name: 'Sophie Turner' })
  })

  test('rotates refresh tokens: the old pair stops working; revocation and expiry end access', async () => {
    sandbox.oauth.settings.user = 'multiFirm'
    const { verifier, challenge } = pkce()
    const first = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, code: await codeFor(challenge), code_verifier: verifier })
    const second = await token({ grant_type: 'refresh_token', client_id: 'plannr-desktop', refresh_token: String(first.json.refresh_token) })
    expect(second.status).toBe(200)
    expect(second.json.refresh_token).not.toBe(first.json.refresh_token)
    expect((await call(sandbox, '/api/v1/me', { token: String(first.json.access_token) })).status).toBe(401)
    expect((await call(sandbox, '/api/v1/me', { token: String(second.json.access_token) })).json).toMatchObject({ name: 'Priya Shah' })
    const reused = await token({ grant_type: 'refresh_token', client_id: 'plannr-desktop', refresh_token: String(first.json.refresh_token) })
    expect(reused).toMatchObject({ status: 400, json: { error: 'invalid_grant' } })

    sandbox.oauth.revokeAll()
    expect((await call(sandbox, '/api/v1/me', { token: String(second.json.access_token) })).status).toBe(401)
    const afterRevoke = await token({ grant_type: 'refresh_token', client_id: 'plannr-desktop', refresh_token: String(second.json.refresh_token) })
    expect(afterRevoke.status).toBe(400)
  })

  test('an access token stops working when its lifetime is over', async () => {
    sandbox.oauth.settings.accessTokenTtlSeconds = 1
    const { verifier, challenge } = pkce()
    const issued = await token({ grant_type: 'authorization_code', client_id: 'plannr-desktop', redirect_uri: REDIRECT, code: await codeFor(challenge), code_verifier: verifier })
    expect(issued.json.expires_in).toBe(1)
    const accessToken = String(issued.json.access_token)
    expect((await call(sandbox, '/api/v1/me', { token: accessToken })).status).toBe(200)
    const expiresAt = Date.now() + 1_000
    while (Date.now() < expiresAt) await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await call(sandbox, '/api/v1/me', { token: accessToken })).status).toBe(401)
  })

  test('is steered over HTTP too, with the control secret: GET/PUT /__sandbox/oauth and POST /__sandbox/oauth/revoke', async () => {
    expect((await fetch(`${sandbox.url}/__sandbox/oauth/revoke`, { method: 'POST' })).status).toBe(401)
    const headers = { 'x-sandbox-control': sandbox.controlSecret ?? '' }
    const put = await fetch(`${sandbox.url}/__sandbox/oauth`, { method: 'PUT', headers, body: JSON.stringify({ accessTokenTtlSeconds: 5, refuseConsent: true }) })
    expect(await put.json()).toMatchObject({ accessTokenTtlSeconds: 5, refuseConsent: true })
    const bad = await fetch(`${sandbox.url}/__sandbox/oauth`, { method: 'PUT', headers, body: JSON.stringify({ user: 'nobody' }) })
    expect(bad.status).toBe(422)
    expect((await fetch(`${sandbox.url}/__sandbox/oauth/revoke`, { method: 'POST', headers })).status).toBe(204)
  })
})
