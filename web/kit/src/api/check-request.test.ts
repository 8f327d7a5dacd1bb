import { describe, expect, it } from 'vitest'
import { checkRequest } from './check-request'

const consent = {
  payee: { name: 'Savings', sortCode: '123456', accountNumber: '12345678' },
  reference: 'Sweep',
  validFromDate: '2026-04-01',
  maximumIndividualAmount: 5000,
  periodicLimits: [{ amount: 8000, periodType: 'month' }],
  type: ['other'],
  returnTo: '/callback',
}

describe('checkRequest', () => {
  it('accepts a VRP consent the BFF would accept', () => {
    expect(checkRequest('recurringPayment', consent)).toEqual({ ok: true })
  })

  it('names each field the shared schema refuses, with its dotted path', () => {
    const check = checkRequest('recurringPayment', {
      ...consent,
      payee: { ...consent.payee, sortCode: '12-34' },
      maximumIndividualAmount: 0,
      validToDate: '2026-03-01',
    })
    expect(check.ok).toBe(false)
    const paths = check.ok ? [] : check.issues.map((issue) => issue.path)
    expect(paths).toEqual(
      expect.arrayContaining(['payee.sortCode', 'maximumIndividualAmount', 'validToDate']),
    )
  })

  it('refuses a standing order with both a number of payments and a final date', () => {
    const check = checkRequest('standingOrder', {
      payee: consent.payee,
      reference: 'Rent',
      frequency: { repeat: 'monthly', day: 1 },
      firstPaymentAmount: 50_000,
      firstPaymentDate: '2026-04-01',
      numberOfPayments: 12,
      finalPaymentDate: '2027-03-01',
      returnTo: '/callback',
    })
    expect(check).toEqual({
      ok: false,
      issues: [expect.objectContaining({ path: 'numberOfPayments' })],
    })
  })

  it('refuses a VRP payment in fractional pence', () => {
    const check = checkRequest('recurringPaymentPay', {
      amount: 12.5,
      payeeRef: 'Sweep',
      payerRef: 'Sweep',
    })
    expect(check.ok ? [] : check.issues.map((issue) => issue.path)).toEqual(['amount'])
  })
})
