import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isSafeReturnTo,
  returnToPathSchema,
  returnToProblem,
  returnToSchema,
  returnToWithParam,
  safeReturnTo,
} from './return-to'

const tricks: Array<[string, string]> = [
  ['protocol-relative', '//evil.com'],
  ['slash-backslash', '/\\evil.com'],
  ['absolute https URL', 'https://evil.com'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['data: URL', 'data:text/html,hi'],
  ['encoded double slash', '/%2F%2Fevil.com'],
  ['lower-case encoded slash', '/%2f%2fevil.com'],
  ['encoded backslash', '/%5Cevil'],
  ['NUL byte', '/a\u0000'],
  ['newline', '/\nx'],
  ['tab', '/\tevil.com'],
  ['leading space', ' /x'],
  ['encoded slash dot-dot traversal', '/..%2F..'],
  ['encoded dot-dot', '/%2E%2E/admin'],
  ['dot-dot segment', '/a/../b'],
  ['dot segment', '/./a'],
  ['trailing dot-dot', '/a/..'],
  ['backslash anywhere', '/a\\b'],
  ['double-encoded slashes', '/%252F%252Fevil.com'],
  ['encoded newline in the query', '/?q=%0A'],
  ['encoded CR LF', '/a%0D%0ASet-Cookie:x'],
  ['encoded C1 control', '/a%C2%85'],
  ['encoded line separator', '/a%E2%80%A8'],
  ['malformed escape', '/%E0%A4%A'],
  ['lone percent', '/100%'],
  ['non-ASCII', '/café'],
  ['empty string', ''],
  ['relative path', 'accounts'],
  ['too long', '/' + 'a'.repeat(512)],
]

describe('returnToSchema', () => {
  it.each(tricks)('rejects a %s', (_name, value) => {
    expect(returnToSchema.safeParse(value).success).toBe(false)
    expect(isSafeReturnTo(value)).toBe(false)
    expect(safeReturnTo(value)).toBe('/')
  })

  it.each([
    '/',
    '/accounts?x=1#y',
    '/accounts/ac9bd177-d01e-449c-9f29-d3656d2edc2e',
    '/search?q=%2F',
    '/search?q=a%20b&page=2',
    '/a.b/c..d/.e',
    '/#/hash-router/path',
    '/' + 'a'.repeat(511),
  ])('accepts the same-origin path %s unchanged', (value) => {
    expect(returnToSchema.parse(value)).toBe(value)
    expect(safeReturnTo(value)).toBe(value)
  })

  it('defaults an absent value to /', () => {
    expect(returnToSchema.parse(undefined)).toBe('/')
    expect(returnToPathSchema.safeParse(undefined).success).toBe(false)
  })

  it('rejects non-strings', () => {
    expect(returnToSchema.safeParse(42).success).toBe(false)
    expect(returnToSchema.safeParse(null).success).toBe(false)
    expect(safeReturnTo({ toString: () => '/x' })).toBe('/')
  })

  it('explains why a value was refused', () => {
    expect(returnToProblem('//evil.com')).toMatch(/single \//)
    expect(returnToProblem('/%5Cevil')).toMatch(/percent-encode/)
    expect(returnToProblem('/ok')).toBeUndefined()
  })

  it('never accepts anything that could leave the origin (property)', () => {
    const alphabet = fc.constantFrom(
      '/',
      '\\',
      '.',
      '%',
      '2',
      'F',
      'f',
      '5',
      'C',
      'E',
      ':',
      '@',
      '?',
      '#',
      'a',
      ' ',
      '\t',
      '\n',
      '0',
      'D',
    )
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 24 }), (chars) => {
        const value = chars.join('')
        if (!isSafeReturnTo(value)) return
        let decoded = value
        for (let i = 0; i < 5; i++) decoded = decodeURIComponent(decoded)
        const path = decoded.split(/[?#]/)[0] ?? ''
        expect(path.startsWith('/')).toBe(true)
        expect(path.startsWith('//')).toBe(false)
        // eslint-disable-next-line no-control-regex -- asserting that no control character survives
        expect(decoded).not.toMatch(/[\\\u0000-\u001f]/)
        expect(path.split('/')).not.toContain('..')
      }),
      { numRuns: 2000 },
    )
  })
})

describe('returnToWithParam', () => {
  it('adds the parameter with ? to a bare path', () => {
    expect(returnToWithParam('/', 'flow', 'abc')).toBe('/?flow=abc')
  })

  it('adds the parameter with & to an existing query and keeps the fragment last', () => {
    expect(returnToWithParam('/accounts?x=1#top', 'flow', 'abc')).toBe('/accounts?x=1&flow=abc#top')
    expect(returnToWithParam('/a#h', 'flow', 'abc')).toBe('/a?flow=abc#h')
    expect(returnToWithParam('/a?', 'flow', 'abc')).toBe('/a?flow=abc')
  })

  it('percent-encodes the name and value', () => {
    expect(returnToWithParam('/', 'f&x', 'a b#c')).toBe('/?f%26x=a%20b%23c')
  })

  it('replaces an unsafe base with / rather than building an off-site URL', () => {
    expect(returnToWithParam('//evil.com', 'flow', 'abc')).toBe('/?flow=abc')
  })
})
