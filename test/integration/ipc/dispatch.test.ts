import { tempDataDir } from '../../support/core-harness'
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, type CallName } from '@shared/contract-names'
import type { Result } from '@shared/result'
import { createCore, type Core } from '../../../src/main/core'
import { memoryLog } from '../../../src/main/core/log'
import { startSandbox, SANDBOX_TOKENS, type Sandbox } from '../../../src/main/sandbox'

/*
 * The contract binding is the renderer's only way into main, and a renderer is treated like a stranger:
 * whatever it sends must come back as a structured error, never reach Plannr, never throw, never
 * pollute a prototype, and leave the dispatcher answering.
 */

/** Parsed from JSON so that `__proto__` and `constructor` are own properties, as they would be off the wire. */
const json = (text: string): unknown => JSON.parse(text)

const PROTO_INPUTS: ReadonlyArray<[string, unknown]> = [
  ['an own __proto__ key', json('{"__proto__": {"polluted": "yes"}}')],
  ['a constructor.prototype key', json('{"constructor": {"prototype": {"polluted": "yes"}}}')],
  ['a prototype key', json('{"prototype": {"polluted": "yes"}}')],
]

/** Shapes that are not an input object at all. null/undefined mean "no input" and are listed per call. */
const NOT_OBJECTS: ReadonlyArray<[string, unknown]> = [
  ['an array', []],
  ['an array holding an object', [{}]],
  ['a string', 'input'],
  ['a number', 42],
  ['a boolean', true],
  ['a function', () => ({})],
]

type Case = { label: string; input: unknown; field?: string }

/** The usual ways to get an id wrong, for a call whose input is `{ [field]: id }` (plus `rest`). */
function badIds(field: string, rest: Record<string, unknown> = {}): Case[] {
  return [
    { label: `a missing ${field}`, input: { ...rest }, field },
    { label: `a numeric ${field}`, input: { ...rest, [field]: 7 }, field },
    { label: `an empty ${field}`, input: { ...rest, [field]: '' }, field },
    { label: `a 10k-character ${field}`, input: { ...rest, [field]: 'u'.repeat(10_000) }, field },
    { label: `a ${field} with a path in it`, input: { ...rest, [field]: '../../api/v1/me' }, field },
    { label: `a ${field} with a query in it`, input: { ...rest, [field]: 'abc?filter[name]=x' }, field },
  ]
}

/** Paging mistakes shared by every list. */
const BAD_PAGING: Case[] = [
  { label: 'a 10k-character search', input: { search: 's'.repeat(10_000) }, field: 'search' },
  { label: 'a numeric search', input: { search: 5 }, field: 'search' },
  { label: 'a negative offset', input: { offset: -1 }, field: 'offset' },
  { label: 'a NaN offset', input: { offset: Number.NaN }, field: 'offset' },
  { label: 'a limit above 500', input: { limit: 501 }, field: 'limit' },
  { label: 'a string limit', input: { limit: '10' }, field: 'limit' },
  { label: 'an extra key', input: { search: '', extra: true } },
]

const GARBAGE: Case[] = [
  ...PROTO_INPUTS.map(([label, input]) => ({ label, input })),
  ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
]

const UUID = '0b6f4a52-3a4e-4d2b-9c55-1f0c8a7e9d10'
const CONTACT = { type: 'email', description: 'Home email', value: 'a@example.co.uk', ownerUuids: [UUID] }

/** Bad input to the searchable pickers' calls (circles.pick, circles.members). */
const BAD_PICKS: Case[] = [
  { label: 'a 10k-character search', input: { search: 's'.repeat(10_000) }, field: 'search' },
  { label: 'a numeric search', input: { search: 5 }, field: 'search' },
  { label: 'a zero limit', input: { limit: 0 }, field: 'limit' },
  { label: 'a limit above 50', input: { limit: 51 }, field: 'limit' },
  { label: 'a selected choice that is not an id', input: { selected: 'a,b' }, field: 'selected' },
  { label: 'an extra key', input: { search: '', include: 'accounts' } },
  ...GARBAGE,
]

const withoutInput: Case[] = [
  { label: 'an extra key', input: { extra: 1 } },
  ...PROTO_INPUTS.map(([label, input]) => ({ label, input })),
  ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
]

/** Where a window's search index is: its feed's epoch and revision, and the slice of a whole list it wants. */
const BAD_INDEX_POSITION: Case[] = [
  { label: 'a numeric epoch', input: { epoch: 5 }, field: 'epoch' },
  { label: 'an empty epoch', input: { epoch: '' }, field: 'epoch' },
  { label: 'a 10k-character epoch', input: { epoch: 'e'.repeat(10_000) }, field: 'epoch' },
  { label: 'a negative revision', input: { epoch: 'e', rev: -1 }, field: 'rev' },
  { label: 'a fractional revision', input: { rev: 1.5 }, field: 'rev' },
  { label: 'a string revision', input: { rev: '3' }, field: 'rev' },
  { label: 'an extra key', input: { rev: 0, all: true } },
  { label: 'a negative offset', input: { offset: -1 }, field: 'offset' },
  { label: 'a fractional offset', input: { offset: 2.5 }, field: 'offset' },
  { label: 'a string offset', input: { offset: '2000' }, field: 'offset' },
  { label: 'a huge offset', input: { offset: 1e12 }, field: 'offset' },
  { label: 'a zero limit', input: { limit: 0 }, field: 'limit' },
  { label: 'a limit above 10,000', input: { limit: 10_001 }, field: 'limit' },
  { label: 'a NaN limit', input: { limit: Number.NaN }, field: 'limit' },
  ...GARBAGE,
]

const MALFORMED: Record<CallName, Case[]> = {
  'app.info': withoutInput,
  'session.status': withoutInput,
  'session.signOut': withoutInput,
  'session.startDemo': withoutInput,
  'session.signInWithPlannr': withoutInput,
  'session.cancelSignIn': withoutInput,
  'session.signInWithToken': [
    { label: 'null', input: null, field: 'token' },
    { label: 'undefined', input: undefined, field: 'token' },
    { label: 'a missing token', input: {}, field: 'token' },
    { label: 'a numeric token', input: { token: 42 }, field: 'token' },
    { label: 'a null token', input: { token: null }, field: 'token' },
    { label: 'an array token', input: { token: ['plannr-demo-adviser'] }, field: 'token' },
    { label: 'an object token', input: { token: { toString: 'x' } }, field: 'token' },
    { label: 'an empty token', input: { token: '' }, field: 'token' },
    { label: 'a blank token', input: { token: '   \n\t' }, field: 'token' },
    { label: 'a token with a space inside', input: { token: 'plannr demo' }, field: 'token' },
    { label: 'a token with a control character', input: { token: 'plannr\u0000demo' }, field: 'token' },
    { label: 'a non-ASCII token', input: { token: 'plännr' }, field: 'token' },
    { label: 'a 1 MB token', input: { token: 'a'.repeat(1024 * 1024) }, field: 'token' },
    { label: 'a valid token with an extra key', input: { token: SANDBOX_TOKENS.adviser, remember: true } },
    { label: 'a token beside __proto__', input: json(`{"token": "${SANDBOX_TOKENS.adviser}", "__proto__": {"polluted": "yes"}}`) },
    ...PROTO_INPUTS.map(([label, input]) => ({ label, input, field: 'token' })),
    ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
  ],
  'session.chooseAccount': [
    { label: 'null', input: null, field: 'accountUuid' },
    { label: 'undefined', input: undefined, field: 'accountUuid' },
    { label: 'a missing accountUuid', input: {}, field: 'accountUuid' },
    { label: 'a numeric accountUuid', input: { accountUuid: 7 }, field: 'accountUuid' },
    { label: 'an empty accountUuid', input: { accountUuid: '' }, field: 'accountUuid' },
    { label: 'a 10k-character accountUuid', input: { accountUuid: 'u'.repeat(10_000) }, field: 'accountUuid' },
    { label: 'an extra key', input: { accountUuid: 'a', extra: 1 } },
    ...PROTO_INPUTS.map(([label, input]) => ({ label, input, field: 'accountUuid' })),
    ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
  ],
  'circles.list': [
    { label: 'a 10k-character search', input: { search: 's'.repeat(10_000) }, field: 'search' },
    { label: 'a numeric search', input: { search: 5 }, field: 'search' },
    { label: 'an unknown sort', input: { sort: 'password' }, field: 'sort' },
    { label: 'an unknown direction', input: { direction: 'sideways' }, field: 'direction' },
    { label: 'a negative offset', input: { offset: -1 }, field: 'offset' },
    { label: 'a fractional offset', input: { offset: 1.5 }, field: 'offset' },
    { label: 'a NaN offset', input: { offset: Number.NaN }, field: 'offset' },
    { label: 'a huge offset', input: { offset: 1e12 }, field: 'offset' },
    { label: 'a zero limit', input: { limit: 0 }, field: 'limit' },
    { label: 'a limit above 500', input: { limit: 501 }, field: 'limit' },
    { label: 'a string limit', input: { limit: '10' }, field: 'limit' },
    { label: 'an extra key', input: { search: '', extra: true } },
    { label: 'a member filter that is not an id', input: { accountUuid: 'a,b' }, field: 'accountUuid' },
    { label: 'a numeric group filter', input: { groupUuid: 3 }, field: 'groupUuid' },
    ...PROTO_INPUTS.map(([label, input]) => ({ label, input })),
    ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
  ],
  'circles.searchIndex': BAD_INDEX_POSITION,
  'circles.filterOptions': withoutInput,
  'circles.pick': BAD_PICKS,
  'circles.members': BAD_PICKS,
  'circles.get': [...badIds('uuid'), { label: 'an extra key', input: { uuid: UUID, include: 'firm' } }, ...GARBAGE],
  'conversations.list': [
    ...BAD_PAGING,
    { label: 'an unknown archived filter', input: { archived: 'yes' }, field: 'archived' },
    { label: 'a circle filter with a path in it', input: { circleUuid: '../me' }, field: 'circleUuid' },
    ...GARBAGE,
  ],
  'conversations.get': [...badIds('uuid'), ...GARBAGE],
  'conversations.create': [
    { label: 'a missing title', input: {}, field: 'name' },
    { label: 'a blank title', input: { name: '   ' }, field: 'name' },
    { label: 'a 256-character title', input: { name: 't'.repeat(256) }, field: 'name' },
    { label: 'a numeric title', input: { name: 12 }, field: 'name' },
    { label: 'participants that are not a list', input: { name: 'Review', participantUuids: UUID }, field: 'participantUuids' },
    { label: 'a participant that is not an id', input: { name: 'Review', participantUuids: [{ uuid: UUID }] }, field: 'participantUuids.0' },
    { label: '101 participants', input: { name: 'Review', participantUuids: Array.from({ length: 101 }, () => UUID) }, field: 'participantUuids' },
    { label: 'a case id with a path in it', input: { name: 'Review', caseUuid: '../x' }, field: 'caseUuid' },
    { label: 'an extra key', input: { name: 'Review', slug: 'review' } },
    ...GARBAGE,
  ],
  'conversations.searchIndex': BAD_INDEX_POSITION,
  'conversations.pin': [
    ...badIds('uuid', { pin: true }),
    { label: 'a string pin', input: { uuid: UUID, pin: 'true' }, field: 'pin' },
    { label: 'a missing pin', input: { uuid: UUID }, field: 'pin' },
    ...GARBAGE,
  ],
  'conversations.cases': [
    { label: 'participants that are not a list', input: { participantUuids: UUID }, field: 'participantUuids' },
    { label: 'a participant that is not an id', input: { participantUuids: ['a,b'] }, field: 'participantUuids.0' },
    { label: '101 participants', input: { participantUuids: Array.from({ length: 101 }, () => UUID) }, field: 'participantUuids' },
    { label: 'an extra key', input: { participantUuids: [], circleUuid: UUID } },
    ...GARBAGE,
  ],
  'messages.list': [
    ...badIds('conversationUuid'),
    { label: 'a zero page', input: { conversationUuid: UUID, page: 0 }, field: 'page' },
    { label: 'a fractional page', input: { conversationUuid: UUID, page: 1.5 }, field: 'page' },
    ...GARBAGE,
  ],
  'messages.send': [
    ...badIds('conversationUuid', { contents: 'Hello' }),
    { label: 'empty contents', input: { conversationUuid: UUID, contents: '' }, field: 'contents' },
    { label: 'blank contents', input: { conversationUuid: UUID, contents: ' \n ' }, field: 'contents' },
    { label: 'contents over 10,000 characters', input: { conversationUuid: UUID, contents: 'x'.repeat(10_001) }, field: 'contents' },
    { label: 'an extra files key', input: { conversationUuid: UUID, contents: 'Hi', files: [] } },
    ...GARBAGE,
  ],
  'messages.edit': [
    ...badIds('messageUuid', { conversationUuid: UUID, contents: 'Edited' }),
    { label: 'empty contents', input: { conversationUuid: UUID, messageUuid: UUID, contents: '' }, field: 'contents' },
    ...GARBAGE,
  ],
  'accounts.search': [
    { label: 'a missing query', input: {}, field: 'query' },
    { label: 'a blank query', input: { query: '  ' }, field: 'query' },
    { label: 'a 10k-character query', input: { query: 'q'.repeat(10_000) }, field: 'query' },
    { label: 'an unknown account type', input: { query: 'sm', types: ['admin'] }, field: 'types.0' },
    { label: 'no account types', input: { query: 'sm', types: [] }, field: 'types' },
    { label: 'a limit above 50', input: { query: 'sm', limit: 51 }, field: 'limit' },
    ...GARBAGE,
  ],
  'clients.searchIndex': BAD_INDEX_POSITION,
  'clients.list': [...BAD_PAGING, { label: 'a client id with a comma', input: { uuid: 'a,b' }, field: 'uuid' }, ...GARBAGE],
  'contacts.forClient': [...badIds('clientUuid'), ...GARBAGE],
  'contacts.add': [
    { label: 'an unknown type', input: { ...CONTACT, type: 'fax' }, field: 'type' },
    { label: 'a missing description', input: { ...CONTACT, description: undefined }, field: 'description' },
    { label: 'a 256-character description', input: { ...CONTACT, description: 'd'.repeat(256) }, field: 'description' },
    { label: 'a blank value', input: { ...CONTACT, value: '  ' }, field: 'value' },
    { label: 'a value over 320 characters', input: { ...CONTACT, value: 'v'.repeat(321) }, field: 'value' },
    { label: 'a lower-case country', input: { ...CONTACT, type: 'phone_number', value: '0400 000 000', country: 'au' }, field: 'country' },
    { label: 'no owners', input: { ...CONTACT, ownerUuids: [] }, field: 'ownerUuids' },
    { label: 'an owner that is not an id', input: { ...CONTACT, ownerUuids: ['a b'] }, field: 'ownerUuids.0' },
    { label: 'a string isPrimary', input: { ...CONTACT, isPrimary: 'yes' }, field: 'isPrimary' },
    { label: 'an extra key', input: { ...CONTACT, is_primary: true } },
    ...GARBAGE,
  ],
  'contacts.update': [
    ...badIds('uuid', CONTACT),
    { label: 'a missing type', input: { ...CONTACT, uuid: UUID, type: undefined }, field: 'type' },
    { label: 'no owners', input: { ...CONTACT, uuid: UUID, ownerUuids: [] }, field: 'ownerUuids' },
    ...GARBAGE,
  ],
  'referrals.list': [
    { label: 'an unknown status', input: { status: 'cancelled' }, field: 'status' },
    { label: 'an unknown direction', input: { direction: 'both' }, field: 'direction' },
    { label: 'an extra key', input: { status: 'all', page: 2 } },
    ...GARBAGE,
  ],
  'referrals.connect': [
    { label: 'a missing code', input: {}, field: 'adviserKey' },
    { label: 'a 7-character code', input: { adviserKey: 'ABC1234' }, field: 'adviserKey' },
    { label: 'a 9-character code', input: { adviserKey: 'ABC123456' }, field: 'adviserKey' },
    { label: 'a code with an underscore', input: { adviserKey: 'ABC_1234' }, field: 'adviserKey' },
    { label: 'a numeric code', input: { adviserKey: 12345678 }, field: 'adviserKey' },
    { label: 'an extra key', input: { adviserKey: 'MMP1F6K8', message: 'hi' } },
    ...GARBAGE,
  ],
  'search.quick': [
    { label: 'a missing query', input: {}, field: 'query' },
    { label: 'a blank query', input: { query: ' ' }, field: 'query' },
    { label: 'a 10k-character query', input: { query: 'q'.repeat(10_000) }, field: 'query' },
    { label: 'a limit above 50', input: { query: 'pa', limit: 51 }, field: 'limit' },
    ...GARBAGE,
  ],
  'sync.status': withoutInput,
  'sync.now': withoutInput,
  'app.takeOpen': withoutInput,
  'updates.status': withoutInput,
  'updates.check': withoutInput,
  'updates.restart': withoutInput,
  'settings.get': withoutInput,
  'settings.update': [
    { label: 'a string for notifications', input: { notifications: 'off' }, field: 'notifications' },
    { label: 'a null for notifications', input: { notifications: null }, field: 'notifications' },
    { label: 'an unknown setting', input: { notifications: true, updateFeedUrl: 'http://evil.example' } },
    ...GARBAGE,
  ],
  'outbox.list': withoutInput,
  'outbox.retry': [
    { label: 'a missing id', input: {}, field: 'id' },
    { label: 'an empty id', input: { id: '' }, field: 'id' },
    { label: 'a fix for a field that cannot be changed', input: { id: UUID, fix: { field: 'type', value: 'x' } }, field: 'fix.field' },
    { label: 'an extra key', input: { id: UUID, now: true } },
    ...GARBAGE,
  ],
  'outbox.discard': [
    { label: 'a missing id', input: {}, field: 'id' },
    { label: 'a numeric id', input: { id: 5 }, field: 'id' },
    ...GARBAGE,
  ],
}

const UNKNOWN_NAMES: ReadonlyArray<[string, unknown]> = [
  ['an unlisted name', 'circles.delete'],
  ['an empty name', ''],
  ['a name with a trailing space', 'app.info '],
  ['a name in the wrong case', 'APP.INFO'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['toString', 'toString'],
  ['hasOwnProperty', 'hasOwnProperty'],
  ['a channel-prefixed name', 'plannr:call:app.info'],
  ['a 10k-character name', 'x'.repeat(10_000)],
  ['a number', 42],
  ['null', null],
  ['undefined', undefined],
  ['an object', { name: 'app.info' }],
  ['an array', ['app.info']],
  ['a symbol', Symbol('app.info')],
  ['a String object', new String('app.info')],
  ['an object whose toString is a string', json('{"toString": "app.info"}')],
  ['an object whose toString is a number', json('{"toString": 1, "valueOf": 2}')],
  ['an array of objects', json('[{"toString": "app.info"}]')],
  ['a NaN', Number.NaN],
  ['a BigInt', 10n],
  ['an object with a throwing toString', { toString: () => { throw new Error('toString') } }],
  ['an object with a throwing valueOf getter', { get valueOf(): never { throw new Error('valueOf') }, [Symbol.toPrimitive]: undefined }],
  ['an object with a throwing Symbol.toPrimitive', { [Symbol.toPrimitive]: () => { throw new Error('toPrimitive') } }],
  ['an object without a prototype', Object.create(null) as unknown],
]

/** Inputs whose every property read throws: nothing may reach a schema that reads them unguarded. */
const HOSTILE_INPUTS: ReadonlyArray<[string, unknown]> = [
  ['an input whose getter throws', Object.defineProperty({}, 'search', { enumerable: true, get: () => { throw new Error('getter') } })],
  [
    'a Proxy whose every trap throws',
    new Proxy({}, { get: () => { throw new Error('get') }, ownKeys: () => { throw new Error('ownKeys') }, getPrototypeOf: () => { throw new Error('proto') } }),
  ],
]

function expectError(result: Result<unknown>, code: string): Extract<Result<unknown>, { ok: false }>['error'] {
  expect(result.ok).toBe(false)
  if (result.ok) throw new Error('unreachable')
  expect(result.error.code).toBe(code)
  expect(typeof result.error.message).toBe('string')
  // An error never echoes a huge input back across the boundary.
  expect(JSON.stringify(result).length).toBeLessThan(20_000)
  return result.error
}

describe('the contract binding (core.dispatch) against malformed input', () => {
  let sandbox: Sandbox
  let core: Core
  const log = memoryLog()

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    core = createCore({
      shell: 'web-preview',
      version: '0.0.0-test',
      platform: process.platform,
      apiUrl: sandbox.url,
      // A service of its own, so a real keychain entry (if any) is never touched and is removed by sign-out.
      keychainService: `Plannr Desktop test ${randomUUID()}`,
      ports: { openExternal: async () => {} },
      demo: async () => ({ apiUrl: sandbox.url, token: SANDBOX_TOKENS.adviser }),
      log,
      dataDir: tempDataDir(),
    })
    sandbox.clearRequests()
  })

  afterAll(async () => {
    await core?.dispatch('session.signOut', {})
    await core?.close()
    await sandbox?.close()
  })

  it('lists a malformed-input table for every call the contract has', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...CALL_NAMES].sort())
  })

  for (const name of CALL_NAMES) {
    describe(name, () => {
      for (const { label, input, field } of MALFORMED[name]) {
        it(`rejects ${label} with invalid_input${field ? ` on ${field}` : ''}`, async () => {
          const error = expectError(await core.dispatch(name, input), 'invalid_input')
          expect(error.fields).toBeDefined()
          if (field) expect(Object.keys(error.fields ?? {})).toContain(field)
        })
      }
    })
  }

  for (const [label, name] of UNKNOWN_NAMES) {
    it(`rejects ${label} as a call name with unknown_call`, async () => {
      expectError(await core.dispatch(name, {}), 'unknown_call')
    })
  }

  for (const [label, input] of HOSTILE_INPUTS) {
    it(`answers ${label} with a structured error and keeps running`, async () => {
      const result = await core.dispatch('circles.list', input)
      expect(result.ok).toBe(false)
      expect(await core.dispatch('app.info', {})).toMatchObject({ ok: true })
    })
  }

  it('sent nothing to Plannr for any of them', () => {
    expect(sandbox.requests).toEqual([])
  })

  it('left Object.prototype unpolluted', () => {
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
  })

  it('logged no internal error but for the hostile inputs: every other rejection was anticipated', () => {
    expect(log.entries.filter((entry) => entry.level === 'error')).toHaveLength(HOSTILE_INPUTS.length)
  })

  it('still answers valid calls afterwards, including a real sign-in against the sandbox', async () => {
    const info = await core.dispatch('app.info', {})
    expect(info).toMatchObject({ ok: true, value: { shell: 'web-preview', version: '0.0.0-test' } })

    // No input at all means "no input", for calls that take none.
    expect(await core.dispatch('session.status', undefined)).toMatchObject({ ok: true, value: { state: 'signed-out' } })

    const signedIn = await core.dispatch('session.signInWithToken', { token: `  ${SANDBOX_TOKENS.adviser}\n` })
    expect(signedIn).toMatchObject({ ok: true, value: { state: 'signed-in' } })
    expect(JSON.stringify(signedIn)).not.toContain(SANDBOX_TOKENS.adviser)

    const page = await core.dispatch('circles.list', { limit: 5 })
    expect(page).toMatchObject({ ok: true })
    if (page.ok) expect((page.value as { rows: unknown[] }).rows.length).toBeLessThanOrEqual(5)

    expect(await core.dispatch('session.signOut', {})).toMatchObject({ ok: true, value: { state: 'signed-out' } })
  })
})
