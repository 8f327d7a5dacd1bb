import { describe, expect, it } from 'vitest'
import { claimsRequestSchema, MAX_CLAIMS, parseClaimsRequest } from './claims-request'
import { claimsErrorOf } from '../../test/claims-support'

function issuesOf(input: unknown) {
  return claimsErrorOf(() => parseClaimsRequest(input)).issues.map(
    (issue) => `${issue.field} ${issue.rule}`,
  )
}

describe('parseClaimsRequest', () => {
  it('accepts the documented new-user request', () => {
    const input = { id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } } }
    expect(parseClaimsRequest(input)).toEqual(input)
  })

  it('accepts sub with a value and no essential (the payment example)', () => {
    expect(() =>
      parseClaimsRequest({ id_token: { sub: { value: '5c1907c0e6b340e5c056fb2a' } } }),
    ).not.toThrow()
  })

  it('accepts unmodelled claims with essential, value and values', () => {
    const input = {
      id_token: {
        'mh:counterparties_check': { essential: true, value: { counterparties: ['x'] } },
        acr: { values: ['a', 'b'] },
      },
    }
    expect(parseClaimsRequest(input)).toEqual(input)
  })

  it('does not modify its input', () => {
    const input = { id_token: { sub: { essential: true } } }
    const copy = structuredCloneLike(input)
    parseClaimsRequest(input)
    expect(input).toEqual(copy)
  })

  it.each([
    ['null', null, 'claims type'],
    ['an array', [], 'claims type'],
    ['a string', '{"id_token":{}}', 'claims type'],
    ['no id_token', {}, 'id_token required'],
    ['an empty id_token', { id_token: {} }, 'id_token required'],
    ['an id_token array', { id_token: [] }, 'id_token type'],
    [
      'userinfo claims',
      { id_token: { sub: {} }, userinfo: { email: null } },
      'userinfo unknown_key',
    ],
    ['a non-object entry', { id_token: { sub: true } }, 'sub type'],
    ['a non-boolean essential', { id_token: { sub: { essential: 'yes' } } }, 'sub.essential type'],
    [
      'an unknown entry field',
      { id_token: { sub: { essential: true, required: true } } },
      'sub.required unknown_key',
    ],
    ['a claim name with a space', { id_token: { 'my claim': {} } }, 'my claim format'],
    ['a claim name "constructor"', { id_token: { constructor: {} } }, 'constructor format'],
    [
      'mh:consent without a value',
      { id_token: { 'mh:consent': { essential: true } } },
      'mh:consent.value required',
    ],
    [
      'mh:standing_order without a value',
      { id_token: { 'mh:standing_order': { essential: true } } },
      'mh:standing_order.value required',
    ],
    [
      'an unknown category type',
      { id_token: { 'mh:cat_type': { value: 'family' } } },
      'mh:cat_type.value enum',
    ],
    [
      'mh:sync without enableAsync',
      { id_token: { 'mh:sync': { value: {} } } },
      'mh:sync.enableAsync required',
    ],
    [
      'account verification false',
      { id_token: { 'mh:account_verification': { value: { accVerification: false } } } },
      'mh:account_verification.accVerification enum',
    ],
    ['an empty sub value', { id_token: { sub: { value: '' } } }, 'sub.value too_short'],
    [
      'a sub value of 65 characters',
      { id_token: { sub: { value: 'a'.repeat(65) } } },
      'sub.value too_long',
    ],
    [
      'a connection id without a colon',
      { id_token: { 'mh:con_id': { value: 'abc' } } },
      'mh:con_id.value format',
    ],
  ])('rejects %s', (_label, input, expected) => {
    expect(issuesOf(input)).toContain(expected)
  })

  it('rejects a JSON "__proto__" claim name instead of dropping it', () => {
    expect(
      issuesOf(JSON.parse('{"id_token":{"sub":{},"__proto__":{"essential":true}}}')),
    ).toContain('__proto__ format')
  })

  it(`rejects more than ${String(MAX_CLAIMS)} claims`, () => {
    const id_token = Object.fromEntries(
      Array.from({ length: MAX_CLAIMS + 1 }, (_, i) => [`x${String(i)}`, {}]),
    )
    expect(issuesOf({ id_token })).toContain('id_token too_long')
  })

  it.each([
    ['mh:recurring_payment', 'mh:payment'],
    ['mh:standing_order', 'mh:recurring_payment'],
  ])('allows only one intent claim: rejects %s after %s', (second, first) => {
    const standingOrder = {
      payeeId: 'p',
      reference: 'Rent',
      frequency: { repeat: 'Daily' },
      numberOfPayments: 2,
      firstPaymentAmount: 1,
      currency: 'GBP',
      firstPaymentDate: '2026-04-01',
    }
    const recurring = {
      payeeId: 'p',
      reference: 'Sweep',
      validFromDate: '2026-04-01',
      maximumIndividualAmount: 1,
      currency: 'GBP',
      type: ['Sweeping'],
      periodicLimits: [
        { amount: 10, currency: 'GBP', periodType: 'Month', periodAlignment: 'Calendar' },
      ],
    }
    const values: Record<string, unknown> = {
      'mh:payment': { amount: 1, payeeId: 'p', payeeRef: 'a', payerRef: 'b' },
      'mh:recurring_payment': recurring,
      'mh:standing_order': standingOrder,
    }
    const input = {
      id_token: { [first]: { value: values[first] }, [second]: { value: values[second] } },
    }
    expect(issuesOf(input)).toEqual([`${second} exclusive`])
  })

  it('bounds and sanitises input-controlled names in fields and messages', () => {
    const hostile = `evil\u001b[31m${'x'.repeat(200)}`
    const error = claimsErrorOf(() => parseClaimsRequest({ id_token: { [hostile]: {} } }))
    expect(error.field).not.toContain('\u001b')
    expect(error.field.length).toBeLessThanOrEqual(65)
    expect(error.message).not.toContain('x'.repeat(100))
  })

  it('the schema can be used directly with safeParse', () => {
    const schema = claimsRequestSchema()
    expect(schema.safeParse({ id_token: { sub: {} } }).success).toBe(true)
    expect(schema.safeParse({ id_token: {} }).success).toBe(false)
  })
})

function structuredCloneLike<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
