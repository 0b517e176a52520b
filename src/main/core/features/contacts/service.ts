import type { ContactDetailView } from '@shared/models/contacts'
import { AppError } from '@shared/result'
import type { ContactDetail } from '@shared/plannr'
import type { OutboxMark } from '@shared/models/outbox'
import { listContactDetails, PlannrError } from '../../plannr'
import { writer } from '../common/outbox-writes'
import { storedRecordCodec } from '../../sync/codec'
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
  /** A client's contact details as last fetched, so the card can be read when Plannr is out of reach. */
  private async storedDetails(clientUuid: string) {
    const store = await this.deps.sync.store()
    return store.repository(`contact-details|${clientUuid}`, storedRecordCodec<ContactDetail>())
  }

  async forClient(clientUuid: string): Promise<ContactDetailView[]> {
    let details: readonly ContactDetail[]
    try {
      const onPlannr = await listContactDetails(await this.plannr(), {
        accountUuids: [clientUuid],
        include: ['accounts', 'primary_accounts'],
      })
      // Plannr's details with our unsent changes on top: a fresh read never undoes a change on its way.
      details = (await this.deps.sync.outbox()).overlay(`contact-details|${clientUuid}`, onPlannr)
      await this.keep(clientUuid, details)
      // Details added here and not yet on Plannr stay on the card, from the store.
      const fetched = new Set(details.map((detail) => detail.uuid))
      const unsent = (await this.storedDetails(clientUuid)).all().filter((detail) => !fetched.has(detail.uuid))
      details = [...details, ...unsent]
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'network')) throw error
      const stored = await this.storedDetails(clientUuid)
      if (stored.size === 0) throw error
      details = stored.all()
    }
    const marks = (await this.deps.sync.outbox()).marks()
    const views = details.map((detail) => {
      const view = contactDetailView(detail, clientUuid)
      const mark = marks.get(detail.uuid)
      return mark ? { ...view, outbox: mark } : view
    })
    return views.filter((view) => view.primary).concat(views.filter((view) => !view.primary))
  }

  /** Replaces what is kept for the client with Plannr's answer: details removed on Plannr go too. */
  private async keep(clientUuid: string, details: readonly ContactDetail[]): Promise<void> {
    try {
      const stored = await this.storedDetails(clientUuid)
      const current = new Set(details.map((detail) => detail.uuid))
      const store = await this.deps.sync.store()
      // What the outbox has yet to send is not gone from Plannr: it has not got there yet.
      const unsent = (await this.deps.sync.outbox()).marks()
      store.transaction(() => {
        stored.remove(stored.all().filter((detail) => !current.has(detail.uuid) && !unsent.has(detail.uuid)).map((detail) => detail.uuid))
        stored.upsertPage(details)
      })
    } catch (error) {
      this.deps.log.warn('Could not keep a client’s contact details', error)
    }
  }

  /** Enqueued: on the client's card at once (marked until Plannr has it), Plannr's record once it answers. */
  async add(input: NewContactDetailInput): Promise<ContactDetailView> {
    const body = createContactDetailBody(input)
    const w = await writer(this.deps)
    const result = await withFormFields(w.outbox.submit({ kind: 'contact-detail.create', tempUuid: w.tempUuid, body, createdAt: w.now }, w.actor))
    return this.answer(result.delivered?.record as ContactDetail | undefined, body, w.tempUuid, w.outbox.marks())
  }

  async update(input: ContactDetailEditInput): Promise<ContactDetailView> {
    const body = updateContactDetailBody(input)
    const w = await writer(this.deps)
    const owner = body.account_uuids[0]
    const previous = owner === undefined ? null : ((await this.storedDetails(owner)).get(input.uuid) ?? null)
    const result = await withFormFields(w.outbox.submit({ kind: 'contact-detail.update', uuid: input.uuid, body, previous }, w.actor))
    return this.answer(result.delivered?.record as ContactDetail | undefined, body, input.uuid, w.outbox.marks())
  }

  /** Plannr's record (its primaries applied to the stored clients), or the stored one, marked, while it waits. */
  private async answer(
    delivered: ContactDetail | undefined,
    body: { account_uuids: string[]; primary_account_uuids?: string[] | undefined },
    uuid: string,
    marks: Map<string, OutboxMark>,
  ): Promise<ContactDetailView> {
    if (delivered) {
      await this.clients.applyPrimaries(delivered, primaryUuidsOf(delivered, body.primary_account_uuids)).catch((error: unknown) => {
        // Saved on Plannr: the list catches up at its next sync even if the store could not be patched.
        this.deps.log.warn('Could not apply a saved contact detail to the stored clients', error)
      })
      return contactDetailView(delivered)
    }
    const owner = body.account_uuids[0]
    const stored = owner === undefined ? undefined : (await this.storedDetails(owner)).get(uuid)
    if (!stored) throw new AppError('not_found', 'That contact detail is no longer here.')
    const mark = marks.get(uuid)
    return { ...contactDetailView(stored), ...(mark ? { outbox: mark } : {}) }
  }
}
