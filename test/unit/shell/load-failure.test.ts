import { describe, expect, it } from 'vitest'
import { describeLoadFailure, isSupersededLoad, loadFailurePageUrl } from '../../../src/main/shell/load-failure'

/** What Electron's loadURL rejects with: an Error carrying Chromium's error name and number. */
function loadError(code: string, errno: number, url: string): Error {
  return Object.assign(new Error(`${code} (${errno}) loading '${url}'`), { code, errno, url })
}

function pageHtml(url: string): string {
  expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
  return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length))
}

describe('a window whose interface cannot load', () => {
  it('describes the failure with Chromium’s error name', () => {
    expect(describeLoadFailure(loadError('ERR_FILE_NOT_FOUND', -6, 'app://plannr/index.html'))).toEqual({
      code: 'ERR_FILE_NOT_FOUND',
      message: "ERR_FILE_NOT_FOUND (-6) loading 'app://plannr/index.html'",
    })
    expect(describeLoadFailure('boom')).toEqual({ code: null, message: 'boom' })
  })

  it('treats a load replaced by another navigation as no failure', () => {
    expect(isSupersededLoad(describeLoadFailure(loadError('ERR_ABORTED', -3, 'http://localhost:5173/')))).toBe(true)
    expect(isSupersededLoad(describeLoadFailure(loadError('ERR_CONNECTION_REFUSED', -102, 'http://localhost:5173/')))).toBe(false)
  })

  it('shows a plain page saying what happened and what to do, with no script and nothing loaded from anywhere', () => {
    const html = pageHtml(loadFailurePageUrl(describeLoadFailure(loadError('ERR_FILE_NOT_FOUND', -6, 'app://plannr/index.html')), 'Plannr Desktop'))
    expect(html).toContain('<h1>Plannr Desktop could not open its window</h1>')
    expect(html).toContain('ERR_FILE_NOT_FOUND')
    expect(html).toContain('npm run build')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`)
    expect(html).not.toMatch(/<script|src=|href=/i)
  })

  it('escapes the error text, so a URL in it cannot add markup to the page', () => {
    const html = pageHtml(loadFailurePageUrl({ code: null, message: 'bad <img src=x onerror=alert(1)> & "quotes"' }, 'Plannr Desktop'))
    expect(html).toContain('bad &#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;')
    expect(html).not.toContain('<img')
  })
})
