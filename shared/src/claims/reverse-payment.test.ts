import { describe, expect, it } from 'vitest'
import { expectIssue, parseClaim } from '../../test/claims-support'

const REVERSE = 'mh:reverse_payment'
const account = { accountNumber: '12345678', sortCode: '123456', name: 'Jo Bloggs' }

describe('mh:reverse_payment', () => {
  it('accepts a payment id alone (full refund)', () => {
    expect(parseClaim(REVERSE, { paymentId: 'pay-1' }).id_token[REVERSE]?.value).toEqual({
      paymentId: 'pay-1',
    })
  })

  it('accepts a partial amount and an inline api-payer', () => {
    expect(() =>
      parseClaim(REVERSE, {
        paymentId: 'pay-1',
        amount: 100,
        payer: account,
        payerType: 'api-payer',
      }),
    ).not.toThrow()
  })

  it('requires paymentId', () => {
    expectIssue(REVERSE, { amount: 100 }, 'mh:reverse_payment.paymentId', 'required')
  })

  it('rejects a zero amount', () => {
    expectIssue(REVERSE, { paymentId: 'p', amount: 0 }, 'mh:reverse_payment.amount', 'positive')
  })

  it('rejects a fractional amount', () => {
    expectIssue(REVERSE, { paymentId: 'p', amount: 99.9 }, 'mh:reverse_payment.amount', 'integer')
  })

  it('requires payerType with payerId', () => {
    expectIssue(
      REVERSE,
      { paymentId: 'p', payerId: 'x' },
      'mh:reverse_payment.payerType',
      'required',
    )
  })

  it('rejects payer with payerType mh-user-account', () => {
    expectIssue(
      REVERSE,
      { paymentId: 'p', payer: account, payerType: 'mh-user-account' },
      'mh:reverse_payment.payerType',
      'conflict',
    )
  })

  it('rejects a missing value', () => {
    expect(() => parseClaim(REVERSE, undefined)).toThrow(/mh:reverse_payment\.value: is required/)
  })

  it('rejects unknown fields', () => {
    expectIssue(
      REVERSE,
      { paymentId: 'p', reason: 'x' },
      'mh:reverse_payment.reason',
      'unknown_key',
    )
  })
})
