import { describe, expect, it } from 'vitest'
import { anchorsOf, checkText } from './check-doc-refs.mjs'

const protocol = [
  '# Protocol',
  '## 4. Claims',
  '### 4.6 `mh:payment`',
  '### 4.8 VRP',
  '## 9. Data',
].join('\n')
const security = ['# Security', '### P1', '### P10', '### LL2', '```', '### X9', '```'].join('\n')
const docs = { 'docs/moneyhub-protocol.md': protocol, 'docs/security.md': security }
const readDoc = (path) => docs[path]
const exists = (path) => ['bff/README.md', 'docs/security.md'].includes(path)
const check = (text, file = 'bff/src/x.ts') =>
  checkText(file, text, readDoc, exists).map((p) => `${p.line}: ${p.message}`)

describe('anchorsOf', () => {
  it('collects numbered sections and ids from headings, not from fenced code', () => {
    expect([...anchorsOf(protocol).sections]).toEqual(['4', '4.6', '4.8', '9'])
    expect([...anchorsOf(security).ids]).toEqual(['P1', 'P10', 'LL2'])
  })
})

describe('checkText', () => {
  it('accepts sections, lists and ranges that exist, across a wrapped comment', () => {
    expect(check('// docs/moneyhub-protocol.md §4.6, §4.8 and §9; §4.6–4.8')).toEqual([])
    expect(check('/**\n * (docs/moneyhub-protocol.md\n * §4.6)\n */')).toEqual([])
  })

  it('refuses a section the page does not have', () => {
    expect(check('x\n// docs/moneyhub-protocol.md §4.6, §4.7')).toEqual([
      '2: docs/moneyhub-protocol.md has no section §4.7',
    ])
  })

  it('accepts ids and id ranges that exist, and refuses one that does not', () => {
    expect(check('// docs/security.md P1, P10 and LL2; docs/security.md P1–P10')).toEqual([])
    expect(check('// docs/security.md X9')).toEqual(['1: docs/security.md has no id X9'])
  })

  it('refuses a docs page that does not exist', () => {
    expect(check('// see docs/decisions/999-nothing.md')).toEqual([
      '1: docs/decisions/999-nothing.md does not exist',
    ])
  })

  it('refuses every old-style reference with its line', () => {
    const problems = check(
      [
        '// protocol §4.6',
        '// (checklist S7)',
        '// checklist "Login lifecycle"',
        '// ARCHITECTURE.md Decision 6',
        '// see /work/shared/reference/x.md',
      ].join('\n'),
    )
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['1', '2', '3', '4', '5'])
  })

  it('checks relative markdown links, and lets external links and anchors through', () => {
    const text =
      '[a](../bff/README.md) [b](https://example.com) [c](#x) [d](../nope.md) [e](../../x.md)'
    expect(check(text, 'docs/page.md')).toEqual([
      '1: link ../nope.md does not resolve',
      '1: link ../../x.md leaves the repository',
    ])
  })
})
