import { accountName, type Account } from '@shared/plannr'
import { collator, fold } from '../common/text-search'

/*
 * Finding a person by what an adviser types: a first name, a last name, or both in either order
 * ("Ffion Thompson", "thompson ffion", "Thompson, F"). Plannr's own filter[name] matches one piece of
 * text against one name field, so a full name finds nobody there; this matches locally instead.
 */

/** An account with its searchable words, computed once per fetch. */
export interface IndexedAccount {
  account: Account
  name: string
  /** The folded full name. */
  folded: string
  /** The folded words of the first, last and full names. */
  words: string[]
}

const WORD_BREAK = /[\s,.'’&()-]+/u

function wordsOf(text: string): string[] {
  return fold(text).split(WORD_BREAK).filter((word) => word !== '')
}

export function indexAccount(account: Account): IndexedAccount {
  const name = accountName(account)
  const words = new Set([...wordsOf(name), ...wordsOf(account.first_name ?? ''), ...wordsOf(account.last_name ?? '')])
  return { account, name, folded: fold(name), words: [...words] }
}

/**
 * 0: the whole name, 1: every typed word starts a word of the name (in any order), 2: a single typed
 * word found inside the name; null: no match.
 */
export function accountMatchRank(entry: IndexedAccount, query: string): 0 | 1 | 2 | null {
  const typed = wordsOf(query)
  if (typed.length === 0) return null
  if (typed.join(' ') === wordsOf(entry.name).join(' ')) return 0
  // Each typed word must start a different word of the name, so "Ann Ann" does not find "Ann Smith".
  const free = [...entry.words]
  const allStart = typed.every((word) => {
    const at = free.findIndex((candidate) => candidate.startsWith(word))
    if (at < 0) return false
    free.splice(at, 1)
    return true
  })
  if (allStart) return 1
  return typed.length === 1 && entry.folded.includes(typed[0] ?? '') ? 2 : null
}

/** The best matches first, then by name. */
export function searchAccounts(entries: readonly IndexedAccount[], query: string, limit: number): IndexedAccount[] {
  const ranked: Array<{ rank: number; entry: IndexedAccount }> = []
  for (const entry of entries) {
    const rank = accountMatchRank(entry, query)
    if (rank !== null) ranked.push({ rank, entry })
  }
  ranked.sort((a, b) => a.rank - b.rank || collator.compare(a.entry.name, b.entry.name))
  return ranked.slice(0, limit).map(({ entry }) => entry)
}
