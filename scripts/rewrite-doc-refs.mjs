#!/usr/bin/env node
/**
 * Rewrites the old references in comments and markdown to the pages inside the repository, so
 * that `node scripts/check-doc-refs.mjs` passes:
 *
 * - `protocol §4.6` → `docs/moneyhub-protocol.md §4.6` (same section numbers);
 * - `checklist S7`, `security checklist I1` → `docs/security.md S7` (same ids);
 * - `checklist "Login lifecycle"` → `docs/security.md LL1` … `LL6`, chosen by what the comment
 *   around it is about (HEAD, keys, CORS, flow ownership, callbacks, ending a session);
 * - `ARCHITECTURE.md` sections and decisions → `docs/architecture.md §N`, `docs/decisions/…`,
 *   or `docs/security.md P25` (tokens never reach the browser);
 * - references to the lessons note kept outside the repository are dropped.
 *
 * Idempotent: run it again after merging other work (`node scripts/rewrite-doc-refs.mjs`); it
 * prints each file it changed. What it cannot place is left for the check to report.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { filesOf } from './check-doc-refs.mjs'

const GAP = String.raw`(?:\s|\*(?!\/)|\/\/)*`
const Q = `["“”]`
const ARCH = String.raw`ARCHITECTURE\.md,?${GAP}`

/** The login-lifecycle item a comment is about, judged from the text around the reference. */
export function lifecycleId(context) {
  const c = context.toLowerCase()
  if (/login-lifecycle tests/.test(c)) return 'LL1–LL6'
  if (/\bhead\b/.test(c)) return 'LL4'
  if (/\bkid\b|encryption|secret|node_env/.test(c)) return 'LL5'
  if (/\bcors\b|allow-list|allowlist/.test(c)) return 'LL6'
  if (/landing|lands|navigation|iss\b|without `?state|belong to any flow/.test(c)) return 'LL3'
  if (/flow outcome|outcome|owner|travels in url|started it/.test(c)) return 'LL2'
  if (/logout|ending a session|ends? (?:every|the) login|in flight|reauth_required/.test(c))
    return 'LL1'
  return 'LL1–LL6'
}

const DECISIONS = {
  2: 'docs/security.md P25',
  4: 'docs/decisions/007-one-store-interface.md',
  6: 'docs/decisions/008-errors-are-data.md',
}
const SECTIONS = {
  packages: '§1',
  'the flows': '§2',
  'connect a bank': '§2.1',
  'read data': '§2.2',
  pay: '§2.3',
  'bff http contract': '§3',
  configuration: '§4',
  decisions: '§5',
}

/** The rewritten text (unchanged when there is nothing to rewrite). */
export function rewrite(text) {
  let out = text

  // Login lifecycle first, while the word "checklist" still marks it; ids listed before it
  // (`checklist K6, "Login lifecycle"`) keep their place in the list.
  out = out.replace(
    new RegExp(
      String.raw`(?:(\b[Cc]hecklist|docs\/security\.md)(${GAP}(?:[A-Z]{1,2}\d+(?:${GAP}[–-]${GAP}[A-Z]{1,2}\d+)?${GAP},${GAP})*))?${Q}Login lifecycle${Q}`,
      'g',
    ),
    (match, word, rest, offset, all) => {
      const id = lifecycleId(all.slice(Math.max(0, offset - 250), offset + match.length + 120))
      if (word === undefined) return `docs/security.md ${id}`
      if (/^[Cc]hecklist/.test(word) && !/[A-Z]\d/.test(rest)) return `docs/security.md ${id}`
      return `${word}${rest}${id}`
    },
  )

  // Checklist ids, with or without "security" before them.
  out = out.replace(
    new RegExp(String.raw`(?:\bsecurity${GAP})?\b[Cc]hecklist(${GAP})(?=[A-Z]{1,2}\d)`, 'g'),
    (_m, gap) => `docs/security.md${gap.includes('\n') ? gap : ' '}`,
  )

  // Protocol sections.
  out = out.replace(
    new RegExp(String.raw`(?<![-\w/])protocol(${GAP}§)`, 'g'),
    'docs/moneyhub-protocol.md$1',
  )

  // ARCHITECTURE.md: a section and a decision together, then decisions, then sections.
  out = out.replace(
    new RegExp(String.raw`${ARCH}${Q}BFF HTTP contract${Q}${GAP}and${GAP}Decision${GAP}(\d)`, 'g'),
    (m, n) => (DECISIONS[n] ? `docs/architecture.md §3 and ${DECISIONS[n]}` : m),
  )
  out = out.replace(
    new RegExp(String.raw`${ARCH}(?:${Q}Decisions${Q}${GAP}|Decision${GAP})(\d)`, 'g'),
    (m, n) => DECISIONS[n] ?? m,
  )
  out = out.replace(
    new RegExp(String.raw`(docs\/security\.md [A-Z]{1,2}\d+),${GAP}Decision${GAP}2\b`, 'g'),
    '$1, P25',
  )
  out = out.replace(
    new RegExp(String.raw`${ARCH}${Q}([^"“”\n]+)${Q}(,?${GAP}steps?${GAP}[\d–-]+)?`, 'g'),
    (m, name, step) => {
      const section = SECTIONS[name.toLowerCase()]
      if (section === undefined) return m
      return `docs/architecture.md ${section}${step === undefined ? '' : step.replace(/^,/, '')}`
    },
  )
  out = out.replace(/\bARCHITECTURE\.md\b(?!\s*[,"“])/g, 'docs/architecture.md')

  // The lessons note outside the repository: drop the reference, and a `@see` left empty.
  out = out.replace(
    /[;,]?\s*\(?connect-kit-lessons\s+(?:\(b\)\s+[\d, ]*\d|pain points?\s+\d+(?:(?:,|\s+and)\s+\d+)*)\)?/g,
    '',
  )
  out = out.replace(/^[ \t]*\*[ \t]*@see[ \t]*\n/gm, '')
  return out
}

const WIDTH = 100

/** What a wrapped line keeps at its start, and what its continuation lines start with. */
function prefixOf(line, markdown) {
  const comment = /^(\s*(?:\*|\/\/)\s*)/.exec(line)
  if (comment !== null) {
    const tag = /^\s*\*\s*@\w+\s/.test(line)
    return { first: comment[1], next: tag ? comment[1].replace(/\s*$/, '   ') : comment[1] }
  }
  if (!markdown) return undefined
  if (/^\s*(?:#|\||```|>)/.test(line)) return undefined
  const item = /^(\s*)(?:[-*]|\d+\.)\s+/.exec(line)
  if (item !== null) return { first: '', next: ' '.repeat(item[0].length) }
  const indent = /^(\s*)/.exec(line)[1]
  return { first: indent, next: indent }
}

/** Whether the space at `i` sits between a cited page and its section or id. */
function cited(line, i) {
  return /\.md$/.test(line.slice(0, i)) && /^(?:§|[A-Z]{1,2}\d)/.test(line.slice(i + 1))
}

/** The last space where `line` can break within the width, outside inline code and `{…}`. */
function breakAt(line, from) {
  let best = -1
  let ticks = 0
  let braces = 0
  for (let i = 0; i < line.length && i <= WIDTH; i++) {
    if (line[i] === '`') ticks++
    else if (line[i] === '{') braces++
    else if (line[i] === '}') braces = Math.max(0, braces - 1)
    else if (line[i] === ' ' && i > from && ticks % 2 === 0 && braces === 0 && !cited(line, i))
      best = i
  }
  return best
}

/**
 * Lines this rewrite made longer than the print width are wrapped, since prettier wraps neither
 * comments nor prose: the overflow joins the next line of the same paragraph when there is one,
 * and a one-line doc comment becomes a block.
 */
export function wrapChanged(before, after, markdown) {
  const old = new Set(before.split('\n'))
  const lines = after.split('\n')
  let fenced = false
  for (let i = 0; i < lines.length; i++) {
    if (markdown && /^\s*```/.test(lines[i])) fenced = !fenced
    if (fenced || lines[i].length <= WIDTH || old.has(lines[i])) continue
    const oneLine = /^(\s*)\/\*\*\s+(.*?)\s*\*\/$/.exec(lines[i])
    if (oneLine !== null) {
      const [, indent, body] = oneLine
      lines.splice(i, 1, `${indent}/**`, `${indent} * ${body}`, `${indent} */`)
      continue
    }
    const prefix = prefixOf(lines[i], markdown)
    if (prefix === undefined) continue
    const at = breakAt(lines[i], prefix.first.length + 1)
    if (at < 0) continue
    const head = lines[i].slice(0, at)
    const rest = lines[i].slice(at + 1)
    const next = lines[i + 1]
    const content = next?.startsWith(prefix.next) ? next.slice(prefix.next.length) : ''
    const joinable =
      content.trim() !== '' &&
      !content.startsWith(' ') &&
      !/^(?:@|[-*]\s|\d+\.\s|#|\||```|\*\/|\/)/.test(content) &&
      !/^\s*\*\/\s*$/.test(next)
    lines.splice(
      i,
      joinable ? 2 : 1,
      head,
      joinable
        ? `${prefix.next}${rest} ${next.slice(prefix.next.length)}`
        : `${prefix.next}${rest}`,
    )
  }
  return lines.join('\n')
}

const here = fileURLToPath(import.meta.url)
if (process.argv[1] !== undefined && resolve(process.argv[1]) === here) {
  const root = resolve(here, '../..')
  let changed = 0
  for (const file of filesOf(root)) {
    const full = join(root, file)
    const before = readFileSync(full, 'utf8')
    const after = wrapChanged(before, rewrite(before), file.endsWith('.md'))
    if (after !== before) {
      writeFileSync(full, after)
      changed++
      console.log(`rewrote ${file}`)
    }
  }
  console.log(`${changed} file(s) rewritten`)
}
