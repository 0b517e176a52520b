import { describe, expect, it } from 'vitest'
import { composeNotification, NotificationBatcher, type MessageNotification, type NewMessageEvent } from '../../../src/main/core/desktop/notification-batch'
import { ManualTimers } from '../../support/manual-timers'

const PENSION = '11111111-1111-4111-8111-111111111111'
const ISA = '22222222-2222-4222-8222-222222222222'
let sequence = 0

function message(overrides: Partial<NewMessageEvent> = {}): NewMessageEvent {
  sequence += 1
  return {
    messageUuid: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    conversationUuid: PENSION,
    conversationTitle: 'Pension transfer',
    authorName: 'Max Yates',
    fromSelf: false,
    text: `Message ${sequence}`,
    sentAt: `2026-12-01T10:00:${String(sequence % 60).padStart(2, '0')}.000Z`,
    ...overrides,
  }
}

function setUp(options: { focused?: () => boolean; preview?: boolean } = {}) {
  const timers = new ManualTimers()
  const shown: MessageNotification[] = []
  const batcher = new NotificationBatcher({
    notify: (n) => shown.push(n),
    shouldNotify: () => !(options.focused?.() ?? false),
    preview: options.preview ?? false,
    windowMs: 4_000,
    timers,
  })
  return { timers, shown, batcher }
}

describe('new-message notifications', () => {
  it('gathers what arrives within one batch window into one notification that opens the conversation', () => {
    const { timers, shown, batcher } = setUp()
    batcher.add([message()])
    timers.advance(1_000)
    batcher.add([message(), message()])
    expect(shown).toEqual([])
    timers.advance(3_000)
    expect(shown).toEqual([{ title: '3 new messages from Max Yates', body: 'In Pension transfer', target: { kind: 'conversation', uuid: PENSION }, count: 3 }])
  })

  it('starts a new window for messages after the batch was shown', () => {
    const { timers, shown, batcher } = setUp()
    batcher.add([message()])
    timers.advance(4_000)
    batcher.add([message()])
    timers.advance(4_000)
    expect(shown.map((n) => n.count)).toEqual([1, 1])
  })

  it('names a single message by its author, with the text only when previews are on', () => {
    expect(composeNotification([message({ text: 'Can we talk about the  ISA\nallowance?' })], true)).toMatchObject({
      title: 'Max Yates',
      body: 'Can we talk about the ISA allowance?',
    })
    expect(composeNotification([message()], false)).toMatchObject({ title: 'Max Yates', body: 'New message in Pension transfer' })
  })

  it('names the conversation when several people wrote in it', () => {
    const batch = [message(), message({ authorName: 'Priya Shah' }), message({ authorName: 'Owen Price' }), message({ authorName: 'Grace Mitchell' })]
    expect(composeNotification(batch, false)).toEqual({
      title: '4 new messages in Pension transfer',
      body: 'From Max Yates, Priya Shah and 2 others',
      target: { kind: 'conversation', uuid: PENSION },
      count: 4,
    })
  })

  it('opens the conversations list when the batch spans conversations', () => {
    const batch = [message(), message({ conversationUuid: ISA, conversationTitle: 'ISA top-up', authorName: 'Priya Shah' })]
    expect(composeNotification(batch, false)).toEqual({
      title: '2 new messages in 2 conversations',
      body: 'From Max Yates and Priya Shah',
      target: { kind: 'conversations' },
      count: 2,
    })
    // One author across two conversations still reads naturally.
    expect(composeNotification([message(), message({ conversationUuid: ISA })], false)?.title).toBe('2 new messages from Max Yates')
  })

  it('shortens a long preview', () => {
    const body = composeNotification([message({ text: 'x'.repeat(500) })], true)?.body ?? ''
    expect(body.length).toBe(140)
    expect(body.endsWith('…')).toBe(true)
  })

  it('never notifies the user of their own messages, nor twice of the same message', () => {
    const { timers, shown, batcher } = setUp()
    const repeated = message()
    batcher.add([message({ fromSelf: true })])
    expect(timers.due()).toEqual([])
    batcher.add([repeated, repeated])
    timers.advance(4_000)
    batcher.add([repeated])
    timers.advance(4_000)
    expect(shown.map((n) => n.count)).toEqual([1])
  })

  it('shows nothing for a batch that comes due while the window has focus or notifications are off', () => {
    let focused = false
    const { timers, shown, batcher } = setUp({ focused: () => focused })
    batcher.add([message()])
    focused = true
    timers.advance(4_000)
    expect(shown).toEqual([])
    // Nor later: what the user saw in the window is not announced afterwards.
    focused = false
    timers.advance(10_000)
    expect(shown).toEqual([])
  })

  it('drops what is waiting when cleared (the user opened the window, or signed out)', () => {
    const { timers, shown, batcher } = setUp()
    batcher.add([message()])
    batcher.clear()
    timers.advance(10_000)
    expect(shown).toEqual([])
    expect(timers.due()).toEqual([])
  })
})
