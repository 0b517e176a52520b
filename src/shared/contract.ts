import { z } from 'zod'
import type { CallName, EventName } from './contract-names'
import { AppInfo } from './models/app-info'
import { AccountOption, AccountSearch, ClientSearchRecord, ClientsPage, ClientsQuery } from './models/accounts'
import { CircleDetail, CircleFilterOptions, CircleSearchRecord, CirclesPage, CirclesQuery } from './models/circles'
import { Id, PersonRef } from './models/common'
import { AppSettings, MessageNotification, OpenTarget, SettingsPatch } from './models/desktop'
import { ContactDetailEdit, ContactDetailView, NewContactDetail } from './models/contacts'
import {
  CaseOption,
  ConversationDetail,
  ConversationRow,
  ConversationsPage,
  ConversationsQuery,
  KnownCasesQuery,
  MessageContents,
  MessagesPage,
  MessagesQuery,
  MessageView,
  NewConversation,
} from './models/conversations'
import { OutboxRetry, OutboxSummary } from './models/outbox'
import { QuickRecord, QuickSearchQuery, QuickSearchResult } from './models/quick-search'
import { IndexSince, indexChanges } from './models/search-index'
import { ReferralRow, ReferralsPage, ReferralsQuery } from './models/referrals'
import { AdviserKey } from './plannr/referral-connection'
import { SessionStatus } from './models/session'
import { CircleMemberQuery, CirclePick, CirclePickQuery, SyncStatus } from './models/sync'
import { RestartOutcome, UpdateState } from './models/updates'

/**
 * The one contract between the renderer and main: every call's input and output, every event's
 * payload. Main parses every input against it; the renderer's typed client is inferred from it.
 * Inputs are strict objects: an unexpected key is an error, not something silently dropped.
 */

const NoInput = z.strictObject({})

/** A pasted personal access token: printable ASCII, no whitespace inside, bounded in size. */
const Token = z
  .string()
  .trim()
  .min(1, 'Paste your personal access token')
  .max(4096, 'That is too long to be a Plannr token')
  .regex(/^[\x21-\x7e]+$/, 'A token has no spaces or unusual characters — check that it was copied whole')

export const contract = {
  calls: {
    'app.info': { input: NoInput, output: AppInfo },
    'session.status': { input: NoInput, output: SessionStatus },
    'session.signInWithToken': { input: z.strictObject({ token: Token }), output: SessionStatus },
    /** Opens Plannr's sign-in page in the browser and waits (up to 5 minutes) for it to come back. */
    'session.signInWithPlannr': { input: NoInput, output: SessionStatus },
    /** Stops waiting for the browser: the pending signInWithPlannr ends with "Sign-in cancelled." */
    'session.cancelSignIn': { input: NoInput, output: SessionStatus },
    'session.chooseAccount': {
      input: z.strictObject({ accountUuid: z.string().min(1).max(100) }),
      output: SessionStatus,
    },
    'session.signOut': { input: NoInput, output: SessionStatus },
    'session.startDemo': { input: NoInput, output: SessionStatus },
    'circles.list': { input: CirclesQuery, output: CirclesPage },
    /** The window's own search index of the circles: all of them once, then what changed since. */
    'circles.searchIndex': { input: IndexSince, output: indexChanges(CircleSearchRecord) },
    'circles.filterOptions': { input: NoInput, output: CircleFilterOptions },
    'circles.get': { input: z.strictObject({ uuid: Id }), output: CircleDetail },
    /** Circles by name for a picker, from the store: a few rows, not every circle with its members. */
    'circles.pick': { input: CirclePickQuery, output: z.array(CirclePick) },
    /** Members of the firm's circles by name, for the circles list's member filter. */
    'circles.members': { input: CircleMemberQuery, output: z.array(PersonRef) },

    'conversations.list': { input: ConversationsQuery, output: ConversationsPage },
    'conversations.get': { input: z.strictObject({ uuid: Id }), output: ConversationDetail },
    'conversations.create': { input: NewConversation, output: ConversationRow },
    'conversations.pin': { input: z.strictObject({ uuid: Id, pin: z.boolean() }), output: ConversationRow },
    /** The quick switcher's index of the conversations, kept in the window: all of them once, then what changed since. */
    'conversations.searchIndex': { input: IndexSince, output: indexChanges(QuickRecord) },
    'conversations.cases': { input: KnownCasesQuery, output: z.array(CaseOption) },
    'messages.list': { input: MessagesQuery, output: MessagesPage },
    'messages.send': {
      input: z.strictObject({ conversationUuid: Id, contents: MessageContents }),
      output: MessageView,
    },
    'messages.edit': {
      input: z.strictObject({ conversationUuid: Id, messageUuid: Id, contents: MessageContents }),
      output: MessageView,
    },

    'accounts.search': { input: AccountSearch, output: z.array(AccountOption) },
    'clients.list': { input: ClientsQuery, output: ClientsPage },
    /** The window's own search index of the clients: all of them once, then what changed since. */
    'clients.searchIndex': { input: IndexSince, output: indexChanges(ClientSearchRecord) },
    'contacts.forClient': { input: z.strictObject({ clientUuid: Id }), output: z.array(ContactDetailView) },
    'contacts.add': { input: NewContactDetail, output: ContactDetailView },
    'contacts.update': { input: ContactDetailEdit, output: ContactDetailView },

    'referrals.list': { input: ReferralsQuery, output: ReferralsPage },
    'referrals.connect': { input: z.strictObject({ adviserKey: AdviserKey }), output: ReferralRow },

    'search.quick': { input: QuickSearchQuery, output: z.array(QuickSearchResult) },

    'sync.status': { input: NoInput, output: SyncStatus },
    /** A full pass of every list opened this run: picks up changes and drops what Plannr deleted. */
    'sync.now': { input: NoInput, output: SyncStatus },
    /** What a deep link, a clicked notification or the menu asked to open and the window has not opened yet; taken once. */
    'app.takeOpen': { input: NoInput, output: OpenTarget.nullable() },
    'updates.status': { input: NoInput, output: UpdateState },
    /** "Check for updates": resolves with the state the check ended in. */
    'updates.check': { input: NoInput, output: UpdateState },
    /** "Restart to update": asks first when changes have not reached Plannr yet. */
    'updates.restart': { input: NoInput, output: RestartOutcome },
    'settings.get': { input: NoInput, output: AppSettings },
    'settings.update': { input: SettingsPatch, output: AppSettings },

    /** The writes not yet on Plannr, with how each stands. */
    'outbox.list': { input: NoInput, output: OutboxSummary },
    /** Sends one again now, with the user's fix when given. */
    'outbox.retry': { input: OutboxRetry, output: OutboxSummary },
    /** Gives one up: its change is taken back, with the writes that depend on it. */
    'outbox.discard': { input: z.strictObject({ id: z.string().min(1).max(100) }), output: OutboxSummary },
  },
  events: {
    'session.changed': SessionStatus,
    /** The cached circles changed: re-query what is on screen. */
    'circles.changed': z.object({ syncedAt: z.string().nullable() }),
    /** `replaced`: a conversation started here reached Plannr, and its temporary id gave way to Plannr's. */
    'conversations.changed': z.object({ syncedAt: z.string().nullable(), replaced: z.object({ from: z.string(), to: z.string() }).optional() }),
    /** Messages of this conversation changed (sent, edited, or fetched anew). */
    'messages.changed': z.object({ conversationUuid: z.string() }),
    'clients.changed': z.object({ syncedAt: z.string().nullable() }),
    /** `replaced`: a referral request made here reached Plannr, and its temporary id gave way to Plannr's. */
    'referrals.changed': z.object({ syncedAt: z.string().nullable(), replaced: z.object({ from: z.string(), to: z.string() }).optional() }),
    /** Connection, progress, pauses and notices changed: the status bar re-renders. */
    'sync.changed': SyncStatus,
    /** Something asked the window to open this (take it with app.takeOpen, so it is opened once). */
    'app.open': OpenTarget,
    /** Web preview only: the page shows this with the browser's Notification API (Electron shows its own). */
    'app.notify': MessageNotification,
    'updates.changed': UpdateState,
    /** The unsent writes changed (one queued, sent, refused …). */
    'outbox.changed': OutboxSummary,
  },
} as const satisfies {
  calls: Record<CallName, { input: z.ZodType; output: z.ZodType }>
  events: Record<EventName, z.ZodType>
}

// The compiler checks both directions: every name has an entry (above) and every entry has a name (here).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const _callsMatchNames: Exact<keyof typeof contract.calls, CallName> = true
const _eventsMatchNames: Exact<keyof typeof contract.events, EventName> = true
void _callsMatchNames
void _eventsMatchNames

export type Calls = typeof contract.calls
export type Events = typeof contract.events
/** What a caller passes: defaults may be left out. */
export type CallInput<N extends CallName> = z.input<Calls[N]['input']>
/** What a handler receives: defaults filled in. */
export type ParsedInput<N extends CallName> = z.output<Calls[N]['input']>
export type CallOutput<N extends CallName> = z.output<Calls[N]['output']>
export type EventPayload<N extends EventName> = z.output<Events[N]>

export { CALL_NAMES, EVENT_NAMES, isCallName, isEventName } from './contract-names'
export type { CallName, EventName } from './contract-names'
