import type { CircleDetail, CircleFilterOptions, CirclesPage } from '@shared/models/circles'
import { accountName, type Circle } from '@shared/plannr'
import type { EventBus } from '../../events'
import type { CoreLog } from '../../log'
import { getCircle, listCircles } from '../../plannr'
import { SyncedCollection, type Synced } from '../common/synced-collection'
import { collator, matchRank } from '../common/text-search'
import type { RankedResult } from '../feature'
import type { SessionService } from '../session'
import { filterOptionsOf, toCircleDetail } from './detail'
import { createCirclePager, type CirclesListQuery } from './query'

export interface CirclesServiceOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  maxAgeMs?: number
  now?: () => number
}

/** How many member names a quick-switcher hit lists before "and N more". */
const SUBTITLE_NAMES = 3

/**
 * The firm's circles: fetched whole (every page, members and groups included), kept per account, and
 * searched, sorted and paged here so the window receives only the rows it shows.
 */
export class CirclesService {
  private readonly circles: SyncedCollection<Circle>
  private readonly session: SessionService
  private readonly page = createCirclePager()
  private options: { items: readonly Circle[]; value: CircleFilterOptions } | null = null

  constructor(options: CirclesServiceOptions) {
    this.session = options.session
    this.circles = new SyncedCollection<Circle>({
      name: 'circles',
      session: options.session,
      log: options.log,
      maxAgeMs: options.maxAgeMs,
      now: options.now,
      fetchAll: (client) => listCircles(client, { include: ['accounts', 'groups'] }),
      changed: (syncedAt) => options.events.emit('circles.changed', { syncedAt }),
    })
  }

  async list(query: CirclesListQuery): Promise<CirclesPage> {
    const { items, syncedAt } = await this.all()
    return this.page(items, query, syncedAt)
  }

  /** Every group and member across the circles, for the list's filters. */
  async filterOptions(): Promise<CircleFilterOptions> {
    const { items } = await this.all()
    if (this.options?.items !== items) this.options = { items, value: filterOptionsOf(items) }
    return this.options.value
  }

  /** One circle: from the list already fetched when it is there, else asked of Plannr (with its firm). */
  async get(uuid: string): Promise<CircleDetail> {
    await this.session.ready()
    const client = this.session.requireClient()
    const known = this.circles.peek()?.items.find((circle) => circle.uuid === uuid)
    if (known) return toCircleDetail(known)
    return toCircleDetail(await getCircle(client, uuid, ['accounts', 'groups', 'firm']))
  }

  /** Everyone who shares a circle with any of `people` (themselves included). */
  async peopleSharingACircleWith(people: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(people)
    const found = new Set(people)
    for (const circle of (await this.all()).items) {
      const members = (circle.accounts ?? []).map((account) => account.uuid)
      if (members.some((uuid) => wanted.has(uuid))) for (const uuid of members) found.add(uuid)
    }
    return found
  }

  /** Circles whose name matches, best match first; the subtitle names the members. */
  async quickSearch(needle: string, limit: number): Promise<RankedResult[]> {
    const { items } = await this.all()
    const hits: RankedResult[] = []
    for (const circle of items) {
      const rank = matchRank(circle.name, needle)
      if (rank === null) continue
      hits.push({ rank, result: { kind: 'circle', uuid: circle.uuid, title: circle.name, subtitle: memberLine(circle), at: circle.updated_at ?? circle.created_at ?? null } })
    }
    // The caller merges and cuts every domain's hits; the best `limit` of ours are all it can use.
    return hits.sort((a, b) => a.rank - b.rank || collator.compare(a.result.title, b.result.title)).slice(0, limit)
  }

  close(): Promise<void> {
    return this.circles.close()
  }

  private all(): Promise<Synced<Circle>> {
    return this.circles.get()
  }
}

/** "Jane Smith, Tom Smith and 2 more", or null for a circle without members. */
function memberLine(circle: Circle): string | null {
  const names = (circle.accounts ?? []).map(accountName)
  if (names.length === 0) return null
  const shown = names.slice(0, SUBTITLE_NAMES).join(', ')
  return names.length > SUBTITLE_NAMES ? `${shown} and ${names.length - SUBTITLE_NAMES} more` : shown
}
