import { SANDBOX_TOKENS, type Sandbox } from '../../src/main/sandbox'

/*
 * Plannr (the sandbox) asked directly, for tests' oracles: raw JSON, typed here with only the fields
 * tests compare, and never through the client's schemas or helpers — a mistake the client made would
 * otherwise be made by the oracle too, and pass.
 */

export interface RawAccount {
  uuid: string
  /** Plannr's own display name. */
  name: string
  first_name?: string | null
  last_name?: string | null
  type?: string | null
  role?: string | null
  /** Deprecated by Plannr in favour of primary_email, but still sent. */
  email?: string | null
  primary_email?: RawContactDetail | null
  primary_phone_number?: RawContactDetail | null
}

export interface RawContactDetail {
  uuid: string
  type: string
  name: string | null
  value: string
  phone_number_meta?: { country: string; formatted: string } | null
  accounts?: RawAccount[]
  primary_accounts?: RawAccount[]
}

export interface RawCircle {
  uuid: string
  name: string
  bg_colour?: string | null
  photo_url?: string | null
  created_at?: string | null
  updated_at?: string | null
  joint_account_uuid?: string | null
  accounts?: RawAccount[]
  groups?: Array<{ uuid: string; name: string; participants_count?: number | null }>
  external_references?: Array<{ uuid: string; reference: string; third_party?: string | null }>
}

export interface RawConversation {
  uuid: string
  name: string
  pinned?: boolean
  participants?: RawAccount[]
  latest_message?: { uuid: string; contents: string; created_at: string } | null
  case?: { uuid: string; name: string | null } | null
  created_at?: string
  updated_at?: string
}

export interface RawMessage {
  uuid: string
  contents: string
  edited?: boolean
  created_at: string
  author?: RawAccount | null
}

export interface RawReferralConnection {
  uuid: string
  direction: string
  status: string
  sender_firm?: { uuid: string; name: string } | null
  recipient_firm?: { uuid: string; name: string } | null
  sender_account?: RawAccount | null
  recipient_account?: RawAccount | null
  created_at?: string | null
  expires_at?: string | null
}

interface RawPage<T> {
  data: T[]
  meta?: { current_page: number; last_page: number }
}

/** Every page of a list, as the adviser acting as `accountUuid`. `query` is added to each page's. */
export async function rawList<T>(sandbox: Sandbox, accountUuid: string, path: string, query: Record<string, string> = {}): Promise<T[]> {
  const all: T[] = []
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ per_page: '500', page: String(page), ...query })
    const response = await fetch(`${sandbox.url}${path}?${params}`, {
      headers: { Accept: 'application/json', Authorization: `Bearer ${SANDBOX_TOKENS.adviser}`, 'X-PLANNR-ACCOUNT-UUID': accountUuid },
    })
    if (!response.ok) throw new Error(`${path} answered ${response.status}`)
    const body = (await response.json()) as RawPage<T>
    all.push(...body.data)
    if (!body.meta || body.meta.current_page >= body.meta.last_page) return all
  }
}
