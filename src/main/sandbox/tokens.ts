/**
 * Bearer tokens the sandbox accepts, one per demo user (see README.md). Any other token is
 * answered 401, as Plannr does.
 */
export const SANDBOX_TOKENS = {
  /** Sophie Turner: one employee login at Harbour & Vale Financial Planning; preferred_account_uuid set. */
  adviser: 'plannr-demo-adviser',
  /** Priya Shah: employee logins at Harbour & Vale and Northgate, plus a client login at Ashworth; no preferred account. */
  multiFirm: 'plannr-demo-multi',
  /** Daniel Hughes: employee logins at Harbour & Vale and Northgate; preferred_account_uuid names Northgate. */
  preferred: 'plannr-demo-preferred',
  /** Grace Mitchell: a login to Sophie Turner's own account (two people, one account); no account of her own. */
  delegate: 'plannr-demo-delegate',
} as const

export type SandboxUserKey = keyof typeof SANDBOX_TOKENS
