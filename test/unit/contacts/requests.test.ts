import { describe, expect, it } from 'vitest'
import { contract } from '@shared/contract'
import { CreateContactDetailBody, UpdateContactDetailBody } from '@shared/plannr'
import { AppError } from '@shared/result'
import {
  contactFieldErrors,
  createContactDetailBody,
  updateContactDetailBody,
} from '../../../src/main/core/features/contacts/requests'

const ALICE = 'eb9aa305-ed3b-49cb-99e1-f48dab69c0e3'
const BOB = '6b2af2f3-4486-4692-8e2b-0da3bcf5fd1d'

/** The input as main's handler receives it: parsed by the contract, defaults filled in. */
const newDetail = (input: Record<string, unknown>) => contract.calls['contacts.add'].input.parse(input)
const edit = (input: Record<string, unknown>) => contract.calls['contacts.update'].input.parse(input)

function validationFields(run: () => unknown): Record<string, string[]> {
  try {
    run()
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') return error.fields ?? {}
    throw error
  }
  throw new Error('expected a validation error')
}

describe('POST /api/v2/contact-details body (seed 002)', () => {
  it('sends a UK phone typed with spaces as E.164, with exactly the seed page’s six fields', () => {
    const body = createContactDetailBody(
      newDetail({
        type: 'phone_number',
        description: ' Work phone number ',
        value: '0333 090 3630',
        isPrimary: true,
        ownerUuids: [ALICE, BOB],
        primaryOwnerUuids: [ALICE, BOB],
      }),
    )
    expect(body).toStrictEqual({
      type: 'phone_number',
      name: 'Work phone number',
      value: '+443330903630',
      is_primary: true,
      account_uuids: [ALICE, BOB],
      primary_account_uuids: [ALICE, BOB],
    })
    expect(CreateContactDetailBody.parse(body)).toEqual(body)
  })

  it('sends another country’s number as { country, number } in international form', () => {
    const body = createContactDetailBody(
      newDetail({ type: 'phone_number', description: 'Sydney office', value: '02 3456 7890', country: 'AU', ownerUuids: [ALICE] }),
    )
    expect(body).toStrictEqual({
      type: 'phone_number',
      name: 'Sydney office',
      value: { country: 'AU', number: '+61 2 3456 7890' },
      is_primary: false,
      account_uuids: [ALICE],
      primary_account_uuids: [],
    })
  })

  it('sends an email trimmed with its domain lower-cased', () => {
    const body = createContactDetailBody(
      newDetail({ type: 'email', description: 'Personal', value: ' Jane@Example.COM ', ownerUuids: [ALICE], primaryOwnerUuids: [ALICE] }),
    )
    expect(body).toMatchObject({ type: 'email', value: 'Jane@example.com', is_primary: false, primary_account_uuids: [ALICE] })
  })

  it('"Make primary" with no owner picked out makes it primary for every owner', () => {
    const body = createContactDetailBody(
      newDetail({ type: 'email', description: 'Joint', value: 'joint@example.com', isPrimary: true, ownerUuids: [ALICE, BOB, ALICE] }),
    )
    expect(body.account_uuids).toEqual([ALICE, BOB])
    expect(body.primary_account_uuids).toEqual([ALICE, BOB])
  })

  it('refuses a bad value at the value field, and a primary who is not an owner at primaryOwnerUuids', () => {
    expect(validationFields(() => createContactDetailBody(newDetail({ type: 'phone_number', description: 'Mobile', value: '0791', ownerUuids: [ALICE] })))).toEqual({
      value: [expect.stringContaining('UK phone number')],
    })
    expect(validationFields(() => createContactDetailBody(newDetail({ type: 'email', description: 'Work', value: 'jane@', ownerUuids: [ALICE] })))).toEqual({
      value: [expect.stringContaining('email address')],
    })
    expect(
      validationFields(() =>
        createContactDetailBody(newDetail({ type: 'email', description: 'Work', value: 'a@b.co', ownerUuids: [ALICE], primaryOwnerUuids: [BOB] })),
      ),
    ).toEqual({ primaryOwnerUuids: [expect.any(String)] })
  })
})

describe('PUT /api/v2/contact-details/{uuid} body', () => {
  it('has name, value and owners, and no type or is_primary', () => {
    const body = updateContactDetailBody(
      edit({ uuid: 'f36a95cd', type: 'phone_number', description: 'Mobile', value: '+44 (0)7911 123456', ownerUuids: [ALICE], primaryOwnerUuids: [] }),
    )
    expect(body).toStrictEqual({ name: 'Mobile', value: '+447911123456', account_uuids: [ALICE], primary_account_uuids: [] })
    expect(UpdateContactDetailBody.parse(body)).toEqual(body)
  })

  it('checks the value against the detail’s type', () => {
    expect(Object.keys(validationFields(() => updateContactDetailBody(edit({ uuid: 'x', type: 'email', description: 'E', value: '07911 123456', ownerUuids: [ALICE] }))))).toEqual(['value'])
  })
})

describe('a 422 from Plannr, keyed by the form’s fields', () => {
  it('maps Plannr’s field names to the contract’s input names, in the form’s words', () => {
    expect(
      contactFieldErrors({
        name: ['The name field is required.'],
        value: ['The value field must be a valid phone number.'],
        'value.country': ['The selected value.country is invalid.'],
        'account_uuids.0': ['The selected account_uuids.0 is invalid.'],
        'account_uuids.1': ['The selected account_uuids.1 is invalid.'],
        'primary_account_uuids.0': ['The selected primary_account_uuids.0 is invalid.'],
        type: ['The selected type is invalid.'],
        something_new: ['Plannr said no.'],
      }),
    ).toEqual({
      description: ['The description field is required.'],
      value: ['The value field must be a valid phone number.'],
      country: ['The selected country is invalid.'],
      ownerUuids: ['The selected owner is invalid.'],
      primaryOwnerUuids: ['The selected primary owner is invalid.'],
      type: ['The selected type is invalid.'],
      _: ['Plannr said no.'],
    })
  })
})
