import type { ContactDetailView } from '@shared/models/contacts'
import { AppError } from '@shared/result'
import type { ContactDetail } from '@shared/plannr'
import { createContactDetail, listContactDetails, PlannrError, updateContactDetail } from '../../plannr'
import type { FeatureDeps } from '../feature'
import type { ClientDirectory } from './clients'
import {
  contactFieldErrors,
  createContactDetailBody,
  INVALID_MESSAGE,
  updateContactDetailBody,
  type ContactDetailEditInput,
  type NewContactDetailInput,
} from './requests'
import { contactDetailView } from './views'

/** A 422 from Plannr, re-keyed to the form's field names; any other failure passes through. */
async function withFormFields<T>(request: Promise<T>): Promise<T> {
  try {
    return await request
  } catch (error) {
    if (error instanceof PlannrError && error.code === 'validation' && error.fields) {
      throw new AppError('validation', INVALID_MESSAGE, { fields: contactFieldErrors(error.fields) })
    }
    throw error
  }
}

function primaryUuidsOf(detail: ContactDetail, requested: readonly string[] | undefined): string[] {
  // Plannr's answer is the truth when it lists the primaries; otherwise what was asked for is.
  return detail.primary_accounts ? detail.primary_accounts.map((account) => account.uuid) : [...(requested ?? [])]
}

/** Contact details (v2) and the account pickers: every request goes to Plannr, nothing is guessed. */
export class ContactsService {
  constructor(
    private readonly deps: FeatureDeps,
    private readonly clients: ClientDirectory,
  ) {}

  private async plannr() {
    await this.deps.session.ready()
    return this.deps.session.requireClient()
  }

  /** A client's emails and phone numbers, primaries first, fetched fresh so primaries are never stale. */
  async forClient(clientUuid: string): Promise<ContactDetailView[]> {
    const details = await listContactDetails(await this.plannr(), {
      accountUuids: [clientUuid],
      include: ['accounts', 'primary_accounts'],
    })
    const views = details.map((detail) => contactDetailView(detail, clientUuid))
    return views.filter((view) => view.primary).concat(views.filter((view) => !view.primary))
  }

  async add(input: NewContactDetailInput): Promise<ContactDetailView> {
    const body = createContactDetailBody(input)
    const detail = await withFormFields(createContactDetail(await this.plannr(), body))
    this.clients.applyPrimaries(detail, primaryUuidsOf(detail, body.primary_account_uuids))
    return contactDetailView(detail)
  }

  async update(input: ContactDetailEditInput): Promise<ContactDetailView> {
    const body = updateContactDetailBody(input)
    const detail = await withFormFields(updateContactDetail(await this.plannr(), input.uuid, body))
    this.clients.applyPrimaries(detail, primaryUuidsOf(detail, body.primary_account_uuids))
    return contactDetailView(detail)
  }
}
