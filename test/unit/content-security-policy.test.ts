import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../src/main/renderer-serving/content-security-policy'

describe('the renderer’s one Content-Security-Policy', () => {
  it('is the header the app:// protocol and the web preview send, plus the preview’s WebSocket', () => {
    expect(contentSecurityPolicy(['ws://127.0.0.1:5180'])).toContain("connect-src 'self' ws://127.0.0.1:5180;")
    expect(contentSecurityPolicy()).toContain("frame-ancestors 'none'")
  })

  it('is what the dev server puts in a <meta> tag, less what a meta tag cannot carry', () => {
    const meta = metaContentSecurityPolicy()
    expect(meta).not.toContain('frame-ancestors')
    expect(contentSecurityPolicy().replace("; frame-ancestors 'none'", '')).toBe(meta)
  })

  it('is not written a second time into index.html', () => {
    const html = readFileSync(resolve(__dirname, '../../src/renderer/index.html'), 'utf8')
    expect(html).not.toMatch(/Content-Security-Policy/i)
  })
})
