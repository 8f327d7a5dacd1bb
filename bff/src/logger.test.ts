import { describe, expect, it } from 'vitest'

import { captureLogs } from '../test/support/test-app'
import { createLogger, redact } from './logger'

const JWT = 'eyJhbGciOiJQUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl'

describe('redact', () => {
  it('removes secrets by field name, at any depth and in any spelling', () => {
    const out = redact({
      access_token: 'at-1',
      refreshToken: 'rt-1',
      nested: { code_verifier: 'v', client_assertion: 'a', Cookie: 'c', authorization: 'Bearer x' },
      list: [{ id_token: 'i' }],
      keep: 'visible',
    })
    expect(JSON.stringify(out)).not.toMatch(/at-1|rt-1|"v"|"a"|"c"|Bearer x|"i"/)
    expect(out).toMatchObject({ keep: 'visible' })
  })

  it('keeps stable error codes but removes authorization codes under `code`', () => {
    expect(redact({ code: 'access_denied' })).toEqual({ code: 'access_denied' })
    expect(redact({ code: 'Qx7-AbC_9zLmN0pQrStUvWxYz123456789abcdEFG' })).toEqual({
      code: '[redacted]',
    })
  })

  it('removes JWT-shaped and PEM values anywhere in strings', () => {
    const out = JSON.stringify(
      redact({
        note: `got ${JWT} back`,
        pem: 'x -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- y',
      }),
    )
    expect(out).not.toContain(JWT)
    expect(out).not.toContain('MIIE')
    expect(out).toContain('[redacted-jwt]')
  })

  it('serialises errors without their cause', () => {
    const error = Object.assign(new Error(`bad ${JWT}`), { code: 'upstream_error' })
    const out = redact({ err: error }) as { err: Record<string, unknown> }
    expect(out.err).toEqual({
      type: 'Error',
      message: 'bad [redacted-jwt]',
      code: 'upstream_error',
    })
  })
})

describe('createLogger', () => {
  it('writes JSON lines with a UTC timestamp and redacts bound fields and messages', () => {
    const sink = captureLogs()
    const log = createLogger({ level: 'info', destination: sink }).child({
      requestId: 'r-1',
      token: 'secret-tok',
    })
    log.info({ refresh_token: 'rt-secret' }, `message with ${JWT}`)
    expect(sink.raw.join('')).not.toMatch(/secret-tok|rt-secret|eyJhbGci/)
    expect(sink.lines[0]).toMatchObject({ level: 'info', requestId: 'r-1' })
    expect(String(sink.lines[0]?.time)).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
  })
})
