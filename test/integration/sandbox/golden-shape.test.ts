import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../../src/main/sandbox'
import { adviserAccount, call } from './helpers'

/*
 * The sandbox answers in Plannr's wire format, as the golden fixtures (the seed pages' examples) pin it:
 * every key a fixture has, the sandbox's answers have too, with the same JSON type (or null, for a
 * field a record may leave empty). Read as raw JSON, with none of the client's schemas: a mistake the
 * client and the sandbox shared would otherwise pass both.
 */

type JsonType = 'null' | 'array' | 'object' | 'string' | 'number' | 'boolean'

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value as JsonType
}

/** path → the JSON types seen there; array items share the path `[]`. */
function shapes(value: unknown, path = '$', into = new Map<string, Set<JsonType>>()): Map<string, Set<JsonType>> {
  const type = jsonType(value)
  let seen = into.get(path)
  if (!seen) into.set(path, (seen = new Set()))
  seen.add(type)
  if (type === 'array') for (const item of value as unknown[]) shapes(item, `${path}[]`, into)
  if (type === 'object') for (const [key, child] of Object.entries(value as Record<string, unknown>)) shapes(child, `${path}.${key}`, into)
  return into
}

/** Where the sandbox's answers differ from the fixture's shape. */
function differences(fixture: unknown, answers: unknown[]): string[] {
  const expected = shapes(fixture)
  const actual = new Map<string, Set<JsonType>>()
  for (const answer of answers) shapes(answer, '$', actual)
  const problems: string[] = []
  for (const [path, types] of expected) {
    const [type] = [...types]
    const seen = actual.get(path)
    if (!seen) problems.push(`${path}: missing`)
    else if (!seen.has(type as JsonType)) problems.push(`${path}: ${[...seen].join('|')} instead of ${type}`)
    else if ([...seen].some((other) => other !== type && other !== 'null')) problems.push(`${path}: also ${[...seen].join('|')}`)
  }
  return problems
}

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(__dirname, '../../fixtures/plannr', name), 'utf8'))

describe('the sandbox answers in the golden fixtures’ shape', () => {
  let sandbox: Sandbox
  let account: string

  beforeAll(async () => {
    sandbox = await startSandbox({ size: 'small' })
    account = await adviserAccount(sandbox)
  })
  afterAll(() => sandbox.close())

  const get = async (path: string): Promise<{ data: unknown[] }> => {
    const { status, json } = await call(sandbox, path, { account })
    expect(status, path).toBe(200)
    return json as { data: unknown[] }
  }

  it('referral connections', async () => {
    const { data } = await get('/api/v1/referral-connections?per_page=500')
    expect(differences(fixture('referral-connection.json'), data)).toEqual([])
  })

  it('conversations, with every relation', async () => {
    const { data } = await get(
      '/api/v1/conversation?filter[archived]=with&per_page=500&include=participants,participants_count,latest_message,messages_count,files_count,case,tags',
    )
    expect(differences(fixture('conversation.json'), data)).toEqual([])
  })

  it('the answer to creating a conversation', async () => {
    const { status, json } = await call(sandbox, '/api/v1/conversation', { account, method: 'POST', body: { name: 'Golden shape' } })
    expect(status).toBe(200)
    const expected = fixture('conversation.json') as Record<string, unknown>
    // A new conversation has no case, messages or tags yet: its shape is checked without them.
    const { case: _case, latest_message: _latest, tags: _tags, ...rest } = expected
    expect(differences(rest, [json])).toEqual([])
  })

  it('contact details, with their owners', async () => {
    const { data } = await get('/api/v2/contact-details?per_page=500&include=accounts,primary_accounts')
    expect(differences(fixture('contact-detail.json'), data.filter((d) => (d as { type: string }).type === 'phone_number'))).toEqual([])
  })

  it('a page of circles, with accounts and groups', async () => {
    const page = await get('/api/v1/circles?per_page=500&include=accounts,groups')
    expect(differences(fixture('circles-list.json'), [page])).toEqual([])
  })
})
