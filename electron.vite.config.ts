import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { PACKAGE_MODE, withoutSandboxControl } from './build/packaging/package-build'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig(({ mode }) => {
  // `npm run dist` builds in package mode: what ships in the installer, and nothing for tests.
  const packaged = mode === PACKAGE_MODE
  return {
    main: {
      resolve: { alias: shared },
      plugins: packaged ? [withoutSandboxControl()] : [],
      build: {
        // ky and zod are ESM-first: bundle them into main; keytar (native) and ws stay external. keytar is
        // an optional dependency (its native build may fail to install), which electron-vite does not
        // externalize by itself: a missing keytar must fail at run time, where the vault falls back.
        externalizeDeps: { exclude: ['ky', 'zod'], include: ['keytar'] },
        rollupOptions: {
          input: {
            index: resolve(__dirname, 'src/main/index.ts'),
            // The Node-only entry that runs the core behind a WebSocket for the web preview and e2e tests.
            ...(packaged ? {} : { 'web-preview': resolve(__dirname, 'src/main/web-preview/index.ts') }),
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
        rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      },
    },
  }
})
