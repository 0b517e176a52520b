import { describe, expect, it } from 'vitest'
import { FeedError, isUpdateFor, parseFeed } from '../../../src/main/core/update/feed'
import { rolloutPosition, withinRollout } from '../../../src/main/core/update/rollout'

const FEED = `version: 1.5.0
files:
  - url: Plannr-Desktop-Setup-1.5.0.exe
    sha512: 3q2+7w==
    size: 91234567
path: Plannr-Desktop-Setup-1.5.0.exe
sha512: 3q2+7w==
releaseDate: '2026-11-30T10:00:00.000Z'
`

describe('reading latest.yml', () => {
  it('reads what electron-builder publishes', () => {
    expect(parseFeed(FEED)).toEqual({
      version: '1.5.0',
      files: [{ url: 'Plannr-Desktop-Setup-1.5.0.exe', sha512: '3q2+7w==', size: 91234567 }],
      releaseDate: '2026-11-30T10:00:00.000Z',
    })
  })

  it('reads an unquoted release date and a staging percentage written as text', () => {
    const info = parseFeed(`${FEED.replace("'2026-11-30T10:00:00.000Z'", '2026-11-30T10:00:00.000Z')}stagingPercentage: '20'\n`)
    expect(info.releaseDate).toBe('2026-11-30T10:00:00.000Z')
    expect(info.stagingPercentage).toBe(20)
  })

  it.each([
    ['', /not an update feed/],
    ['{', /not valid YAML/],
    ['version: "1.5"\nfiles: [{url: a, sha512: b}]', /version: not a semver version/],
    ['version: 1.5\nfiles: [{url: a, sha512: b}]', /version: .*string/],
    ['version: 1.5.0\nfiles: [{url: a}]', /files\.0\.sha512/],
    ['version: 1.5.0\nfiles: [{url: a, sha512: b}]\nstagingPercentage: -1', /stagingPercentage/],
  ])('says what is wrong with %j', (text, reason) => {
    expect(() => parseFeed(text)).toThrow(FeedError)
    expect(() => parseFeed(text)).toThrow(reason)
  })
})

describe('whether a feed is an update for this installation', () => {
  const info = parseFeed(FEED)
  const id = '6f1c2b9e-1a2b-4c3d-8e9f-0a1b40000000'

  it('compares versions as semver, not as text', () => {
    expect(isUpdateFor({ ...info, version: '1.10.0' }, '1.9.0', id)).toBe(true)
    expect(isUpdateFor(info, '1.5.0', id)).toBe(false)
    expect(isUpdateFor(info, '1.6.0', id)).toBe(false)
  })

  it('places an installation by the last four bytes of its id, as electron-updater does', () => {
    expect(rolloutPosition(id)).toBeCloseTo(0.25, 6)
    expect(withinRollout(id, 26)).toBe(true)
    expect(withinRollout(id, 25)).toBe(false)
    expect(isUpdateFor({ ...info, stagingPercentage: 20 }, '1.4.0', id)).toBe(false)
    expect(isUpdateFor({ ...info, stagingPercentage: 30 }, '1.4.0', id)).toBe(true)
    expect(() => rolloutPosition('not-a-uuid')).toThrow(RangeError)
  })
})
