import { resolve } from 'node:path'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Compiles the renderer's *.svelte.ts state classes, so their runes work under test as in the app.
  plugins: [svelte()],
  // Svelte's client runtime (the one the app runs), not its server renderer.
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') }, conditions: ['browser'] },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Integration tests start real servers and talk to the real keychain: give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
