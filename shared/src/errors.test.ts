import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  errorBodySchema,
  errorCodes,
  errorCodeSchema,
  errorMessage,
  errorStatus,
  isErrorCode,
  type ErrorBody,
  type ErrorCode,
} from './errors'

const expectedStatus: Record<ErrorCode, number> = {
  csrf_header_missing: 403,
  origin_mismatch: 403,
  unsupported_media_type: 415,
  invalid_request: 400,
  payload_too_large: 413,
  not_found: 404,
  method_not_allowed: 405,
  unauthenticated: 401,
  session_expired: 401,
  forbidden: 403,
  rate_limited: 429,
  flow_not_found: 404,
  flow_expired: 410,
  state_mismatch: 400,
  iss_mismatch: 400,
  access_denied: 403,
  invalid_id_token: 502,
  bank_not_found: 404,
  reauth_required: 401,
  consent_expired: 403,
  connection_not_found: 404,
  transaction_from_too_early: 400,
  upstream_error: 502,
  upstream_timeout: 504,
  upstream_unavailable: 503,
  upstream_rate_limited: 429,
  invalid_upstream_response: 502,
  payment_failed: 422,
  payment_not_found: 404,
  payment_not_completed: 409,
  payment_not_reversible: 409,
  recurring_payment_not_found: 404,
  recurring_payment_not_active: 409,
  recurring_payment_limit_exceeded: 422,
  standing_order_not_found: 404,
  idempotency_key_reused: 409,
  idempotency_key_in_progress: 409,
  service_unavailable: 503,
  not_implemented: 501,
  internal_error: 500,
}

const validBody = {
  error: { code: 'rate_limited', message: 'Too many requests.', correlationId: 'req-0123' },
}

describe('errorStatus', () => {
  it.each(Object.entries(expectedStatus))('maps %s to HTTP %i', (code, status) => {
    expect(errorStatus(code as ErrorCode)).toBe(status)
  })

  it('covers exactly the closed list, every code with a 4xx or 5xx status', () => {
    expect([...errorCodes].sort()).toEqual(Object.keys(expectedStatus).sort())
    for (const code of errorCodes) {
      expect(errorStatus(code)).toBeGreaterThanOrEqual(400)
      expect(errorStatus(code)).toBeLessThan(600)
    }
  })

  it('includes every code the brief requires', () => {
    const required = [
      'csrf_header_missing',
      'origin_mismatch',
      'unsupported_media_type',
      'invalid_request',
      'payload_too_large',
      'not_found',
      'unauthenticated',
      'session_expired',
      'forbidden',
      'rate_limited',
      'flow_not_found',
      'flow_expired',
      'state_mismatch',
      'iss_mismatch',
      'access_denied',
      'invalid_id_token',
      'reauth_required',
      'consent_expired',
      'connection_not_found',
      'upstream_error',
      'upstream_timeout',
      'upstream_unavailable',
      'upstream_rate_limited',
      'invalid_upstream_response',
      'payment_failed',
      'not_implemented',
      'internal_error',
    ]
    for (const code of required) expect(isErrorCode(code)).toBe(true)
  })
})

describe('errorMessage', () => {
  it('gives every code a non-empty message that fits the body limit', () => {
    for (const code of errorCodes) {
      const message = errorMessage(code)
      expect(message.length).toBeGreaterThan(0)
      expect(
        errorBodySchema.safeParse({ error: { code, message, correlationId: 'r1' } }).success,
      ).toBe(true)
    }
  })
})

describe('isErrorCode', () => {
  it('accepts closed-list codes and rejects anything else', () => {
    expect(isErrorCode('upstream_timeout')).toBe(true)
    expect(isErrorCode('UPSTREAM_TIMEOUT')).toBe(false)
    expect(isErrorCode('toString')).toBe(false)
    expect(isErrorCode('__proto__')).toBe(false)
    expect(isErrorCode(403)).toBe(false)
    expect(isErrorCode(undefined)).toBe(false)
  })
})

describe('errorCodeSchema', () => {
  it('rejects a code outside the closed list', () => {
    expect(errorCodeSchema.safeParse('invalid_grant').success).toBe(false)
    expect(errorCodeSchema.parse('state_mismatch')).toBe('state_mismatch')
  })
})

describe('errorBodySchema', () => {
  it('accepts a minimal body and one with retryAfter and issues', () => {
    expect(errorBodySchema.parse(validBody)).toEqual(validBody)
    const full = {
      error: {
        ...validBody.error,
        code: 'invalid_request',
        retryAfter: 30,
        issues: [{ path: 'consent.expirationDateTime', message: 'must be at most 90 days ahead' }],
      },
    }
    expect(errorBodySchema.parse(full)).toEqual(full)
  })

  it('accepts earliestTransactionFrom as an ISO date-time, and nothing else in its place', () => {
    const tooEarly = (earliestTransactionFrom: string) => ({
      error: { ...validBody.error, code: 'transaction_from_too_early', earliestTransactionFrom },
    })
    const body = tooEarly('2024-12-07T00:00:00.000Z')
    expect(errorBodySchema.parse(body)).toEqual(body)
    expect(errorBodySchema.safeParse(tooEarly('two years ago')).success).toBe(false)
  })

  it('rejects extra fields at either level, so nothing else can leak into an error', () => {
    expect(errorBodySchema.safeParse({ ...validBody, token: 'x' }).success).toBe(false)
    expect(
      errorBodySchema.safeParse({ error: { ...validBody.error, details: { upstream: 'x' } } })
        .success,
    ).toBe(false)
  })

  it('rejects a message over 500 characters, an empty message and an unknown code', () => {
    const withMessage = (message: string) => ({ error: { ...validBody.error, message } })
    expect(errorBodySchema.safeParse(withMessage('x'.repeat(500))).success).toBe(true)
    expect(errorBodySchema.safeParse(withMessage('x'.repeat(501))).success).toBe(false)
    expect(errorBodySchema.safeParse(withMessage('')).success).toBe(false)
    expect(
      errorBodySchema.safeParse({ error: { ...validBody.error, code: 'teapot' } }).success,
    ).toBe(false)
  })

  it('rejects a correlation id with spaces, slashes or over 128 characters', () => {
    const withId = (correlationId: string) => ({ error: { ...validBody.error, correlationId } })
    expect(errorBodySchema.safeParse(withId('a b')).success).toBe(false)
    expect(errorBodySchema.safeParse(withId('a/b')).success).toBe(false)
    expect(errorBodySchema.safeParse(withId('a'.repeat(129))).success).toBe(false)
    expect(errorBodySchema.safeParse(withId('')).success).toBe(false)
  })

  it('rejects a negative or fractional retryAfter and more than 20 issues', () => {
    const withRetry = (retryAfter: number) => ({ error: { ...validBody.error, retryAfter } })
    expect(errorBodySchema.safeParse(withRetry(-1)).success).toBe(false)
    expect(errorBodySchema.safeParse(withRetry(1.5)).success).toBe(false)
    const issues = Array.from({ length: 21 }, () => ({ path: 'a', message: 'b' }))
    expect(
      errorBodySchema.safeParse({ error: { ...validBody.error, code: 'invalid_request', issues } })
        .success,
    ).toBe(false)
  })

  it('infers code as the closed union', () => {
    expectTypeOf<ErrorBody['error']['code']>().toEqualTypeOf<ErrorCode>()
    expectTypeOf<ErrorBody['error']['retryAfter']>().toEqualTypeOf<number | undefined>()
  })
})
