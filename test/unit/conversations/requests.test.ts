import { describe, expect, it } from 'vitest'
import { CreateConversationBody } from '@shared/plannr'
import {
  createConversationBody,
  filterKey,
  listParams,
  mapValidationFields,
  toInputField,
} from '../../../src/main/core/features/conversations/requests'

describe('POST /api/v1/conversation body (seed 001)', () => {
  it('is just {name} when no case and no participants are given', () => {
    const body = createConversationBody({ name: 'Annual Review', caseUuid: null, participantUuids: [] })
    expect(body).toEqual({ name: 'Annual Review' })
    expect(Object.keys(body)).toEqual(['name'])
  })

  it('carries case and participants under Plannr’s names, in the seed page’s order', () => {
    const body = createConversationBody({
      name: 'Annual Review',
      caseUuid: '84397b0d-7b51-41a9-a2b4-5344515bb695',
      participantUuids: ['3ad74822-d845-409f-b1f2-85a54ea6f293', 'f7e9f906-0a77-4810-87d3-0c47a8bd43e2'],
    })
    expect(JSON.stringify(body)).toBe(
      '{"name":"Annual Review","case":"84397b0d-7b51-41a9-a2b4-5344515bb695","participants":["3ad74822-d845-409f-b1f2-85a54ea6f293","f7e9f906-0a77-4810-87d3-0c47a8bd43e2"]}',
    )
    expect(CreateConversationBody.safeParse(body).success).toBe(true)
  })

  it('sends each participant once', () => {
    const body = createConversationBody({ name: 'x', caseUuid: null, participantUuids: ['a', 'b', 'a'] })
    expect(body.participants).toEqual(['a', 'b'])
  })
})

describe('422 fields → the contract’s input names', () => {
  it.each([
    ['name', 'name'],
    ['case', 'caseUuid'],
    ['participants', 'participantUuids'],
    ['participants.0', 'participantUuids'],
    ['participants.12', 'participantUuids'],
  ])('%s → %s', (plannr, input) => {
    expect(toInputField(plannr)).toBe(input)
  })

  it('gathers every participant’s message under one field without repeats', () => {
    expect(
      mapValidationFields({
        'participants.0': ['The selected participants.0 is invalid.'],
        'participants.1': ['The selected participants.1 is invalid.'],
        case: ['The selected case is invalid.'],
      }),
    ).toEqual({
      participantUuids: ['The selected participants.0 is invalid.', 'The selected participants.1 is invalid.'],
      caseUuid: ['The selected case is invalid.'],
    })
  })
})

describe('list request per filter', () => {
  it('leaves the default archived state to Plannr and asks for every relation the list shows', () => {
    const params = listParams({ archived: 'false', circleUuid: null })
    expect(params.archived).toBeUndefined()
    expect(params.circleUuids).toBeUndefined()
    expect(params.include).toEqual(['participants', 'participants_count', 'latest_message', 'messages_count', 'case', 'tags'])
  })

  it('passes archived and circle filters through', () => {
    expect(listParams({ archived: 'only', circleUuid: 'c-1' })).toMatchObject({ archived: 'only', circleUuids: ['c-1'] })
  })

  it('keys each combination apart', () => {
    const keys = new Set(
      (['false', 'only', 'with'] as const).flatMap((archived) => [null, 'c-1', 'c-2'].map((circleUuid) => filterKey({ archived, circleUuid }))),
    )
    expect(keys.size).toBe(9)
  })
})
