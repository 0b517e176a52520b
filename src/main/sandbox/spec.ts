/*
 * What Plannr accepts, transcribed for the sandbox from the API pages themselves
 * (/work/shared/plannr-api → the project's copy of seeds/ and reference.md), never imported from the
 * client's schemas: the sandbox is the independent check of the client, so a wrong assumption in one
 * must not pass both. Section numbers are reference.md's.
 */

/** §2.1 GET /api/v1/conversation `include`. */
export const CONVERSATION_INCLUDES = ['participants', 'participants_count', 'latest_message', 'messages_count', 'files_count', 'case', 'tags'] as const
/** §2.1 `sort`; default latest_message. */
export const CONVERSATION_SORTS = ['created_at', 'updated_at', 'latest_message', 'pinned_conversations'] as const

/** §3 and the circles seed page: GET /api/v1/circles `include`, "Valid relationships are [accounts,firm,groups]". */
export const CIRCLE_INCLUDES = ['accounts', 'firm', 'groups'] as const
/** §3 `sort`: "Valid fields are [name, created_at, updated_at]"; default name. */
export const CIRCLE_SORTS = ['name', 'created_at', 'updated_at'] as const

/** §4.1 and the contact-details seed page: "Valid types: email and phone_number". */
export const CONTACT_DETAIL_TYPES = ['email', 'phone_number'] as const
export type ContactDetailType = (typeof CONTACT_DETAIL_TYPES)[number]
/** §4.1 GET /api/v2/contact-details `include`. */
export const CONTACT_DETAIL_INCLUDES = ['accounts', 'primary_accounts'] as const
/** §4.1 `sort`; default created_at. */
export const CONTACT_DETAIL_SORTS = ['created_at', 'updated_at', 'name', 'value'] as const

/** §5.1 GET /api/v1/referral-connections `sort`; default -created_at. */
export const REFERRAL_CONNECTION_SORTS = ['created_at', 'updated_at', 'status', 'expires_at'] as const

/** §6 GET /api/v1/account `include`. */
export const ACCOUNT_INCLUDES = [
  'primary_phone_number', 'primary_email', 'primary_address', 'assigned_adviser', 'assigned_administrator',
  'assigned_paraplanner', 'groups', 'tags', 'owners', 'custom_fields', 'external_references', 'charge_split_schema',
] as const
/** §6 `sort`; default first_name. */
export const ACCOUNT_SORTS = [
  'created_at', 'updated_at', 'first_name', 'last_name', 'email', 'next_review_date', 'previous_review_date', 'anniversary_review_date',
] as const
