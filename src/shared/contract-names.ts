/**
 * The names of every call and event, with no dependencies, so that the sandboxed preload can expose
 * exactly these without bundling the schemas. `contract.ts` is keyed by these lists and the compiler
 * keeps the two in step.
 */
export const CALL_NAMES = [
  'app.info',
  'session.status',
  'session.signInWithToken',
  'session.signInWithPlannr',
  'session.cancelSignIn',
  'session.chooseAccount',
  'session.signOut',
  'session.startDemo',
  'circles.list',
  'circles.searchIndex',
  'circles.filterOptions',
  'circles.get',
  'circles.pick',
  'circles.members',
  'conversations.list',
  'conversations.get',
  'conversations.create',
  'conversations.pin',
  'conversations.searchIndex',
  'conversations.cases',
  'messages.list',
  'messages.send',
  'messages.edit',
  'accounts.search',
  'clients.list',
  'clients.searchIndex',
  'contacts.forClient',
  'contacts.add',
  'contacts.update',
  'referrals.list',
  'referrals.connect',
  'search.quick',
  'sync.status',
  'sync.now',
  'app.takeOpen',
  'updates.status',
  'updates.check',
  'updates.restart',
  'settings.get',
  'settings.update',
  'outbox.list',
  'outbox.retry',
  'outbox.discard',
] as const

export const EVENT_NAMES = [
  'session.changed',
  'circles.changed',
  'conversations.changed',
  'messages.changed',
  'clients.changed',
  'referrals.changed',
  'sync.changed',
  'app.open',
  'app.notify',
  'updates.changed',
  'outbox.changed',
] as const

export type CallName = (typeof CALL_NAMES)[number]
export type EventName = (typeof EVENT_NAMES)[number]

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENT_NAMES as readonly string[]).includes(name)
}

/** The channel names on which IPC travels: calls on `plannr:call:<name>`, events on `plannr:event`. */
export const CALL_CHANNEL_PREFIX = 'plannr:call:'
export const EVENT_CHANNEL = 'plannr:event'
