// @ts-check
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import svelteConfig from './svelte.config.mjs'

/**
 * Import boundaries (DESIGN.md §3). Each folder may import only downward:
 * shared → nothing platform-specific; renderer → shared, no electron/node; core and sandbox → no electron.
 */
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'stream', 'events', 'util', 'worker_threads']
const electronModules = ['electron', 'electron/*']

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tools/**'] },
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig },
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict([...nodeBuiltins, ...electronModules, '**/main/**', '**/renderer/**', '**/preload/**'], 'src/shared runs anywhere: no Node, Electron or app-layer imports.'),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([...nodeBuiltins, ...electronModules, '**/main/**', '**/preload/**'], 'The renderer is sandboxed: it reaches main only through the contract (lib/api.ts).'),
  },
  {
    // Inside the renderer, imports go downward too: views → components → lib (state, formatting).
    files: ['src/renderer/src/lib/**'],
    rules: restrict(
      [...nodeBuiltins, ...electronModules, '**/main/**', '**/preload/**', '**/components/**', '**/views/**'],
      'The renderer’s lib/ (state, formatting) is used by components and views, never the reverse.',
    ),
  },
  {
    files: ['src/renderer/src/components/**'],
    rules: restrict(
      [...nodeBuiltins, ...electronModules, '**/main/**', '**/preload/**', '**/views/**'],
      'Components are used by views, never the reverse.',
    ),
  },
  {
    files: ['src/main/core/**', 'src/main/sandbox/**', 'src/main/web-preview/**'],
    rules: restrict([...electronModules, '**/main/electron/**', '**/renderer/**', '**/preload/**'], 'The core, sandbox and web preview run in plain Node: no Electron.'),
  },
  {
    files: ['src/main/shell/**'],
    rules: restrict(
      [...electronModules, '**/main/electron/**', '**/core/**', '**/sandbox/**', '**/web-preview/**', '**/renderer/**', '**/preload/**'],
      'src/main/shell holds the shell’s decisions in plain Node, testable without Electron: Electron objects are passed in.',
    ),
  },
  {
    files: ['src/main/sandbox/**'],
    rules: restrict(
      [...electronModules, '**/core/**', '**/renderer/**', '@shared/*', '@shared/**', '**/shared/**'],
      'The sandbox is an independent check of the client: it defines what Plannr accepts itself (spec.ts), never from the client’s schemas.',
    ),
  },
  {
    files: ['src/preload/**'],
    rules: restrict(['zod', 'ky', '**/shared/contract', '**/main/**', '**/renderer/**'], 'The preload is tiny and dependency-free: it may use shared/contract-names only.'),
  },
)
