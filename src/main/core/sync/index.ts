export { RateBudget, type BudgetSnapshot } from './rate-budget'
export { ResourceSync, DEFAULT_FULL_PASS_MS, DEFAULT_MAX_AGE_MS, type ResourceSpec, type SyncProgress } from './resource-sync'
export { SyncHub, type SyncHubOptions } from './sync-hub'
