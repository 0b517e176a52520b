import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, matchesGlob, relative, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILES } from '../../../electron-builder.config'

/*
 * The packaged app's build (`electron-vite build --mode package`, what `npm run dist` runs): built for
 * real into a temporary folder, then read. The demo workspace ships; the sandbox's control routes and the
 * web preview do not.
 */

const ROOT = resolve(__dirname, '../../..')
const CLI = join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js')

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

describe('the packaged build', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plannr-package-'))
  const out = join(dir, 'out')
  let files: string[] = []
  let mainCode = ''

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [CLI, 'build', '--mode', 'package', '--outDir', out], { cwd: ROOT })
    files = filesUnder(out)
    mainCode = files.filter((f) => f.startsWith('main/')).map((f) => readFileSync(join(out, f), 'utf8')).join('\n')
  }, 120_000)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('has the Electron entry, the preload and the renderer, and no web preview', () => {
    expect(files).toContain('main/index.js')
    expect(files).toContain('preload/index.js')
    expect(files).toContain('renderer/index.html')
    expect(files.filter((f) => f.includes('web-preview'))).toEqual([])
    expect(mainCode).not.toContain('WEB_PREVIEW_URL')
  })

  it('keeps the demo workspace but not the sandbox control routes', () => {
    // The demo sandbox itself is there (its unauthenticated answer)…
    expect(mainCode).toContain('Unauthenticated.')
    // …its journal and fault-injection routes are not (these texts are the control routes' own, so their
    // absence means the code is gone, not renamed).
    const control = readFileSync(join(ROOT, 'src/main/sandbox/control.ts'), 'utf8')
    for (const text of ['No sandbox control route', 'Invalid faults.', 'PUT /__sandbox/faults']) expect(control).toContain(text)
    expect(mainCode).not.toContain('No sandbox control route')
    expect(mainCode).not.toContain('Invalid faults.')
    expect(mainCode).not.toMatch(/PUT \/__sandbox\/faults/)
  })

  it('is packed whole by the builder\'s file rules', () => {
    const outside = files.map((f) => `out/${f}`).filter((f) => !f.endsWith('.map'))
    const include = FILES.filter((p) => !p.startsWith('!'))
    const exclude = FILES.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
    for (const f of outside) expect(include.some((p) => matchesGlob(f, p)) && !exclude.some((p) => matchesGlob(f, p)), f).toBe(true)
  })
})
