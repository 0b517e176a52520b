import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import type { Plugin } from 'vite'
import { PACKAGE_MODE } from './build/packaging/package-build'
import { metaContentSecurityPolicy } from './src/main/renderer-serving/content-security-policy'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

/** The dev server sends no CSP header: the page carries the one policy as a <meta> tag instead. */
const devContentSecurityPolicy: Plugin = {
  name: 'plannr-dev-csp',
  apply: 'serve',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy() }, injectTo: 'head-prepend' },
  ],
}

export default defineConfig(({ mode }) => {
  // `npm run dist` builds in package mode: what ships in the installer, and nothing for tests.
  const packaged = mode === PACKAGE_MODE
  return {
    main: {
      resolve: { alias: shared },
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
      plugins: [svelte({ configFile: resolve(__dirname, 'svelte.config.mjs') }), devContentSecurityPolicy],
      build: {
        // electron-vite leaves the renderer unminified; the first paint waits on parsing it, so minify.
        minify: true,
        rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      },
    },
  }
})
