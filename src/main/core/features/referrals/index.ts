import type { Feature, FeatureDeps } from '../feature'
import { ReferralsService } from './service'

export type ReferralCalls = 'referrals.list' | 'referrals.connect'

export function createReferralsFeature(deps: FeatureDeps): Feature<ReferralCalls> & { service: ReferralsService } {
  const service = new ReferralsService(deps)
  return {
    service,
    handlers: {
      'referrals.list': (query) => service.list(query),
      'referrals.connect': ({ adviserKey }) => service.connect(adviserKey),
    },
    close: () => service.close(),
  }
}
