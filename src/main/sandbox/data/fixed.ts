/**
 * The demo's fixed cast: firms, staff, sign-in users and referral history. These do not change with
 * the seed or size, so the UI, the e2e tests and the README can name them.
 */
import type { ReferralStatus } from './world'

export type FirmKey =
  | 'harbour' | 'northgate' | 'ashworth' | 'pennine' | 'thamesbank' | 'clyde' | 'severn'
  | 'lakeland' | 'cheviot' | 'marlow' | 'wessex' | 'fenland'

export interface FixedFirm {
  key: FirmKey
  name: string
  brandColour: string
  /** Email domain for staff (reserved example domain). */
  domain: string
}

export const FIRMS: readonly FixedFirm[] = [
  { key: 'harbour', name: 'Harbour & Vale Financial Planning', brandColour: '#0f4c5c', domain: 'harbourvale.example.com' },
  { key: 'northgate', name: 'Northgate Wealth Partners', brandColour: '#1d3557', domain: 'northgate.example.com' },
  { key: 'ashworth', name: 'Ashworth Private Clients', brandColour: '#6b2737', domain: 'ashworth.example.com' },
  { key: 'pennine', name: 'Pennine Mortgage Solutions', brandColour: '#386641', domain: 'pennine.example.com' },
  { key: 'thamesbank', name: 'Thamesbank Protection', brandColour: '#005f73', domain: 'thamesbank.example.com' },
  { key: 'clyde', name: 'Clyde & Forth Wealth', brandColour: '#3d405b', domain: 'clydeforth.example.com' },
  { key: 'severn', name: 'Severn Estate Planning', brandColour: '#8d5524', domain: 'severn.example.com' },
  { key: 'lakeland', name: 'Lakeland Pension Partners', brandColour: '#2a9d8f', domain: 'lakeland.example.com' },
  { key: 'cheviot', name: 'Cheviot Tax Advisory', brandColour: '#5f0f40', domain: 'cheviot.example.com' },
  { key: 'marlow', name: 'Marlow Mortgage & Protection', brandColour: '#bc4749', domain: 'marlow.example.com' },
  { key: 'wessex', name: 'Wessex Wealth Management', brandColour: '#264653', domain: 'wessex.example.com' },
  { key: 'fenland', name: 'Fenland Financial Planning', brandColour: '#606c38', domain: 'fenland.example.com' },
]

export type Job = 'adviser' | 'paraplanner' | 'administrator'
export type UserKey = 'adviser' | 'multiFirm' | 'preferred'

export interface FixedEmployee {
  /** Stable handle used by referral history below. */
  id: string
  firm: FirmKey
  firstName: string
  lastName: string
  role: 'member' | 'admin' | 'owner'
  job: Job
  adviserKey?: string
  /** The sign-in user this account belongs to, if any. */
  user?: UserKey
}

export const EMPLOYEES: readonly FixedEmployee[] = [
  { id: 'sophie', firm: 'harbour', firstName: 'Sophie', lastName: 'Turner', role: 'admin', job: 'adviser', adviserKey: 'HVFP7T2S', user: 'adviser' },
  { id: 'marcus', firm: 'harbour', firstName: 'Marcus', lastName: 'Bell', role: 'owner', job: 'adviser', adviserKey: 'HVMB3K8D' },
  { id: 'aisha', firm: 'harbour', firstName: 'Aisha', lastName: 'Rahman', role: 'member', job: 'adviser', adviserKey: 'HVAR6P4L' },
  { id: 'tom', firm: 'harbour', firstName: 'Tom', lastName: 'Gallagher', role: 'member', job: 'adviser', adviserKey: 'HVTG9C2X' },
  { id: 'daniel-hv', firm: 'harbour', firstName: 'Daniel', lastName: 'Hughes', role: 'member', job: 'adviser', adviserKey: 'HVDH5R7M', user: 'preferred' },
  { id: 'hannah', firm: 'harbour', firstName: 'Hannah', lastName: 'Lewis', role: 'member', job: 'paraplanner' },
  { id: 'owen', firm: 'harbour', firstName: 'Owen', lastName: 'Price', role: 'member', job: 'paraplanner' },
  { id: 'priya-hv', firm: 'harbour', firstName: 'Priya', lastName: 'Shah', role: 'member', job: 'paraplanner', user: 'multiFirm' },
  { id: 'grace', firm: 'harbour', firstName: 'Grace', lastName: 'Mitchell', role: 'admin', job: 'administrator' },
  { id: 'ravi', firm: 'harbour', firstName: 'Ravi', lastName: 'Chandra', role: 'member', job: 'administrator' },

  { id: 'callum', firm: 'northgate', firstName: 'Callum', lastName: 'Fraser', role: 'owner', job: 'adviser', adviserKey: 'NGW4K7P2' },
  { id: 'priya-ng', firm: 'northgate', firstName: 'Priya', lastName: 'Shah', role: 'admin', job: 'adviser', adviserKey: 'NGW9M2T5', user: 'multiFirm' },
  { id: 'daniel-ng', firm: 'northgate', firstName: 'Daniel', lastName: 'Hughes', role: 'admin', job: 'adviser', adviserKey: 'NGW3H6Q8', user: 'preferred' },
  { id: 'kirsty', firm: 'northgate', firstName: 'Kirsty', lastName: 'Campbell', role: 'member', job: 'paraplanner' },
  { id: 'joanne', firm: 'northgate', firstName: 'Joanne', lastName: 'Walsh', role: 'member', job: 'administrator' },

  { id: 'eleanor', firm: 'ashworth', firstName: 'Eleanor', lastName: 'Ashworth', role: 'owner', job: 'adviser', adviserKey: 'APC8R3T6' },
  { id: 'hamish', firm: 'ashworth', firstName: 'Hamish', lastName: 'Reid', role: 'member', job: 'adviser', adviserKey: 'APC2W5N9' },
  { id: 'gareth', firm: 'pennine', firstName: 'Gareth', lastName: 'Sutcliffe', role: 'owner', job: 'adviser', adviserKey: 'PMS2X9Q4' },
  { id: 'niamh', firm: 'thamesbank', firstName: 'Niamh', lastName: "O'Connor", role: 'owner', job: 'adviser', adviserKey: 'TBP6M1W8' },
  { id: 'euan', firm: 'clyde', firstName: 'Euan', lastName: 'MacLeod', role: 'owner', job: 'adviser', adviserKey: 'CFW3H5N7' },
  { id: 'rhiannon', firm: 'severn', firstName: 'Rhiannon', lastName: 'Pritchard', role: 'owner', job: 'adviser', adviserKey: 'SEP9D2L4' },
  { id: 'graham', firm: 'lakeland', firstName: 'Graham', lastName: 'Ainsworth', role: 'owner', job: 'adviser', adviserKey: 'LPP5V8C3' },
  { id: 'morag', firm: 'cheviot', firstName: 'Morag', lastName: 'Sinclair', role: 'owner', job: 'adviser', adviserKey: 'CTA7J4B9' },
  { id: 'imran', firm: 'marlow', firstName: 'Imran', lastName: 'Malik', role: 'owner', job: 'adviser', adviserKey: 'MMP1F6K8' },
  { id: 'victoria', firm: 'wessex', firstName: 'Victoria', lastName: 'Pemberton', role: 'owner', job: 'adviser', adviserKey: 'WWM4P7R2' },
  { id: 'peter', firm: 'fenland', firstName: 'Peter', lastName: 'Hargreaves', role: 'owner', job: 'adviser', adviserKey: 'FFP6C3X9' },
]

/** The multi-firm user is also a private client of another firm: their third, client-type login. */
export const CLIENT_LOGIN = { firm: 'ashworth' as FirmKey, firstName: 'Priya', lastName: 'Shah', user: 'multiFirm' as UserKey }

export interface FixedUser {
  key: UserKey
  firstName: string
  lastName: string
  email: string
  /** The employee id whose account is preferred_account_uuid, if any. */
  preferred: string | null
}

export const USERS: readonly FixedUser[] = [
  { key: 'adviser', firstName: 'Sophie', lastName: 'Turner', email: 'sophie.turner@harbourvale.example.com', preferred: 'sophie' },
  { key: 'multiFirm', firstName: 'Priya', lastName: 'Shah', email: 'priya.shah@example.co.uk', preferred: null },
  { key: 'preferred', firstName: 'Daniel', lastName: 'Hughes', email: 'daniel.hughes@example.co.uk', preferred: 'daniel-ng' },
]

/**
 * A second person signing in to Sophie's own account (Plannr gives each person on an account a login):
 * Grace Mitchell, who keeps Sophie's diary and correspondence. Added after everything else is generated,
 * so the rest of the world is the same with or without her.
 */
export const DELEGATE = { key: 'delegate', firstName: 'Grace', lastName: 'Mitchell', email: 'grace.mitchell@harbourvale.example.com', actsFor: 'sophie' } as const

export interface FixedConnection {
  from: string
  to: string
  status: ReferralStatus
  /** Days before the data's anchor that the request was made. */
  daysAgo: number
  /** Days after creation that it was accepted or denied. */
  answeredAfterDays?: number
}

/**
 * Referral history, sender → recipient. Harbour & Vale has every status in both directions; Marlow,
 * Wessex and Fenland have no connection with it, so their codes can be used to create one.
 */
export const CONNECTIONS: readonly FixedConnection[] = [
  { from: 'hamish', to: 'sophie', status: 'expired', daysAgo: 300 },
  { from: 'sophie', to: 'callum', status: 'accepted', daysAgo: 200, answeredAfterDays: 2 },
  { from: 'rhiannon', to: 'sophie', status: 'accepted', daysAgo: 140, answeredAfterDays: 1 },
  { from: 'morag', to: 'tom', status: 'expired', daysAgo: 120 },
  { from: 'sophie', to: 'euan', status: 'expired', daysAgo: 95 },
  { from: 'imran', to: 'priya-ng', status: 'accepted', daysAgo: 80, answeredAfterDays: 3 },
  { from: 'graham', to: 'callum', status: 'expired', daysAgo: 70 },
  { from: 'marcus', to: 'niamh', status: 'denied', daysAgo: 60, answeredAfterDays: 4 },
  { from: 'graham', to: 'aisha', status: 'denied', daysAgo: 45, answeredAfterDays: 2 },
  { from: 'daniel-ng', to: 'morag', status: 'denied', daysAgo: 30, answeredAfterDays: 5 },
  { from: 'callum', to: 'peter', status: 'pending', daysAgo: 8 },
  { from: 'eleanor', to: 'sophie', status: 'pending', daysAgo: 6 },
  { from: 'sophie', to: 'gareth', status: 'pending', daysAgo: 3 },
]

export type SizeName = 'small' | 'demo' | 'large'

export interface BookSize {
  clients: number
  circles: number
  conversations: number
}

export const SIZES: Record<SizeName, BookSize> = {
  small: { clients: 60, circles: 25, conversations: 15 },
  demo: { clients: 1200, circles: 400, conversations: 60 },
  large: { clients: 20_000, circles: 5_000, conversations: 200 },
}

/** Northgate's book does not scale with the size: it is the second firm, for account switching. */
export const NORTHGATE_BOOK: BookSize = { clients: 80, circles: 30, conversations: 12 }
