import type { AccountOption, ClientRow } from '@shared/models/accounts'
import type { ContactDetailView } from '@shared/models/contacts'
import type { IpcError } from '@shared/result'
import { DEFAULT_PHONE_COUNTRY, normaliseEmail } from '@shared/contact-values'
import { FormState } from '../form-state.svelte'
import { previewPhone } from '../phone-numbers'
import type { Client } from '../api'

export type ContactType = ContactDetailView['type']

/** The details of the client whose card is open, fetched fresh each time the card opens or changes. */
export class ContactDetailsState {
  clientUuid = $state<string | null>(null)
  details = $state.raw<ContactDetailView[]>([])
  loading = $state(false)
  loaded = $state(false)
  error = $state<IpcError | null>(null)

  emails = $derived(this.details.filter((detail) => detail.type === 'email'))
  phones = $derived(this.details.filter((detail) => detail.type === 'phone_number'))

  readonly #client: Client
  #generation = 0

  constructor(client: Client) {
    this.#client = client
  }

  /** Shows `clientUuid`'s details; an answer for a client no longer open is dropped. */
  async open(clientUuid: string): Promise<void> {
    if (clientUuid !== this.clientUuid) {
      this.clientUuid = clientUuid
      this.details = []
      this.loaded = false
    }
    await this.reload(true)
  }

  /** Fetches again (after a save: making one primary demotes others, which only Plannr knows). */
  async reload(showLoading = false): Promise<void> {
    const clientUuid = this.clientUuid
    if (clientUuid === null) return
    const generation = ++this.#generation
    if (showLoading) this.loading = true
    const result = await this.#client.api.contacts.forClient({ clientUuid })
    if (generation !== this.#generation) return
    this.loading = false
    if (!result.ok) {
      this.error = result.error
      return
    }
    this.error = null
    this.loaded = true
    this.details = result.value
  }

  retry(): Promise<void> {
    return this.reload(true)
  }
}

/** The form's fields, as the contract names them (server messages land on the same keys), in the dialog's order. */
export type ContactField = 'type' | 'description' | 'country' | 'value' | 'ownerUuids' | 'primaryOwnerUuids'
const FIELDS: readonly ContactField[] = ['type', 'description', 'country', 'value', 'ownerUuids', 'primaryOwnerUuids']

/** An owner as the picker shows it. */
export type Owner = AccountOption

function ownerOf(row: ClientRow): Owner {
  return { uuid: row.uuid, name: row.name, type: 'client', role: row.role, email: row.email }
}

/**
 * The add / edit dialog's state. Nothing typed is ever cleared by a failure: a refused save keeps every
 * field and puts each message at its field; only a successful save (or opening afresh) resets it.
 */
export class ContactDetailForm {
  /** Null when adding; the detail's id when editing. */
  editing = $state<string | null>(null)
  type = $state<ContactType>('phone_number')
  description = $state('')
  value = $state('')
  country = $state(DEFAULT_PHONE_COUNTRY)
  owners = $state<Owner[]>([])
  primaryOwnerUuids = $state<string[]>([])
  /** Submitting, the messages at each field (ours on submit, or Plannr's), the form's failure, and how it ended. */
  readonly state = new FormState<ContactField>({ fields: FIELDS })

  /** The live check of the value while typing: its problem, or how it will be saved. */
  check = $derived(this.#check())
  /** Every owner has it as primary: what "Make primary" means (sent as is_primary). */
  primaryForAll = $derived(this.owners.length > 0 && this.owners.every((owner) => this.primaryOwnerUuids.includes(owner.uuid)))
  primaryForSome = $derived(this.owners.some((owner) => this.primaryOwnerUuids.includes(owner.uuid)))

  readonly #client: Client

  constructor(client: Client) {
    this.#client = client
  }

  get errors(): Partial<Record<ContactField, string>> {
    return this.state.errors
  }

  /** A failure that belongs to no field: shown above the buttons. */
  get failure(): IpcError | null {
    return this.state.failure
  }

  get submitting(): boolean {
    return this.state.submitting
  }

  #check(): { ok: boolean; message: string } | null {
    if (this.value.trim() === '') return null
    if (this.type === 'email') {
      const email = normaliseEmail(this.value)
      return email.ok ? { ok: true, message: '' } : { ok: false, message: email.message }
    }
    const phone = previewPhone(this.value, this.country)
    if (!phone.ok) return { ok: false, message: phone.message }
    return { ok: true, message: `Will be saved as ${phone.country === DEFAULT_PHONE_COUNTRY ? phone.national : phone.international}` }
  }

  /** A new detail for `client`, who is its first owner. */
  startAdd(client: ClientRow, type: ContactType = 'phone_number'): void {
    this.#reset()
    this.type = type
    this.owners = [ownerOf(client)]
  }

  startEdit(detail: ContactDetailView): void {
    this.#reset()
    this.editing = detail.uuid
    this.type = detail.type
    this.description = detail.description ?? ''
    this.value = detail.display
    this.country = detail.country ?? DEFAULT_PHONE_COUNTRY
    this.owners = detail.owners.map((owner) => ({ uuid: owner.uuid, name: owner.name, type: 'client', role: null, email: null }))
    this.primaryOwnerUuids = detail.owners.filter((owner) => owner.primary).map((owner) => owner.uuid)
  }

  setType(type: ContactType): void {
    this.type = type
    this.#clear('value')
  }

  setValue(value: string): void {
    this.value = value
    this.#clear('value')
  }

  setCountry(country: string): void {
    this.country = country
    this.#clear('value', 'country')
  }

  setDescription(description: string): void {
    this.description = description
    this.#clear('description')
  }

  /** The owners chosen in the picker; primaries follow (a removed owner is no longer a primary). */
  setOwners(owners: Owner[]): void {
    this.owners = owners
    this.primaryOwnerUuids = this.primaryOwnerUuids.filter((uuid) => owners.some((owner) => owner.uuid === uuid))
    this.#clear('ownerUuids', 'primaryOwnerUuids')
  }

  setPrimaryFor(ownerUuid: string, primary: boolean): void {
    const others = this.primaryOwnerUuids.filter((uuid) => uuid !== ownerUuid)
    this.primaryOwnerUuids = primary ? [...others, ownerUuid] : others
    this.#clear('primaryOwnerUuids')
  }

  /** "Make primary": primary for every owner, or for none. */
  setPrimaryForAll(primary: boolean): void {
    this.primaryOwnerUuids = primary ? this.owners.map((owner) => owner.uuid) : []
    this.#clear('primaryOwnerUuids')
  }

  /** Checks, then saves. Returns the saved detail, or null with the messages in `errors` / `failure`. */
  submit(): Promise<ContactDetailView | null> {
    return this.state.submit(() => {
      const common = {
        description: this.description,
        value: this.value,
        country: this.type === 'phone_number' ? this.country : null,
        ownerUuids: this.owners.map((owner) => owner.uuid),
        primaryOwnerUuids: this.owners.map((owner) => owner.uuid).filter((uuid) => this.primaryOwnerUuids.includes(uuid)),
      }
      return this.editing
        ? this.#client.api.contacts.update({ uuid: this.editing, type: this.type, ...common })
        : this.#client.api.contacts.add({ type: this.type, isPrimary: this.primaryForAll, ...common })
    }, this.#localErrors())
  }

  #localErrors(): Partial<Record<ContactField, string>> {
    const errors: Partial<Record<ContactField, string>> = {}
    if (this.description.trim() === '') errors.description = 'Describe it, e.g. “Mobile” or “Work email”.'
    else if (this.description.trim().length > 255) errors.description = 'Keep the description under 255 characters.'
    if (this.value.trim() === '') errors.value = this.type === 'email' ? 'Enter an email address.' : 'Enter a phone number.'
    else if (this.check && !this.check.ok) errors.value = this.check.message
    if (this.owners.length === 0) errors.ownerUuids = 'Choose at least one client who owns it.'
    return errors
  }

  #clear(...fields: ContactField[]): void {
    this.state.clear(...fields)
  }

  #reset(): void {
    this.editing = null
    this.type = 'phone_number'
    this.description = ''
    this.value = ''
    this.country = DEFAULT_PHONE_COUNTRY
    this.owners = []
    this.primaryOwnerUuids = []
    this.state.reset()
  }
}
