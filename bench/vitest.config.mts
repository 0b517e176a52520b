import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

/** `npm run bench`: the benchmarks in bench/, kept out of `npm test`. */
export default defineConfig({
  root: resolve(__dirname, '..'),
  resolve: { alias: { '@shared': resolve(__dirname, '../src/shared') } },
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Numbers go to the console; keep them.
    silent: false,
    // So the heap figure after a sync is measured after a collection, not with garbage in it.
    execArgv: ['--expose-gc'],
  },
})
