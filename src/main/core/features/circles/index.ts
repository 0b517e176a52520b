import type { Feature, FeatureDeps } from '../feature'
import { CirclesService } from './service'

export type CircleCalls = 'circles.list' | 'circles.searchIndex' | 'circles.filterOptions' | 'circles.get' | 'circles.pick' | 'circles.members'

export function createCirclesFeature(deps: FeatureDeps): Feature<CircleCalls> & { service: CirclesService } {
  const service = new CirclesService(deps)
  return {
    service,
    handlers: {
      'circles.list': (query) => service.list(query),
      'circles.searchIndex': (since) => service.searchIndex(since),
      'circles.filterOptions': () => service.filterOptions(),
      'circles.get': ({ uuid }) => service.get(uuid),
      'circles.pick': (query) => service.pick(query),
      'circles.members': (query) => service.pickMembers(query),
    },
    quickSearch: (needle, limit) => service.quickSearch(needle, limit),
    close: () => service.close(),
  }
}
