/**
 * The sandbox's in-memory database. Records keep relations as ids and times as epoch milliseconds;
 * routes turn them into Plannr-shaped JSON (present.ts). Lists are indexed by firm (and contact details
 * by owner, circles by member) so even the 'large' world answers every list without scanning it all.
 */
import type { ContactDetailType } from '../spec'

export interface ExternalReferenceRecord {
  uuid: string
  reference: string
  thirdParty: string
  createdAt: number
  updatedAt: number
}

export interface FirmRecord {
  uuid: string
  name: string
  slug: string
  brandColour: string
  createdAt: number
}

export type AccountTypeName = 'client' | 'employee'

export interface AccountRecord {
  uuid: string
  firmUuid: string
  userUuid: string
  type: AccountTypeName
  /** employee: member | admin | owner; client: individual | joint | trust | business */
  role: string
  firstName: string | null
  lastName: string | null
  entityName: string | null
  createdAt: number
  updatedAt: number
  withLogin: boolean
  adviserKey: string | null
  assignedAdviserUuid: string | null
  assignedParaplannerUuid: string | null
  assignedAdministratorUuid: string | null
  nextReviewAt: number | null
  previousReviewAt: number | null
  tagUuids: string[]
  groupUuids: string[]
  externalReferences: ExternalReferenceRecord[]
  /** For joint accounts: the circle the joint account was created from. */
  jointCircleUuid: string | null
}

export interface GroupRecord {
  uuid: string
  firmUuid: string
  name: string
  slug: string
  createdAt: number
  updatedAt: number
  participantsCount: number
}

export interface TagRecord {
  uuid: string
  firmUuid: string
  name: string
  slug: string
  colour: string
  createdAt: number
  updatedAt: number
}

export interface CircleRecord {
  uuid: string
  firmUuid: string
  name: string
  createdAt: number
  updatedAt: number
  bgColour: string
  accountUuids: string[]
  groupUuids: string[]
  jointAccountUuid: string | null
  externalReferences: ExternalReferenceRecord[]
}

export interface CaseRecord {
  uuid: string
  firmUuid: string
  name: string
  slug: string
  status: string
  reviewAt: number | null
  completedAt: number | null
  valuePennies: number
  assignedToUuids: string[]
  createdAt: number
  updatedAt: number
}

export interface FileRecord {
  uuid: string
  name: string
  filename: string
  extension: string
  mime: string
  size: number
  createdAt: number
}

export interface MessageRecord {
  uuid: string
  conversationUuid: string
  authorUuid: string
  contents: string
  edited: boolean
  files: FileRecord[]
  createdAt: number
  updatedAt: number
}

export interface ConversationRecord {
  uuid: string
  firmUuid: string
  name: string
  slug: string
  caseUuid: string | null
  tagUuids: string[]
  participantUuids: string[]
  adminUuids: Set<string>
  pinnedBy: Set<string>
  archivedBy: Set<string>
  /** Oldest first. */
  messages: MessageRecord[]
  createdAt: number
  updatedAt: number
}

export interface ContactDetailRecord {
  uuid: string
  firmUuid: string
  type: ContactDetailType
  name: string
  value: string
  meta: { country: string; formatted: string } | null
  ownerUuids: string[]
  primaryUuids: Set<string>
  createdAt: number
  updatedAt: number
}

export type ReferralStatus = 'pending' | 'accepted' | 'denied' | 'expired'

export interface ReferralConnectionRecord {
  uuid: string
  senderFirmUuid: string
  recipientFirmUuid: string
  senderAccountUuid: string
  recipientAccountUuid: string
  status: ReferralStatus
  createdAt: number
  updatedAt: number
  expiresAt: number
}

export interface LoginRecord {
  uuid: string
  accountUuid: string
  createdAt: number
  hasWritePermission: boolean
  hasDeletePermission: boolean
  primary: boolean
}

export interface UserRecord {
  uuid: string
  token: string
  firstName: string
  lastName: string
  email: string
  createdAt: number
  logins: LoginRecord[]
  preferredAccountUuid: string | null
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export class World {
  readonly firms = new Map<string, FirmRecord>()
  readonly accounts = new Map<string, AccountRecord>()
  readonly accountsByFirm = new Map<string, AccountRecord[]>()
  readonly groups = new Map<string, GroupRecord>()
  readonly tags = new Map<string, TagRecord>()
  readonly tagsByFirm = new Map<string, TagRecord[]>()
  readonly circles = new Map<string, CircleRecord>()
  readonly circlesByFirm = new Map<string, CircleRecord[]>()
  readonly circleUuidsByAccount = new Map<string, string[]>()
  readonly cases = new Map<string, CaseRecord>()
  readonly conversations = new Map<string, ConversationRecord>()
  readonly conversationsByFirm = new Map<string, ConversationRecord[]>()
  readonly contactDetails = new Map<string, ContactDetailRecord>()
  readonly contactDetailsByFirm = new Map<string, ContactDetailRecord[]>()
  readonly contactDetailsByAccount = new Map<string, ContactDetailRecord[]>()
  readonly connections: ReferralConnectionRecord[] = []
  readonly advisersByKey = new Map<string, AccountRecord>()
  readonly usersByToken = new Map<string, UserRecord>()

  /** `anchor` is the instant generated data was built around ("now" for the demo's history). */
  constructor(readonly anchor: number) {}

  addFirm(firm: FirmRecord): void {
    this.firms.set(firm.uuid, firm)
  }

  addAccount(account: AccountRecord): void {
    this.accounts.set(account.uuid, account)
    push(this.accountsByFirm, account.firmUuid, account)
    if (account.adviserKey) this.advisersByKey.set(account.adviserKey, account)
  }

  addGroup(group: GroupRecord): void {
    this.groups.set(group.uuid, group)
  }

  addTag(tag: TagRecord): void {
    this.tags.set(tag.uuid, tag)
    push(this.tagsByFirm, tag.firmUuid, tag)
  }

  addCircle(circle: CircleRecord): void {
    this.circles.set(circle.uuid, circle)
    push(this.circlesByFirm, circle.firmUuid, circle)
    for (const accountUuid of circle.accountUuids) push(this.circleUuidsByAccount, accountUuid, circle.uuid)
  }

  addCase(record: CaseRecord): void {
    this.cases.set(record.uuid, record)
  }

  addConversation(conversation: ConversationRecord): void {
    this.conversations.set(conversation.uuid, conversation)
    push(this.conversationsByFirm, conversation.firmUuid, conversation)
  }

  addContactDetail(detail: ContactDetailRecord): void {
    this.contactDetails.set(detail.uuid, detail)
    push(this.contactDetailsByFirm, detail.firmUuid, detail)
    for (const owner of detail.ownerUuids) push(this.contactDetailsByAccount, owner, detail)
  }

  /** Replaces a contact detail's owners, keeping the by-owner index right. */
  setContactDetailOwners(detail: ContactDetailRecord, ownerUuids: string[]): void {
    for (const owner of detail.ownerUuids) {
      const list = this.contactDetailsByAccount.get(owner)
      if (list) this.contactDetailsByAccount.set(owner, list.filter((d) => d !== detail))
    }
    detail.ownerUuids = ownerUuids
    for (const owner of ownerUuids) push(this.contactDetailsByAccount, owner, detail)
  }

  addConnection(connection: ReferralConnectionRecord): void {
    this.connections.push(connection)
  }

  addUser(user: UserRecord): void {
    this.usersByToken.set(user.token, user)
  }

  /** The account's primary contact detail of a type, if it has one. */
  primaryContact(accountUuid: string, type: ContactDetailType): ContactDetailRecord | undefined {
    return this.contactDetailsByAccount.get(accountUuid)?.find((d) => d.type === type && d.primaryUuids.has(accountUuid))
  }
}
