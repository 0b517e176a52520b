import { describe, expect, it } from 'vitest'
import type { IpcError } from '../../../src/shared/result'
import { listBusy, listStatus, listStatusText } from '../../../src/renderer/src/lib/list-status'
import { unsentRowsText } from '../../../src/renderer/src/components/sync/outbox-text'

const offline: IpcError = { code: 'network', message: 'Can’t reach Plannr.' }
const pageFailed: IpcError = { code: 'server', message: 'Plannr failed.' }

describe('the one decision of how a list stands', () => {
  it('waits, fails with the reason, or is ready — empty or with rows', () => {
    expect(listStatus({ loading: true, loaded: false, error: null }, 0)).toEqual({ kind: 'loading' })
    expect(listStatus({ loading: false, loaded: false, error: offline }, 0)).toEqual({ kind: 'failed', error: offline, retrying: false })
    // "Try again" pressed: still the error panel, its button saying it is at work.
    expect(listStatus({ loading: true, loaded: false, error: offline }, 0)).toEqual({ kind: 'failed', error: offline, retrying: true })
    expect(listStatus({ loading: false, loaded: true, error: null }, 0)).toMatchObject({ kind: 'ready', empty: true, refreshing: false })
    expect(listStatus({ loading: true, loaded: true, error: null }, 12)).toEqual({ kind: 'ready', empty: false, refreshing: true, trouble: null })
  })

  it('keeps rows on screen when a later page or a refresh fails, and says so beside them', () => {
    expect(listStatus({ loading: false, loaded: true, error: null }, 12, pageFailed)).toMatchObject({ kind: 'ready', trouble: pageFailed })
    // A refresh that failed after rows were shown (the list keeps them): trouble, not the error panel.
    expect(listStatus({ loading: false, loaded: true, error: offline }, 12)).toMatchObject({ kind: 'ready', empty: false, trouble: offline })
  })

  it('is busy while an answer it will show is on its way, and the count line is quiet under the error panel', () => {
    const loading = listStatus({ loading: true, loaded: false, error: null }, 0)
    const failed = listStatus({ loading: false, loaded: false, error: offline }, 0)
    const ready = listStatus({ loading: false, loaded: true, error: null }, 3)
    expect([loading, failed, ready].map(listBusy)).toEqual([true, false, false])
    expect(listStatusText(loading, 'Loading circles…', () => '3 circles')).toBe('Loading circles…')
    expect(listStatusText(failed, 'Loading circles…', () => '3 circles')).toBe('')
    expect(listStatusText(ready, 'Loading circles…', () => '3 circles')).toBe('3 circles')
  })
})

describe('the line under a list holding unsent writes', () => {
  it('is empty when every row is on Plannr', () => {
    expect(unsentRowsText([undefined, undefined])).toBe('')
    expect(unsentRowsText([])).toBe('')
  })

  it('counts the rows by how their writes stand, and points to the Outbox when one needs the user', () => {
    expect(unsentRowsText(['sending', undefined, 'waiting', 'waiting'])).toBe('3 not on Plannr yet: 1 sending, 2 waiting for connection')
    expect(unsentRowsText(['needs-attention'])).toBe('1 not on Plannr yet: 1 needs attention (fix or discard in Outbox, in the status bar)')
    expect(unsentRowsText(['needs-attention', 'needs-attention', 'sending'])).toBe(
      '3 not on Plannr yet: 1 sending, 2 need attention (fix or discard in Outbox, in the status bar)',
    )
  })
})
