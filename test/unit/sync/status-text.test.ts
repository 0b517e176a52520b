import { describe, expect, it } from 'vitest'
import { connectionText, lastSyncedText, pausedText, syncingText } from '../../../src/renderer/src/components/sync/status-text'

describe('the status bar’s words', () => {
  it('counts a sync in progress the UK way', () => {
    expect(syncingText({ label: 'clients', done: 3500, total: 19870 })).toBe('Syncing clients 3,500 of 19,870')
    expect(syncingText({ label: 'clients', done: 500, total: null })).toBe('Syncing clients 500')
    expect(syncingText({ label: 'circles', done: 0, total: null })).toBe('Syncing circles…')
  })

  it('counts down Plannr’s pause in whole seconds, and says nothing once it is over', () => {
    const now = Date.parse('2026-03-02T10:42:00Z')
    expect(pausedText('2026-03-02T10:42:48Z', now)).toBe('Plannr asked us to slow down — continuing in 48 s')
    expect(pausedText('2026-03-02T10:42:00.200Z', now)).toBe('Plannr asked us to slow down — continuing in 1 s')
    expect(pausedText('2026-03-02T10:41:59Z', now)).toBeNull()
    expect(pausedText(null, now)).toBeNull()
  })

  it('gives the time of the last sync today, the date before, and says when there was none', () => {
    const now = new Date(2026, 2, 2, 15, 0).getTime()
    expect(lastSyncedText(new Date(2026, 2, 2, 10, 42).toISOString(), now)).toBe('Last synced 10:42')
    expect(lastSyncedText(new Date(2026, 1, 3, 9, 5).toISOString(), now)).toBe('Last synced 3 Feb, 09:05')
    expect(lastSyncedText(null, now)).toBe('Not synced yet')
    expect(lastSyncedText('not a time', now)).toBe('Not synced yet')
  })

  it('names the connection', () => {
    expect(connectionText(true)).toBe('Online')
    expect(connectionText(false)).toBe('Offline')
    expect(connectionText(null)).toBe('Connecting…')
  })
})
