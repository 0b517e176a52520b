import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureBuilt, ROOT } from '../web-preview/preview-process'

/*
 * The sandbox's control routes (journal, faults) are for tests. The desktop app starts the sandbox for
 * its demo workspace, so its build must not carry them: only callers that import sandbox/control have them.
 */

/** A built file and every chunk it requires, transitively. */
function withChunks(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const code = readFileSync(entry, 'utf8')
  for (const match of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) withChunks(resolve(dirname(entry), match[1] ?? ''), seen)
  return seen
}

describe('the desktop app’s main bundle (out/main/index.js)', () => {
  it('carries the demo sandbox but none of its control routes', () => {
    ensureBuilt()
    const files = [...withChunks(resolve(ROOT, 'out/main/index.js'))]
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n')
    expect(code).toContain('plannr-demo-adviser')
    expect(code).not.toContain('__sandbox')
    expect(code).not.toContain('x-sandbox-control')
  })

  it('while the web preview, which tests drive, does carry them', () => {
    ensureBuilt()
    const code = [...withChunks(resolve(ROOT, 'out/main/web-preview.js'))].map((file) => readFileSync(file, 'utf8')).join('\n')
    expect(code).toContain('__sandbox')
  })
})
