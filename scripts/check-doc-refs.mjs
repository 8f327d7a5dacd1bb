#!/usr/bin/env node
/**
 * Every reference in code comments and markdown must resolve inside the repository:
 *
 * - `docs/<file>.md §N.M` (lists and ranges such as `§4.6, §9.7` or `§4.6–4.9` included) must
 *   name a numbered heading of that page;
 * - `docs/<file>.md <ID>` (`P1`, `S7`, `LL2`, ranges such as `P15–P19`) must name an id heading;
 * - any `docs/….md` path must exist;
 * - relative markdown links must point at a file of the repository;
 * - old-style references fail: `protocol §…`, `checklist S7`, `checklist "Login lifecycle"`, the
 *   design and reference notes kept outside the repository (`ARCHITECTURE.md`, `HOUSE-STYLE.md`,
 *   `TOOLCHAIN.md`, `security-checklist`, `connect-kit-lessons`) and paths outside it.
 *
 * Prints `file:line: message` for each problem and exits 1 when there is one.
 * `node scripts/rewrite-doc-refs.mjs` rewrites the old forms it knows mechanically.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCANNED = /\.(?:[cm]?[jt]sx?|md)$/
/** Files that spell the old forms on purpose, and generated history. */
const SKIPPED = [/(^|\/)CHANGELOG\.md$/, /^scripts\/(?:check|rewrite)-doc-refs(?:\.test)?\.mjs$/]

/** Between the parts of a citation a comment may wrap: spaces, newlines, `*`, `//`. */
const GAP = String.raw`(?:\s|\*(?!\/)|\/\/)*`
const NUM = String.raw`\d+(?:\.\d+)*`
const ID = String.raw`[A-Z]{1,2}\d+`
const SECTIONS = new RegExp(
  String.raw`docs\/([\w./-]+\.md)(${GAP}§${NUM}(?:${GAP}[–-]${GAP}§?${NUM})?(?:${GAP}(?:,|\/|and)${GAP}§${NUM}(?:${GAP}[–-]${GAP}§?${NUM})?)*)`,
  'g',
)
const IDS = new RegExp(
  String.raw`docs\/([\w./-]+\.md)${GAP}(${ID}(?:${GAP}[–-]${GAP}${ID})?(?:${GAP}(?:,|and)${GAP}${ID}(?:${GAP}[–-]${GAP}${ID})?)*)\b`,
  'g',
)
const DOC_PATH = /(?<![\w./-])docs\/[\w./-]+\.md\b/g
const MD_LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g

/** Old forms, each with the reason printed when it is found. */
const FORBIDDEN = [
  [new RegExp(String.raw`(?<![-\w])protocol${GAP}§`, 'g'), 'cite docs/moneyhub-protocol.md §N.M'],
  [
    new RegExp(String.raw`\b[Cc]hecklist${GAP}(?:[A-Z]{1,2}\d|["“]|Login lifecycle)`, 'g'),
    'cite docs/security.md <ID>',
  ],
  [
    /\b(?:ARCHITECTURE|HOUSE-STYLE|TOOLCHAIN)\.md\b/g,
    'cite docs/architecture.md or docs/decisions/',
  ],
  [
    /security-checklist|connect-kit-lessons|reference\/moneyhub-protocol/g,
    'a note outside the repository',
  ],
  [
    /\/work\/(?:shared|main)\b|\.\.\/shared\/(?:design|reference)\b/g,
    'a path outside the repository',
  ],
]

const here = dirname(fileURLToPath(import.meta.url))
const defaultRoot = resolve(here, '..')

/** Headings of a markdown page: numbered sections (`4.6`) and ids (`P1`, `LL2`). */
export function anchorsOf(markdown) {
  const sections = new Set()
  const ids = new Set()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced
    if (fenced) continue
    const heading = /^#{1,6}\s+(?:§\s*)?(\S+)/.exec(line)
    if (heading === null) continue
    const first = heading[1].replace(/[.:]$/, '')
    if (/^\d+(?:\.\d+)*$/.test(first)) sections.add(first)
    if (/^[A-Z]{1,2}\d+$/.test(first)) ids.add(first)
  }
  return { sections, ids }
}

function lineOf(text, index) {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/** `4.6` and `4.9` → every anchor of the page between them, or just the endpoints. */
function expand(values) {
  return values.flatMap((v) => v.split(/[–-]/).map((x) => x.replace(/^§/, '').trim()))
}

/**
 * The problems in one file's text.
 * @param {string} file - repository-relative path
 * @param {string} text - its content
 * @param {(docPath: string) => string | undefined} readDoc - a `docs/…` page's text, if it exists
 * @param {(target: string) => boolean} exists - whether a repository-relative path exists
 */
export function checkText(file, text, readDoc, exists) {
  const problems = []
  const report = (index, message) => problems.push({ file, line: lineOf(text, index), message })

  for (const [pattern, reason] of FORBIDDEN) {
    for (const m of text.matchAll(pattern))
      report(m.index, `old-style reference "${m[0].replace(/\s+/g, ' ')}": ${reason}`)
  }

  for (const m of text.matchAll(DOC_PATH)) {
    if (readDoc(m[0]) === undefined) report(m.index, `${m[0]} does not exist`)
  }

  for (const m of text.matchAll(SECTIONS)) {
    const page = readDoc(`docs/${m[1]}`)
    if (page === undefined) continue
    const { sections } = anchorsOf(page)
    for (const n of expand(m[2].split(/(?:,|\/|\band\b)/).map((s) => s.replace(/[\s*/]/g, '')))) {
      if (n !== '' && !sections.has(n)) report(m.index, `docs/${m[1]} has no section §${n}`)
    }
  }

  for (const m of text.matchAll(IDS)) {
    const page = readDoc(`docs/${m[1]}`)
    if (page === undefined) continue
    const { ids } = anchorsOf(page)
    for (const id of expand(m[2].split(/(?:,|\band\b)/).map((s) => s.replace(/[\s*/]/g, '')))) {
      if (id !== '' && !ids.has(id)) report(m.index, `docs/${m[1]} has no id ${id}`)
    }
  }

  if (file.endsWith('.md')) {
    for (const m of text.matchAll(MD_LINK)) {
      const target = m[1]
      if (/^(?:[a-z][a-z0-9+.-]*:|#|mailto:)/i.test(target)) continue
      const path = decodeURIComponent(target.split('#')[0])
      if (path === '') continue
      const resolved = path.startsWith('/') ? path.slice(1) : join(dirname(file), path)
      if (resolved.startsWith('..')) report(m.index, `link ${target} leaves the repository`)
      else if (!exists(resolved)) report(m.index, `link ${target} does not resolve`)
    }
  }
  return problems
}

/** Tracked and new (not ignored) files of the repository that may hold references. */
export function filesOf(root) {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
  return out
    .split('\n')
    .filter((f) => f !== '' && SCANNED.test(f) && !SKIPPED.some((s) => s.test(f)))
    .filter((f) => existsSync(join(root, f)))
}

export function checkRepository(root = defaultRoot) {
  const docs = new Map()
  const readDoc = (docPath) => {
    if (!docs.has(docPath)) {
      const full = join(root, docPath)
      docs.set(docPath, existsSync(full) ? readFileSync(full, 'utf8') : undefined)
    }
    return docs.get(docPath)
  }
  const exists = (target) => existsSync(join(root, target))
  return filesOf(root).flatMap((file) =>
    checkText(file, readFileSync(join(root, file), 'utf8'), readDoc, exists),
  )
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkRepository()
  for (const p of problems) console.error(`${p.file}:${p.line}: ${p.message}`)
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} reference(s) do not resolve inside the repository` +
        ' (node scripts/rewrite-doc-refs.mjs rewrites the old forms it knows).',
    )
    process.exit(1)
  }
  console.log(`doc references: all resolve (${relative(process.cwd(), defaultRoot) || '.'})`)
}
