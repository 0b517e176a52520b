import { describe, expect, it } from 'vitest'
import { decideExternalLink, externalUrlProblem, type LinkRequest } from '../../../src/main/shell/external-links'
import { UserActivation } from '../../../src/main/shell/user-activation'

const click = (url: string, route: LinkRequest['route'] = 'navigation'): LinkRequest => ({ url, route, fromAppMainFrame: true, userActivated: true })

describe('links a user clicks in the app', () => {
  it.each([
    ['https://www.plannrcrm.com/help', 'navigation'],
    ['https://example.com/page?x=1#top', 'new-window'],
    ['mailto:jane.doe@example.co.uk', 'navigation'],
    ['mailto:jane.doe@example.co.uk?subject=Your%20review', 'external-protocol'],
    ['tel:+442079460000', 'navigation'],
    ['tel:+44%2020%207946%200000', 'external-protocol'],
    ['tel:020-7946-0000', 'new-window'],
  ] as const)('open %s (%s) in the system’s handler', (url, route) => {
    expect(decideExternalLink(click(url, route))).toEqual({ open: true, url })
  })

  it.each([
    ['http://example.com/', /http: links/],
    ['file:///etc/passwd', /file: links/],
    ['javascript:alert(1)', /javascript: links/],
    ['smb://server/share', /smb: links/],
    ['ms-settings:privacy', /ms-settings: links/],
    ['vscode://file/etc/passwd', /vscode: links/],
    ['https://user:secret@example.com/', /user name or password/],
    ['mailto:', /no email address/],
    ['mailto:?subject=hi', /no email address/],
    ['mailto:%E0%A4%A', /no email address/],
    ['tel:call-me', /not a phone number/],
    ['tel:', /not a phone number/],
    ['not a url', /not a valid URL/],
    [`https://example.com/${'a'.repeat(5_000)}`, /too long/],
  ])('never open %s', (url, reason) => {
    const decision = decideExternalLink(click(url))
    expect(decision.open).toBe(false)
    if (!decision.open) expect(decision.reason).toMatch(reason)
    expect(externalUrlProblem(url)).toMatch(reason)
  })
})

describe('nothing opens without the user', () => {
  it('refuses a link the page opens on its own, with no click before it', () => {
    for (const url of ['https://example.com/', 'mailto:a@example.com', 'tel:+442079460000']) {
      expect(decideExternalLink({ ...click(url), userActivated: false })).toEqual({ open: false, reason: 'the user did not click a link' })
    }
  })

  it('refuses a link from anything but the app’s own main frame', () => {
    expect(decideExternalLink({ ...click('https://example.com/'), fromAppMainFrame: false })).toMatchObject({ open: false, reason: /app’s own page/ })
  })

  it('one click opens one link: a script cannot open more on the back of it', () => {
    let now = 1_000
    const activation = new UserActivation(() => now)
    activation.record('mouseDown')
    activation.record('mouseUp')
    now += 100
    expect(decideExternalLink({ ...click('mailto:a@example.com'), userActivated: activation.consume() }).open).toBe(true)
    expect(decideExternalLink({ ...click('https://example.com/'), userActivated: activation.consume() }).open).toBe(false)
  })
})

describe('what counts as the user acting', () => {
  it('a click, a tap or a key press counts; moving the pointer, scrolling or hovering does not', () => {
    const activation = new UserActivation(() => 0)
    for (const type of ['mouseMove', 'mouseEnter', 'mouseWheel', 'gestureScrollUpdate', 'char', 'undefined']) {
      activation.record(type)
      expect(activation.consume(), type).toBe(false)
    }
    for (const type of ['mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd']) {
      activation.record(type)
      expect(activation.consume(), type).toBe(true)
    }
  })

  it('an activation expires after Chromium’s 5 seconds', () => {
    let now = 0
    const activation = new UserActivation(() => now)
    activation.record('mouseUp')
    now = 5_000
    expect(activation.consume()).toBe(true)
    activation.record('mouseUp')
    now = 10_001
    expect(activation.consume()).toBe(false)
  })
})
