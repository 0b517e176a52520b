import type { CirclesPage } from '@shared/models/circles'
import type { Circle } from '@shared/plannr'
import type { EventBus } from '../events'
import type { CoreLog } from '../log'
import { listCircles } from '../plannr'
import { pageOfCircles, type CirclesListQuery } from './circles-query'
import type { SessionService } from './session'
import { SyncedCollection } from './synced-collection'

export interface CirclesServiceOptions {
  session: SessionService
  events: EventBus
  log: CoreLog
  maxAgeMs?: number
  now?: () => number
}

/**
 * The firm's circles: fetched whole (every page, members and groups included), kept per account, and
 * searched, sorted and paged here so the window receives only the rows it shows.
 */
export class CirclesService {
  private readonly circles: SyncedCollection<Circle>

  constructor(options: CirclesServiceOptions) {
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
    const { items, syncedAt } = await this.circles.get()
    return pageOfCircles(items, query, syncedAt)
  }

  close(): Promise<void> {
    return this.circles.close()
  }
}
