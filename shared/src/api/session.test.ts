import { describe, expect, it } from 'vitest'
import { BANK_ID, CONNECTION_ID, NOW } from './internal/test-fixtures'
import { sessionResponseSchema } from './session'

const summary = {
  id: CONNECTION_ID,
  bankId: BANK_ID,
  bankName: 'Moneyhub Open Banking Mock',
  status: 'active',
  consentExpiresAt: '2027-02-20T00:00:00Z',
}

describe('sessionResponseSchema', () => {
  it('accepts an anonymous session', () => {
    expect(sessionResponseSchema.parse({ authenticated: false })).toEqual({ authenticated: false })
  })

  it('accepts a signed-in session with its connections', () => {
    const session = {
      authenticated: true,
      user: { id: '5c1907c0e6b340e5c056fb2a' },
      connections: [summary],
      expiresAt: NOW,
    }
    expect(sessionResponseSchema.parse(session)).toEqual(session)
  })

  it('rejects any token-like field, at the top or inside user', () => {
    for (const extra of [
      { accessToken: 'x' },
      { idToken: 'x' },
      { refresh_token: 'x' },
      { user: { id: 'u1', sub: 'u1' } },
    ]) {
      expect(
        sessionResponseSchema.safeParse({
          authenticated: true,
          user: { id: 'u1' },
          expiresAt: NOW,
          ...extra,
        }).success,
      ).toBe(false)
    }
  })

  it('rejects an anonymous session that names a user, and a signed-in one that does not', () => {
    expect(
      sessionResponseSchema.safeParse({ authenticated: false, user: { id: 'u1' } }).success,
    ).toBe(false)
    expect(sessionResponseSchema.safeParse({ authenticated: true, expiresAt: NOW }).success).toBe(
      false,
    )
    expect(
      sessionResponseSchema.safeParse({ authenticated: true, user: { id: 'u1' } }).success,
    ).toBe(false)
  })

  it('rejects a connection summary with full-connection fields or a bad status', () => {
    const base = { authenticated: true, user: { id: 'u1' }, expiresAt: NOW }
    expect(
      sessionResponseSchema.safeParse({ ...base, connections: [{ ...summary, accountIds: [] }] })
        .success,
    ).toBe(false)
    expect(
      sessionResponseSchema.safeParse({ ...base, connections: [{ ...summary, status: 'ok' }] })
        .success,
    ).toBe(false)
  })
})
