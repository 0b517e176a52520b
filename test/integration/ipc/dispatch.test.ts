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

const withoutInput: Case[] = [
  { label: 'an extra key', input: { extra: 1 } },
  ...PROTO_INPUTS.map(([label, input]) => ({ label, input })),
  ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
]

const MALFORMED: Record<CallName, Case[]> = {
  'app.info': withoutInput,
  'session.status': withoutInput,
  'session.signOut': withoutInput,
  'session.startDemo': withoutInput,
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
    ...PROTO_INPUTS.map(([label, input]) => ({ label, input })),
    ...NOT_OBJECTS.map(([label, input]) => ({ label, input })),
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
      demo: async () => ({ apiUrl: sandbox.url, token: SANDBOX_TOKENS.adviser }),
      log,
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

  it('sent nothing to Plannr for any of them', () => {
    expect(sandbox.requests).toEqual([])
  })

  it('left Object.prototype unpolluted', () => {
    expect(Object.prototype).not.toHaveProperty('polluted')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted')
  })

  it('logged no internal error: every rejection was anticipated', () => {
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([])
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
