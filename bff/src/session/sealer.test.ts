import { randomBytes } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { createSealer } from './sealer'

describe('createSealer', () => {
  const key = randomBytes(32)

  it('round-trips a secret and never contains the plaintext', () => {
    const sealer = createSealer(key)
    const sealed = sealer.seal('refresh-token-value', 'ctx')
    expect(sealed).not.toContain('refresh-token-value')
    expect(sealed.startsWith('v1.')).toBe(true)
    expect(sealer.open(sealed, 'ctx')).toBe('refresh-token-value')
  })

  it('uses a fresh IV each time', () => {
    const sealer = createSealer(key)
    expect(sealer.seal('same', 'ctx')).not.toBe(sealer.seal('same', 'ctx'))
  })

  it('refuses a value sealed for another context', () => {
    const sealer = createSealer(key)
    expect(() => sealer.open(sealer.seal('s', 'session-a'), 'session-b')).toThrow(TypeError)
  })

  it('refuses a tampered value', () => {
    const sealer = createSealer(key)
    const parts = sealer.seal('secret', 'ctx').split('.')
    const body = Buffer.from(parts[2] ?? '', 'base64url')
    body[0] = (body[0] ?? 0) ^ 1
    parts[2] = body.toString('base64url')
    expect(() => sealer.open(parts.join('.'), 'ctx')).toThrow('sealed value cannot be opened')
  })

  it('refuses a value sealed with another key', () => {
    const sealed = createSealer(key).seal('secret', 'ctx')
    expect(() => createSealer(randomBytes(32)).open(sealed, 'ctx')).toThrow(TypeError)
  })

  it('rejects keys that are not 32 bytes', () => {
    expect(() => createSealer(randomBytes(16))).toThrow(TypeError)
  })
})
