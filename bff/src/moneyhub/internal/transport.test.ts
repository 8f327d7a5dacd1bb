import { describe, expect, it } from 'vitest'
import { assertSecureUrl, parseRetryAfter } from './transport'

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7)
  })
  it('reads an HTTP-date relative to now', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:09 GMT', now)).toBe(9)
  })
  it('clamps a date in the past to zero', () => {
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
  })
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter('-5', now)).toBeUndefined()
  })
})

describe('assertSecureUrl', () => {
  it('accepts https anywhere and http only on loopback when allowed', () => {
    expect(assertSecureUrl('https://api.test/v3', false, 'x').host).toBe('api.test')
    expect(assertSecureUrl('http://127.0.0.1:1/v3', true, 'x').port).toBe('1')
    expect(assertSecureUrl('http://localhost:1/v3', true, 'x').hostname).toBe('localhost')
    expect(() => assertSecureUrl('http://127.0.0.1:1/v3', false, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('http://10.0.0.1/v3', true, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('ftp://api.test', true, 'x')).toThrow(TypeError)
    expect(() => assertSecureUrl('not a url', true, 'x')).toThrow(TypeError)
  })
})
