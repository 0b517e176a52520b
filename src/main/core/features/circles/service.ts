import type { CircleDetail, CircleFilterOptions, CircleSearchRecord, CirclesPage } from '@shared/models/circles'
import type { IndexChanges, IndexPosition } from '@shared/models/search-index'
import type { CircleEntry } from '@shared/search/circles'
import type { CirclePick } from '@shared/models/sync'
import type { PersonRef } from '@shared/models/common'
import type { ParsedInput } from '@shared/contract'
import type { Circle } from '@shared/plannr'
import { getCircle } from '../../plannr'
import type { ResourceSync } from '../../sync'
import { circleResult } from '@shared/search/circles'
import { rankByName } from '@shared/search/quick'
import { collator, fold, matchRank } from '../common/text-search'
import { IndexFeed } from '../common/index-feed'
import type { FeatureDeps, RankedResult } from '../feature'
import { filterOptionsOf, membersOf, toCircleDetail } from './detail'
import { CircleIndex, createCirclePager, type CirclesListQuery } from './query'
import { CIRCLES } from './resource'

/**
 * The firm's circles, answered from the account's store (synced page by page from Plannr) and searched,
 * sorted and paged here so the window receives only the rows it shows.
 */
export class CirclesService {
  private readonly page = createCirclePager()
  private readonly index = new CircleIndex()
  private readonly feed = new IndexFeed<CircleEntry, CircleSearchRecord>((entry) => entry.row.uuid, (entry) => entry.record)
  private options: { items: readonly Circle[]; value: CircleFilterOptions } | null = null
  private members: { items: readonly Circle[]; value: PersonRef[] } | null = null

  constructor(private readonly deps: FeatureDeps) {}

  private resource(): Promise<ResourceSync<Circle>> {
    return this.deps.sync.resource(CIRCLES, (syncedAt) => this.deps.events.emit('circles.changed', { syncedAt }))
  }

  /** The circles' sync engine, once there is something to show. */
  private async circles(): Promise<ResourceSync<Circle>> {
    const sync = await this.resource()
    await sync.ready()
    return sync
  }

  async list(query: CirclesListQuery): Promise<CirclesPage> {
    const sync = await this.circles()
    return this.page(this.index.of(sync.repo.all()), query, sync.syncedAt())
  }

  /** What the window's own index needs to catch up from `since`. */
  async searchIndex(since: IndexPosition): Promise<IndexChanges<CircleSearchRecord>> {
    const sync = await this.circles()
    this.feed.follow(sync.repo, sync.repo.version, this.index.of(sync.repo.all()))
    return this.feed.since(since, sync.syncedAt())
  }

  /** Every group across the circles, for the circles list's group filter. */
  async filterOptions(): Promise<CircleFilterOptions> {
    const items = (await this.circles()).repo.all()
    if (this.options?.items !== items) this.options = { items, value: filterOptionsOf(items) }
    return this.options.value
  }

  /** Members of some circle whose name matches, best match first, and the one already chosen. */
  async pickMembers(query: ParsedInput<'circles.members'>): Promise<PersonRef[]> {
    const items = (await this.circles()).repo.all()
    if (this.members?.items !== items) this.members = { items, value: membersOf(items) }
    const everyone = this.members.value
    const needle = fold(query.search.trim())
    const hits: Array<{ rank: number; member: PersonRef }> = []
    for (const member of everyone) {
      const rank = needle === '' ? 0 : matchRank(member.name, needle)
      if (rank !== null) hits.push({ rank, member })
    }
    // Stable sort: equal ranks stay in name order.
    hits.sort((a, b) => a.rank - b.rank)
    const picked = hits.slice(0, query.limit).map(({ member }) => member)
    const selected = query.selected === null ? undefined : everyone.find((member) => member.uuid === query.selected)
    if (selected && !picked.includes(selected)) picked.unshift(selected)
    return picked
  }

  /** Circles by name for a picker: the best few matches, and the one already chosen. */
  async pick(query: ParsedInput<'circles.pick'>): Promise<CirclePick[]> {
    const repo = (await this.circles()).repo
    const needle = fold(query.search.trim())
    const hits: Array<{ rank: number; circle: Circle }> = []
    for (const circle of repo.all()) {
      const rank = needle === '' ? 0 : matchRank(circle.name, needle)
      if (rank !== null) hits.push({ rank, circle })
    }
    hits.sort((a, b) => a.rank - b.rank || collator.compare(a.circle.name, b.circle.name))
    const picked = hits.slice(0, query.limit).map(({ circle }) => circle)
    const selected = query.selected === null ? undefined : repo.get(query.selected)
    if (selected && !picked.includes(selected)) picked.unshift(selected)
    return picked.map((circle) => ({ uuid: circle.uuid, name: circle.name, memberCount: circle.accounts?.length ?? 0 }))
  }

  /** One circle: from the store when it is there, else asked of Plannr (with its firm). */
  async get(uuid: string): Promise<CircleDetail> {
    // A circle opened before any list (e.g. from the quick switcher) does not start a sync of them all.
    const known = (await this.resource()).repo.get(uuid)
    if (known) return toCircleDetail(known)
    return toCircleDetail(await getCircle(this.deps.session.requireClient(), uuid, ['accounts', 'groups', 'firm']))
  }

  /** Everyone who shares a circle with any of `people` (themselves included). */
  async peopleSharingACircleWith(people: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(people)
    const found = new Set(people)
    for (const circle of (await this.circles()).repo.all()) {
      const members = (circle.accounts ?? []).map((account) => account.uuid)
      if (members.some((uuid) => wanted.has(uuid))) for (const uuid of members) found.add(uuid)
    }
    return found
  }

  /** Circles whose name matches, best match first; the subtitle names the members. */
  async quickSearch(needle: string, limit: number): Promise<RankedResult[]> {
    const index = this.index.of((await this.circles()).repo.all())
    return rankByName(index, (entry) => entry.name, needle, limit).map(({ rank, entry }) => ({ rank, result: circleResult(entry) }))
  }

  async close(): Promise<void> {}
}
