import { describe, expect, it } from 'vitest'
import { deepLinkFromArgv, parseDeepLink, type DeepLinkTarget } from '../../../src/main/core/desktop/deep-link'
import { DeepLinkInbox } from '../../../src/main/core/desktop/deep-link-inbox'
import { memoryLog } from '../../../src/main/core/log'

const UUID = '6f1c2b9e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'

describe('deep links', () => {
  it.each([
    ['conversation', `plannr-desktop://conversation/${UUID}`],
    ['circle', `plannr-desktop://circle/${UUID}`],
    ['client', `plannr-desktop://client/${UUID}`],
  ] as const)('opens a %s', (kind, link) => {
    expect(parseDeepLink(link)).toEqual({ ok: true, target: { kind, uuid: UUID } })
  })

  it('accepts the trailing slash Windows may add, any letter case in the kind and UUID, and lower-cases the UUID', () => {
    expect(parseDeepLink(`plannr-desktop://conversation/${UUID}/`)).toEqual({ ok: true, target: { kind: 'conversation', uuid: UUID } })
    expect(parseDeepLink(`PLANNR-DESKTOP://Circle/${UUID.toUpperCase()}`)).toEqual({ ok: true, target: { kind: 'circle', uuid: UUID } })
  })

  it.each([
    ['another scheme', `https://conversation/${UUID}`, /not a plannr-desktop: link/],
    ['an unknown kind', `plannr-desktop://settings/${UUID}`, /unknown kind "settings"/],
    ['no kind', `plannr-desktop:///${UUID}`, /unknown kind ""/],
    ['a missing UUID', 'plannr-desktop://conversation/', /expected plannr-desktop:\/\/conversation\/<uuid>/],
    ['a malformed UUID', 'plannr-desktop://client/12345', /not a UUID: "12345"/],
    ['extra path', `plannr-desktop://client/${UUID}/edit`, /expected plannr-desktop:\/\/client\/<uuid>/],
    ['a path that climbs', `plannr-desktop://client/../${UUID}`, /not a plain plannr-desktop:\/\/client\/<uuid> link/],
    ['an escaped path', `plannr-desktop://client/%36${UUID.slice(1)}`, /not a UUID|not a plain/],
    ['a query', `plannr-desktop://client/${UUID}?delete=1`, /query or fragment/],
    ['a fragment', `plannr-desktop://client/${UUID}#x`, /query or fragment/],
    ['credentials', `plannr-desktop://user:pw@client/${UUID}`, /unexpected parts/],
    ['a port', `plannr-desktop://client:8080/${UUID}`, /unexpected parts/],
    ['not a URL', 'conversation/123', /not a URL/],
    ['an enormous link', `plannr-desktop://client/${'a'.repeat(500)}`, /longer than 200/],
  ])('ignores %s, saying why', (_, link, reason) => {
    const result = parseDeepLink(link)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toMatch(reason)
  })

  it('keeps control characters from a stranger out of the log line', () => {
    const result = parseDeepLink('plannr-desktop://evil\u001b[31m/x')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).not.toMatch(/\u001b/)
  })

  it('finds the link among the arguments the OS starts the app with', () => {
    const link = `plannr-desktop://client/${UUID}`
    expect(deepLinkFromArgv(['/opt/Plannr Desktop/plannr-desktop', '--no-sandbox', link])).toBe(link)
    expect(deepLinkFromArgv(['C:\\Plannr\\Plannr Desktop.exe', '--allow-file-access-from-files'])).toBeUndefined()
  })
})

describe('the deep-link inbox', () => {
  const link = (uuid: string) => `plannr-desktop://conversation/${uuid}`
  const OTHER = '7a2d3c0f-2b3c-4d4e-9f0a-1b2c3d4e5f60'

  it('keeps the link the app was started with until the window can open it', () => {
    const inbox = new DeepLinkInbox(memoryLog())
    inbox.receive(link(UUID))
    inbox.receive(link(OTHER))
    const opened: DeepLinkTarget[] = []
    inbox.attach((target) => opened.push(target))
    expect(opened).toEqual([{ kind: 'conversation', uuid: OTHER }])
    inbox.receive(link(UUID))
    expect(opened).toEqual([{ kind: 'conversation', uuid: OTHER }, { kind: 'conversation', uuid: UUID }])
  })

  it('logs and drops a link that is not ours', () => {
    const log = memoryLog()
    const inbox = new DeepLinkInbox(log)
    const opened: DeepLinkTarget[] = []
    inbox.attach((target) => opened.push(target))
    inbox.receive('plannr-desktop://settings/reset')
    expect(opened).toEqual([])
    expect(log.entries).toEqual([{ level: 'warn', message: 'Ignored a link: unknown kind "settings" (expected conversation, circle, client)', detail: undefined }])
  })

  it('holds links again once the window detaches', () => {
    const inbox = new DeepLinkInbox(memoryLog())
    const first: DeepLinkTarget[] = []
    const detach = inbox.attach((target) => first.push(target))
    detach()
    inbox.receive(link(UUID))
    expect(first).toEqual([])
    const second: DeepLinkTarget[] = []
    inbox.attach((target) => second.push(target))
    expect(second).toEqual([{ kind: 'conversation', uuid: UUID }])
  })
})
