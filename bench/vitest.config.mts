import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/** `npm run bench`: the benchmarks in bench/, kept out of `npm test`. See bench/README.md. */
export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src/shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    globalSetup: ['bench/support/global-setup.ts'],
    // One file at a time: two benchmarks sharing the machine's cores would measure each other.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Numbers go to the console; keep them.
    silent: false,
    // So heap figures are measured after a collection, not with garbage in them.
    execArgv: ['--expose-gc'],
  },
})
