import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/** Runs only the child half of the keychain-unavailable test; the parent starts it without D-Bus. */
export default defineConfig({
  root: resolve(__dirname, '../../../..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../../../../src/shared') } },
  test: {
    include: ['test/integration/vault/no-keychain/*.child.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
