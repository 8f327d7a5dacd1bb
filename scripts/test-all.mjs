#!/usr/bin/env node
// Runs every test in the repository and ends with one line "N passed, N failed" summed over
// every runner: Vitest (all unit and integration projects), the size budgets, the BFF's fault
// drills (one count per check), Playwright (e2e/) and the consumer check (the packed packages
// in the examples). Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, '.test-results')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

function record(label, passed, failed, skipped, exitCode) {
  // A runner that crashed or exited non-zero without reporting a failure still counts as one.
  if (exitCode !== 0 && failed === 0) failed = 1
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`)
}

// 1. Vitest: every project listed in vitest.config.ts.
{
  const file = join(out, 'vitest.json')
  const code = run('vitest', 'pnpm', [
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ])
  const r = readJson(file)
  record(
    'vitest',
    r?.numPassedTests ?? 0,
    r?.numFailedTests ?? 0,
    (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0),
    code,
  )
}

// 2. Size budgets (printed figures; a budget over its limit fails).
if (existsSync(join(root, 'scripts/budgets.mjs'))) {
  const file = join(out, 'budgets.json')
  const code = run('budgets', 'node', ['scripts/budgets.mjs', file])
  const r = readJson(file)
  record('budgets', r?.passed ?? 0, r?.failed ?? 0, 0, code)
}

// 3. Fault drills on real processes (BFF, simulator, SQLite, redis-server); bff/README.md.
{
  const file = join(out, 'faults.json')
  const code = run('fault drills', 'pnpm', ['--filter', '@mhkit/bff', 'test:faults'], {
    FAULTS_RESULT: file,
  })
  const r = readJson(file)
  record('fault drills', r?.passed ?? 0, r?.failed ?? 0, r?.skipped ?? 0, code)
}

// 4. Playwright journeys in a real Chromium.
if (existsSync(join(root, 'e2e/playwright.config.ts'))) {
  const file = join(out, 'playwright.json')
  const code = run('playwright', 'pnpm', ['--filter', '@mhkit/e2e', 'exec', 'playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  })
  const r = readJson(file)
  const s = r?.stats ?? {}
  record('playwright', (s.expected ?? 0) + (s.flaky ?? 0), s.unexpected ?? 0, s.skipped ?? 0, code)
}

// 4. The consumer check: every package packed, installed with npm into the examples outside
// the workspace, and run there (scripts/consumer-check.mjs; each step counts as one test).
{
  const file = join(out, 'consumer.json')
  const code = run('consumer check', 'node', ['scripts/consumer-check.mjs', file])
  const r = readJson(file)
  record('consumer check', r?.passed ?? 0, r?.failed ?? 0, 0, code)
}

console.log('\n' + lines.join('\n'))
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : ''
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`)
process.exit(totals.failed > 0 ? 1 : 0)
