// `npm run electronegativity`: Electronegativity's checks over src/, without its online check for newer
// Electron releases. Fails on any finding of MEDIUM severity or higher that electronegativity-accepted.yml
// does not explain, and on any explanation there that no longer matches a finding.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { load } from 'js-yaml'

const require = createRequire(import.meta.url)
const root = join(import.meta.dirname, '..')
const ACCEPTED_FILE = 'electronegativity-accepted.yml'
const MEDIUM = 2

// Offline, the tool's fetch of updated translations fails, and the HTTP client it uses throws this from a
// retry timer after the failure has already been handled. It says nothing about the scan: ignore only it.
process.on('uncaughtException', (error) => {
  if (error instanceof Error && /`onCancel` handler was attached after the promise settled/.test(error.message)) return
  console.error(error)
  process.exit(2)
})

const run = require('@doyensec/electronegativity')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version

const accepted = load(readFileSync(join(root, ACCEPTED_FILE), 'utf8'))?.accepted ?? []
for (const entry of accepted) {
  if (typeof entry?.check !== 'string' || typeof entry?.file !== 'string' || typeof entry?.why !== 'string' || entry.why.trim() === '') {
    console.error(`${ACCEPTED_FILE}: every entry needs check, file and why: ${JSON.stringify(entry)}`)
    process.exit(1)
  }
}

const result = await run({
  input: join(root, 'src'),
  isRelative: true,
  electronVersionOverride: electronVersion,
  // Its only online check: compares the Electron version with the latest releases.
  excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
})

let failed = false
for (const error of result.errors) {
  if (error.tolerable) continue
  console.error(`Could not scan ${error.file}: ${error.message}`)
  failed = true
}

const findings = result.issues.filter((issue) => issue.severity.value >= MEDIUM)
const key = (check, file) => `${check} ${file}`
const acceptedKeys = new Set(accepted.map((entry) => key(entry.check, entry.file)))
const foundKeys = new Set(findings.map((issue) => key(issue.id, issue.file)))

for (const issue of findings) {
  const where = `src/${issue.file}:${issue.location.line}:${issue.location.column}`
  if (acceptedKeys.has(key(issue.id, issue.file))) {
    console.log(`accepted    ${issue.severity.name.padEnd(6)} ${issue.id} ${where}`)
  } else {
    console.log(`UNEXPLAINED ${issue.severity.name.padEnd(6)} ${issue.id} ${where}\n            ${issue.description}\n            ${issue.shortenedURL}`)
    failed = true
  }
}
for (const entry of accepted) {
  if (!foundKeys.has(key(entry.check, entry.file))) {
    console.log(`STALE       ${entry.check} src/${entry.file}: no longer found; remove it from ${ACCEPTED_FILE}`)
    failed = true
  }
}

const lowered = result.issues.length - findings.length
console.log(
  `\nElectronegativity (Electron ${electronVersion}, ${result.globalChecks + result.atomicChecks} checks): ${findings.length} finding(s) of MEDIUM or higher, ` +
    `${failed ? 'not all explained' : `all explained in ${ACCEPTED_FILE}`}; ${lowered} lower finding(s) not gated.`,
)
process.exit(failed ? 1 : 0)
