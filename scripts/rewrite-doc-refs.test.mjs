import { describe, expect, it } from 'vitest'
import { lifecycleId, rewrite, wrapChanged } from './rewrite-doc-refs.mjs'

describe('rewrite', () => {
  it('rewrites protocol sections, wrapped or listed, and leaves the new form alone', () => {
    expect(rewrite('// (protocol §4.6, §9.7)')).toBe('// (docs/moneyhub-protocol.md §4.6, §9.7)')
    expect(rewrite(' * false, protocol\n * §4.3)')).toBe(
      ' * false, docs/moneyhub-protocol.md\n * §4.3)',
    )
    expect(rewrite('docs/moneyhub-protocol.md §4.6')).toBe('docs/moneyhub-protocol.md §4.6')
  })

  it('rewrites checklist ids, with "security" or a capital', () => {
    expect(rewrite('(checklist S7)')).toBe('(docs/security.md S7)')
    expect(rewrite('security checklist I1;')).toBe('docs/security.md I1;')
    expect(rewrite('Checklist C1, C7.')).toBe('docs/security.md C1, C7.')
  })

  it('places "Login lifecycle" by what the comment is about, keeping ids listed before it', () => {
    expect(rewrite('// HEAD runs the GET handlers (checklist "Login lifecycle").')).toBe(
      '// HEAD runs the GET handlers (docs/security.md LL4).',
    )
    expect(rewrite('decoded strictly (checklist K6, "Login lifecycle": kid)')).toBe(
      'decoded strictly (docs/security.md K6, LL5: kid)',
    )
    expect(rewrite(' * idempotent; checklist\n * S6, "Login lifecycle").')).toBe(
      ' * idempotent; docs/security.md\n * S6, LL1–LL6).',
    )
  })

  it('maps ARCHITECTURE.md sections and decisions to in-repo pages', () => {
    expect(rewrite('@see ARCHITECTURE.md "Connect a bank", steps 5–6')).toBe(
      '@see docs/architecture.md §2.1 steps 5–6',
    )
    expect(rewrite('(ARCHITECTURE.md, Decision 6).')).toBe(
      '(docs/decisions/008-errors-are-data.md).',
    )
    expect(rewrite('ARCHITECTURE.md\n * Decision 4.')).toBe(
      'docs/decisions/007-one-store-interface.md.',
    )
    expect(rewrite("('log canary (checklist L1, Decision 2)'")).toBe(
      "('log canary (docs/security.md L1, P25)'",
    )
  })

  it('drops references to the lessons note, and a @see line left empty', () => {
    expect(rewrite('look (connect-kit-lessons pain points 11 and 12).')).toBe('look.')
    expect(rewrite('/**\n * x\n * @see connect-kit-lessons (b) 14\n */')).toBe('/**\n * x\n */')
  })

  it('is idempotent', () => {
    const once = rewrite('(checklist S7; protocol §4.6; ARCHITECTURE.md "Read data")')
    expect(rewrite(once)).toBe(once)
  })
})

describe('lifecycleId', () => {
  it('falls back to the whole list when nothing in the comment points at one item', () => {
    expect(lifecycleId('something unrelated')).toBe('LL1–LL6')
  })
})

describe('wrapChanged', () => {
  const long = (n) => 'word '.repeat(n).trim()

  it('wraps a changed comment line and joins the overflow into the next line', () => {
    const before = ` * ${long(18)} tail\n * next line\n */`
    const after = ` * ${long(18)} docs/moneyhub-protocol.md §4.6 tail\n * next line\n */`
    const lines = wrapChanged(before, after, false).split('\n')
    expect(lines.every((l) => l.length <= 100)).toBe(true)
    expect(lines.at(-2)).toMatch(/ \* .*tail next line$/)
  })

  it('leaves lines it did not change, and never breaks inside {@link …}', () => {
    const untouched = ` * ${long(25)}`
    expect(wrapChanged(untouched, untouched, false)).toBe(untouched)
    const linked = ` * ${long(17)} docs/security.md S7 {@link SomeLongName}`
    const wrapped = wrapChanged('', linked, false).split('\n')
    expect(wrapped.some((l) => l.includes('{@link SomeLongName}'))).toBe(true)
  })

  it('turns a one-line doc comment that grew too long into a block', () => {
    const after = `/** ${long(12)}s (docs/moneyhub-protocol.md §9.8). */`
    expect(wrapChanged('', after, false).split('\n')).toEqual([
      '/**',
      ` * ${long(12)}s (docs/moneyhub-protocol.md §9.8).`,
      ' */',
    ])
  })
})
