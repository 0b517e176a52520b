/**
 * Records → Plannr-shaped JSON. Relations appear only when included, as Plannr's API resources do;
 * `direction`, `pinned` and `is_admin` are relative to the acting account.
 */
import { createHash } from 'node:crypto'
import { avatarUrl, money } from './data/text'
import { ukIso, ukIsoOrNull } from './data/time'
import type {
  AccountRecord, CaseRecord, CircleRecord, ContactDetailRecord, ConversationRecord, ExternalReferenceRecord,
  FileRecord, FirmRecord, GroupRecord, LoginRecord, MessageRecord, ReferralConnectionRecord, ReferralStatus,
  TagRecord, UserRecord, World,
} from './data/world'

export interface Viewer {
  world: World
  actor: AccountRecord
  now: number
}

export function accountName(account: AccountRecord): string {
  if (account.entityName) return account.entityName
  return [account.firstName, account.lastName].filter(Boolean).join(' ')
}

export function firmResource(firm: FirmRecord) {
  return {
    uuid: firm.uuid,
    name: firm.name,
    slug: firm.slug,
    logo: null,
    logo_icon: null,
    brand_colours: { primary: firm.brandColour },
    created_at: ukIso(firm.createdAt),
  }
}

/** The bare firm reference used on referral connections. */
export function firmRef(world: World, uuid: string) {
  return { uuid, name: world.firms.get(uuid)?.name ?? '' }
}

function externalReference(ref: ExternalReferenceRecord) {
  return { uuid: ref.uuid, reference: ref.reference, third_party: ref.thirdParty, created_at: ukIso(ref.createdAt), updated_at: ukIso(ref.updatedAt) }
}

export function tagResource(tag: TagRecord) {
  return { uuid: tag.uuid, name: tag.name, slug: tag.slug, colour: tag.colour, created_at: ukIso(tag.createdAt), updated_at: ukIso(tag.updatedAt) }
}

export function groupResource(group: GroupRecord) {
  return {
    uuid: group.uuid, name: group.name, slug: group.slug, created_at: ukIso(group.createdAt), updated_at: ukIso(group.updatedAt),
    participants_count: group.participantsCount,
  }
}

function primaryContact(detail: ContactDetailRecord | undefined) {
  if (!detail) return null
  return {
    uuid: detail.uuid, created_at: ukIso(detail.createdAt), updated_at: ukIso(detail.updatedAt), type: detail.type, name: detail.name,
    value: detail.value, phone_number_meta: detail.meta,
  }
}

/** An account resource; `includes` adds the relations asked for. */
export function accountResource(world: World, account: AccountRecord, includes: ReadonlySet<string> = new Set()) {
  const isClient = account.type === 'client'
  const name = accountName(account)
  const resource: Record<string, unknown> = {
    uuid: account.uuid,
    created_at: ukIso(account.createdAt),
    updated_at: ukIso(account.updatedAt),
    type: account.type,
    role: account.role,
    first_name: account.firstName,
    last_name: account.lastName,
    name,
    entity_name: account.entityName,
    email: world.primaryContact(account.uuid, 'email')?.value ?? null,
    photo_url: avatarUrl(name),
    inactive_at: null,
    with_login: account.withLogin,
    has_joint_account: isClient && (world.circleUuidsByAccount.get(account.uuid) ?? []).some((c) => world.circles.get(c)?.jointAccountUuid != null),
    next_review_date: isClient ? ukIsoOrNull(account.nextReviewAt) : null,
    previous_review_date: isClient ? ukIsoOrNull(account.previousReviewAt) : null,
    anniversary_review_date: isClient ? ukIsoOrNull(account.nextReviewAt) : null,
  }
  const related = (uuid: string | null) => {
    const other = uuid ? world.accounts.get(uuid) : undefined
    return other ? accountResource(world, other) : null
  }
  for (const include of includes) {
    switch (include) {
      case 'primary_email': resource.primary_email = primaryContact(world.primaryContact(account.uuid, 'email')); break
      case 'primary_phone_number': resource.primary_phone_number = primaryContact(world.primaryContact(account.uuid, 'phone_number')); break
      case 'assigned_adviser': resource.assigned_adviser = related(account.assignedAdviserUuid); break
      case 'assigned_paraplanner': resource.assigned_paraplanner = related(account.assignedParaplannerUuid); break
      case 'assigned_administrator': resource.assigned_administrator = related(account.assignedAdministratorUuid); break
      case 'groups': resource.groups = account.groupUuids.map((g) => world.groups.get(g)).filter((g) => g !== undefined).map(groupResource); break
      case 'tags': resource.tags = account.tagUuids.map((t) => world.tags.get(t)).filter((t) => t !== undefined).map(tagResource); break
      case 'external_references': resource.external_references = account.externalReferences.map(externalReference); break
      case 'firm': {
        const firm = world.firms.get(account.firmUuid)
        resource.firm = firm ? firmResource(firm) : null
        break
      }
      case 'owners': case 'custom_fields': resource[include] = []; break
      case 'primary_address': case 'charge_split_schema': resource[include] = null; break
    }
  }
  return resource
}

export const CIRCLE_INCLUDE_LIST = ['accounts', 'firm', 'groups'] as const

export function circleResource(world: World, circle: CircleRecord, includes: ReadonlySet<string>) {
  const resource: Record<string, unknown> = {
    uuid: circle.uuid,
    created_at: ukIso(circle.createdAt),
    updated_at: ukIso(circle.updatedAt),
    name: circle.name,
    photo_url: avatarUrl(circle.name.toLowerCase()),
    bg_colour: circle.bgColour,
    joint_account_uuid: circle.jointAccountUuid,
    external_references: circle.externalReferences.map(externalReference),
  }
  if (includes.has('accounts')) {
    resource.accounts = circle.accountUuids.map((uuid) => world.accounts.get(uuid)).filter((a) => a !== undefined).map((a) => ({
      ...accountResource(world, a),
      external_references: a.externalReferences.map(externalReference),
    }))
  }
  if (includes.has('firm')) {
    const firm = world.firms.get(circle.firmUuid)
    resource.firm = firm ? firmResource(firm) : null
  }
  if (includes.has('groups')) resource.groups = circle.groupUuids.map((g) => world.groups.get(g)).filter((g) => g !== undefined).map(groupResource)
  return resource
}

/** Where a case's status sits on its firm's board: the order the sandbox's statuses move through. */
const CASE_STATUS_POSITIONS: Record<string, number> = { 'In progress': 1, Completed: 2 }

/** A stable, uuid-shaped id derived from a name (for things the sandbox does not model, like task boards). */
function derivedUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function caseResource(world: World, record: CaseRecord) {
  // The case is filed under its firm's first group (Plannr's cases always name at least one).
  const group = [...world.groups.values()].find((g) => g.firmUuid === record.firmUuid)
  return {
    uuid: record.uuid, name: record.name, slug: record.slug, type: { name: 'Advice' }, status: { name: record.status },
    review_at: ukIsoOrNull(record.reviewAt), completed_at: ukIsoOrNull(record.completedAt), value: money(record.valuePennies),
    assigned_to_uuids: record.assignedToUuids, group_uuids: group ? [group.uuid] : [], participants_count: record.assignedToUuids.length,
    status_position: CASE_STATUS_POSITIONS[record.status] ?? 0, task_board_uuid: derivedUuid(`task-board:${record.firmUuid}`),
    created_at: ukIso(record.createdAt), updated_at: ukIso(record.updatedAt),
  }
}

function fileResource(file: FileRecord) {
  return {
    uuid: file.uuid, filename: file.filename, name: file.name, extension: file.extension, type: file.mime, size: file.size,
    status: 'complete', progress: 100, download_url: null, folder_name: 'Conversations',
    uploaded_at: ukIso(file.createdAt), original_created_at: ukIso(file.createdAt),
  }
}

function messageUser(world: World, account: AccountRecord) {
  const user = [...world.usersByToken.values()].find((u) => u.uuid === account.userUuid)
  const name = accountName(account)
  return {
    uuid: account.userUuid, name: user ? `${user.firstName} ${user.lastName}` : name,
    first_name: user?.firstName ?? account.firstName, last_name: user?.lastName ?? account.lastName,
    email: user?.email ?? world.primaryContact(account.uuid, 'email')?.value ?? null, photo_url: avatarUrl(name), type: 'standard',
  }
}

export function messageResource(world: World, message: MessageRecord) {
  const author = world.accounts.get(message.authorUuid)
  return {
    uuid: message.uuid,
    created_at: ukIso(message.createdAt),
    updated_at: ukIso(message.updatedAt),
    deleted_at: null,
    contents: message.contents,
    edited: message.edited,
    files: message.files.map(fileResource),
    author: author ? accountResource(world, author) : null,
    user: author ? messageUser(world, author) : null,
    reactions: [],
  }
}

export function conversationResource(viewer: Viewer, conversation: ConversationRecord, includes: ReadonlySet<string>) {
  const { world, actor } = viewer
  const resource: Record<string, unknown> = {
    uuid: conversation.uuid,
    created_at: ukIso(conversation.createdAt),
    updated_at: ukIso(conversation.updatedAt),
    name: conversation.name,
    slug: conversation.slug,
    belongs_to_case: conversation.caseUuid !== null,
  }
  if (includes.has('case')) {
    const record = conversation.caseUuid ? world.cases.get(conversation.caseUuid) : undefined
    resource.case = record ? caseResource(world, record) : null
  }
  if (includes.has('participants_count')) resource.participants_count = conversation.participantUuids.length
  if (includes.has('participants')) {
    resource.participants = conversation.participantUuids.map((uuid) => world.accounts.get(uuid)).filter((a) => a !== undefined).map((a) => accountResource(world, a))
    resource.pinned = conversation.pinnedBy.has(actor.uuid)
    resource.is_admin = conversation.adminUuids.has(actor.uuid)
  }
  if (includes.has('latest_message')) {
    const latest = conversation.messages[conversation.messages.length - 1]
    resource.latest_message = latest ? messageResource(world, latest) : null
  }
  if (includes.has('messages_count')) resource.messages_count = conversation.messages.length
  if (includes.has('files_count')) resource.files_count = conversation.messages.reduce((n, m) => n + m.files.length, 0)
  if (includes.has('tags')) resource.tags = conversation.tagUuids.map((t) => world.tags.get(t)).filter((t) => t !== undefined).map(tagResource)
  return resource
}

export function contactDetailResource(world: World, detail: ContactDetailRecord, includes: ReadonlySet<string>) {
  const resource: Record<string, unknown> = {
    uuid: detail.uuid,
    created_at: ukIso(detail.createdAt),
    updated_at: ukIso(detail.updatedAt),
    type: detail.type,
    name: detail.name,
    value: detail.value,
    phone_number_meta: detail.meta,
  }
  const accounts = (uuids: Iterable<string>) => [...uuids].map((u) => world.accounts.get(u)).filter((a) => a !== undefined).map((a) => accountResource(world, a))
  if (includes.has('accounts')) resource.accounts = accounts(detail.ownerUuids)
  if (includes.has('primary_accounts')) resource.primary_accounts = accounts(detail.ownerUuids.filter((u) => detail.primaryUuids.has(u)))
  return resource
}

/** A pending connection past its expiry reads as expired. */
export function connectionStatus(connection: ReferralConnectionRecord, now: number): ReferralStatus {
  return connection.status === 'pending' && connection.expiresAt <= now ? 'expired' : connection.status
}

export function referralConnectionResource(viewer: Viewer, connection: ReferralConnectionRecord) {
  const { world } = viewer
  const account = (uuid: string) => {
    const a = world.accounts.get(uuid)
    return a ? { ...accountResource(world, a), external_references: a.externalReferences.map(externalReference) } : null
  }
  return {
    uuid: connection.uuid,
    direction: connection.senderFirmUuid === viewer.actor.firmUuid ? 'sent' : 'received',
    status: connectionStatus(connection, viewer.now),
    sender_firm: firmRef(world, connection.senderFirmUuid),
    recipient_firm: firmRef(world, connection.recipientFirmUuid),
    sender_account: account(connection.senderAccountUuid),
    recipient_account: account(connection.recipientAccountUuid),
    created_at: ukIso(connection.createdAt),
    updated_at: ukIso(connection.updatedAt),
    expires_at: ukIso(connection.expiresAt),
  }
}

const LOGIN_ACCOUNT_INCLUDES = new Set(['firm', 'primary_email', 'primary_phone_number'])

export function loginResource(world: World, user: UserRecord, login: LoginRecord) {
  const account = world.accounts.get(login.accountUuid)
  const firm = account ? world.firms.get(account.firmUuid) : undefined
  const isClient = account?.type === 'client'
  return {
    uuid: login.uuid,
    created_at: ukIso(login.createdAt),
    updated_at: ukIso(login.createdAt),
    expires_at: null,
    has_write_permission: login.hasWritePermission,
    has_delete_permission: login.hasDeletePermission,
    primary: login.primary,
    receives_unread_notifications_email: true,
    wealth_enabled: isClient,
    goals_enabled: isClient,
    factfind_enabled: isClient,
    tasks_enabled: !isClient,
    welcome_enabled: isClient,
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    account: account ? accountResource(world, account, LOGIN_ACCOUNT_INCLUDES) : null,
    firm: firm ? firmResource(firm) : null,
  }
}

export function meResource(world: World, user: UserRecord, login: LoginRecord) {
  const account = world.accounts.get(login.accountUuid)
  const name = `${user.firstName} ${user.lastName}`
  return {
    uuid: user.uuid,
    created_at: ukIso(user.createdAt),
    updated_at: ukIso(user.createdAt),
    type: 'standard',
    first_name: user.firstName,
    last_name: user.lastName,
    name,
    email: user.email,
    photo_url: avatarUrl(name),
    otp_pending: false,
    two_factor_type: null,
    two_factor_enabled: false,
    sms_two_factor_enabled: false,
    session_expires_at: null,
    should_auto_save_notes: true,
    current_time_entry: null,
    current_login: {
      uuid: login.uuid, email: user.email, primary: login.primary, expires_at: null,
      has_write_permission: login.hasWritePermission, has_delete_permission: login.hasDeletePermission, is_impersonated: false,
    },
    current_account: account ? accountResource(world, account, LOGIN_ACCOUNT_INCLUDES) : null,
  }
}
