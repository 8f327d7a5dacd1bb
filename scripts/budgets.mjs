#!/usr/bin/env node
// Bundle budgets, checked with the tests:
//   - @mhkit/react: min+gzip size without its peer dependencies, measured by the kit's own
//     script (web/kit/scripts/size.mjs --json → { bytes, budget, sets }): the whole kit at most
//     24 kB, the kit with payments (all but the opt-in live updates) at most 23.5 kB, and an app
//     importing only the connect-and-data set at most 12 kB;
//   - the demo's initial JavaScript: build web/demo with Vite and sum the gzip sizes of the JS
//     that index.html loads up front (entry scripts and modulepreloads), at most 110 kB.
// Usage: node scripts/budgets.mjs <result.json>
// Writes { "passed": n, "failed": m } to the given path and exits non-zero when over budget.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// 1 kB = 1024 bytes here, as in the kit's own size script.
const KIT_BUDGET = 24 * 1024
const KIT_WITH_PAYMENTS_BUDGET = 23.5 * 1024
const CONNECT_AND_DATA_BUDGET = 12 * 1024
const DEMO_BUDGET = 110 * 1024

const outFile = process.argv[2]
const results = []

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} kB`
}

function report(name, bytes, budget, detail) {
  const ok = bytes !== undefined && bytes <= budget
  const figure = bytes === undefined ? 'not measured' : kb(bytes)
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: ${figure} (budget ${kb(budget)})${detail ? ` — ${detail}` : ''}`,
  )
  results.push(ok)
}

// 1. The kit, measured by the kit's own script so both agree on what "without peers" means.
{
  const script = join(root, 'web/kit/scripts/size.mjs')
  if (!existsSync(script)) {
    report('@mhkit/react min+gzip', undefined, KIT_BUDGET, 'web/kit/scripts/size.mjs is missing')
  } else {
    const r = spawnSync(process.execPath, [script, '--json'], { cwd: root, encoding: 'utf8' })
    let parsed
    try {
      // The script may print progress before its JSON; the figure is the last JSON line.
      const line = r.stdout
        .trim()
        .split('\n')
        .filter((l) => l.trim().startsWith('{'))
        .pop()
      parsed = line === undefined ? undefined : JSON.parse(line)
    } catch {
      parsed = undefined
    }
    if (r.status !== 0 && parsed === undefined) {
      report(
        '@mhkit/react min+gzip',
        undefined,
        KIT_BUDGET,
        `size.mjs failed: ${r.stderr.trim().split('\n').pop() ?? ''}`,
      )
    } else if (typeof parsed?.bytes !== 'number') {
      report('@mhkit/react min+gzip', undefined, KIT_BUDGET, 'size.mjs printed no { bytes }')
    } else {
      // The stricter of the kit's own budget and the project budget applies.
      const budget =
        typeof parsed.budget === 'number' ? Math.min(parsed.budget, KIT_BUDGET) : KIT_BUDGET
      report('@mhkit/react min+gzip, whole kit', parsed.bytes, budget)
      const payments = (parsed.sets ?? []).find((s) => s.name.startsWith('kit with payments'))
      report(
        '@mhkit/react min+gzip, kit with payments (all but live updates)',
        payments?.bytes,
        Math.min(payments?.budget ?? KIT_WITH_PAYMENTS_BUDGET, KIT_WITH_PAYMENTS_BUDGET),
        payments === undefined ? 'size.mjs measured no kit-with-payments set' : undefined,
      )
      const set = (parsed.sets ?? []).find((s) => s.name === 'connect-and-data import set')
      report(
        '@mhkit/react min+gzip, connect-and-data import set',
        set?.bytes,
        Math.min(set?.budget ?? CONNECT_AND_DATA_BUDGET, CONNECT_AND_DATA_BUDGET),
        set === undefined ? 'size.mjs measured no connect-and-data set' : undefined,
      )
    }
  }
}

// 2. The demo's initial JavaScript.
{
  const demo = join(root, 'web/demo')
  const outDir = mkdtempSync(join(tmpdir(), 'mhkit-demo-budget-'))
  try {
    const vite = join(demo, 'node_modules/.bin/vite')
    const r = spawnSync(
      vite,
      ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      {
        cwd: demo,
        encoding: 'utf8',
      },
    )
    if (r.status !== 0) {
      report(
        'demo initial JS gzip',
        undefined,
        DEMO_BUDGET,
        `vite build failed:\n${r.stderr || r.stdout}`,
      )
    } else {
      const html = readFileSync(join(outDir, 'index.html'), 'utf8')
      const refs = new Set()
      for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
        const isScript = tag.startsWith('<script') && /\bsrc=/.test(tag)
        const isPreload = tag.startsWith('<link') && /\brel=["']?modulepreload/.test(tag)
        if (!isScript && !isPreload) continue
        const url = /\b(?:src|href)=["']?([^"' >]+)/.exec(tag)?.[1]
        if (url !== undefined && !/^[a-z]+:/i.test(url)) refs.add(url)
      }
      let total = 0
      const parts = []
      for (const url of refs) {
        const file = resolve(outDir, `.${url.startsWith('/') ? url : `/${url}`}`)
        const bytes = gzipSync(readFileSync(file), { level: 9 }).length
        total += bytes
        parts.push(`${url.split('/').pop()} ${kb(bytes)}`)
      }
      if (refs.size === 0)
        report('demo initial JS gzip', undefined, DEMO_BUDGET, 'no script found in index.html')
      else report('demo initial JS gzip', total, DEMO_BUDGET, parts.join(', '))
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

const passed = results.filter(Boolean).length
const failed = results.length - passed
console.log(`budgets: ${passed} passed, ${failed} failed`)
if (outFile !== undefined) writeFileSync(outFile, JSON.stringify({ passed, failed }) + '\n')
process.exit(failed > 0 ? 1 : 0)
