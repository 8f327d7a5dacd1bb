import { describe, expect, it } from 'vitest'
import { logoutRequestSchema, logoutResponseSchema } from './logout'

describe('logout', () => {
  it('takes an empty object and answers { ok: true }', () => {
    expect(logoutRequestSchema.parse({})).toEqual({})
    expect(logoutResponseSchema.parse({ ok: true })).toEqual({ ok: true })
  })

  it('rejects a body with fields and any other answer', () => {
    expect(
      logoutRequestSchema.safeParse({ postLogoutRedirectUri: 'https://evil.com' }).success,
    ).toBe(false)
    expect(logoutResponseSchema.safeParse({ ok: false }).success).toBe(false)
    expect(logoutResponseSchema.safeParse({ ok: true, redirect: '/' }).success).toBe(false)
  })
})
