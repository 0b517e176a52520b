import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // ky and zod are ESM-first: bundle them into main; keytar (native) and ws stay external.
      externalizeDeps: { exclude: ['ky', 'zod'] },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The Node-only entry that runs the core behind a WebSocket for the web preview and e2e tests.
          'web-preview': resolve(__dirname, 'src/main/web-preview/index.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias: shared },
    // A sandboxed preload can require nothing from node_modules: bundle everything it uses.
    build: { externalizeDeps: false },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { alias: shared },
    // The renderer's root is src/renderer; the Svelte config lives at the top of the project.
    plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.mjs') })],
    build: {
      // electron-vite leaves the renderer unminified; the first paint waits on parsing it, so minify.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
