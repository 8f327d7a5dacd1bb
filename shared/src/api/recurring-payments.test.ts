import { describe, expect, it } from 'vitest'
import {
  recurringPaymentPayRequestSchema,
  recurringPaymentPayResponseSchema,
  recurringPaymentRequestSchema,
  recurringPaymentResponseSchema,
} from './recurring-payments'

const PAYEE_ID = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'
const request = {
  payeeId: PAYEE_ID,
  reference: 'Sweep to savings',
  validFromDate: '2027-01-01',
  validToDate: '2027-12-31',
  maximumIndividualAmount: 50000,
  periodicLimits: [{ amount: 200000, periodType: 'month', periodAlignment: 'calendar' }],
  type: ['sweeping'],
}

describe('recurringPaymentRequestSchema', () => {
  it('accepts a VRP consent request and fills GBP and /', () => {
    expect(recurringPaymentRequestSchema.parse(request)).toEqual({
      ...request,
      currency: 'GBP',
      returnTo: '/',
    })
  })

  it('defaults a limit alignment to calendar', () => {
    const parsed = recurringPaymentRequestSchema.parse({
      ...request,
      periodicLimits: [{ amount: 1000, periodType: 'week' }],
    })
    expect(parsed.periodicLimits[0]?.periodAlignment).toBe('calendar')
  })

  it('rejects an end before the start, repeated periods or types, and no limits', () => {
    for (const change of [
      { validToDate: '2026-12-31' },
      {
        periodicLimits: [
          { amount: 1, periodType: 'month' },
          { amount: 2, periodType: 'month' },
        ],
      },
      { type: ['sweeping', 'sweeping'] },
      { type: [] },
      { periodicLimits: [] },
    ]) {
      expect(recurringPaymentRequestSchema.safeParse({ ...request, ...change }).success).toBe(false)
    }
  })

  it("rejects Moneyhub's spellings, unknown periods and extra fields", () => {
    for (const change of [
      { type: ['Sweeping'] },
      { periodicLimits: [{ amount: 1, periodType: 'Half-year' }] },
      { periodicLimits: [{ amount: 1, periodType: 'decade' }] },
      { payerId: 'x' },
      { maximumIndividualAmount: 0 },
    ]) {
      expect(recurringPaymentRequestSchema.safeParse({ ...request, ...change }).success).toBe(false)
    }
  })
})

describe('recurringPaymentPayRequestSchema', () => {
  it('accepts a payment under a consent and rejects a bad amount or reference', () => {
    const pay = { amount: 1500, payeeRef: 'Sweep', payerRef: 'Sweep' }
    expect(recurringPaymentPayRequestSchema.parse(pay)).toEqual(pay)
    expect(recurringPaymentPayRequestSchema.safeParse({ ...pay, amount: 1.5 }).success).toBe(false)
    expect(recurringPaymentPayRequestSchema.safeParse({ ...pay, payerRef: '' }).success).toBe(false)
  })
})

describe('recurring payment responses', () => {
  it('accepts a consent and a pay result, and rejects raw upstream fields', () => {
    const consent = {
      id: 'a1b2c3d4-0000-4000-8000-000000000002',
      status: 'authorised',
      reference: 'Sweep to savings',
      maximumIndividualAmount: { value: 50000, currency: 'GBP' },
      periodicLimits: [
        {
          amount: { value: 200000, currency: 'GBP' },
          periodType: 'month',
          periodAlignment: 'calendar',
        },
      ],
      validFromDate: '2027-01-01',
    }
    expect(recurringPaymentResponseSchema.parse({ data: consent }).data).toEqual(consent)
    expect(
      recurringPaymentResponseSchema.safeParse({ data: { ...consent, authRequestId: 'x' } })
        .success,
    ).toBe(false)
    const result = { data: { paymentId: 'p-1', status: 'pending' } }
    expect(recurringPaymentPayResponseSchema.parse(result)).toEqual(result)
    expect(
      recurringPaymentPayResponseSchema.safeParse({
        data: { paymentId: 'p-1', status: 'AcceptedSettlementCompleted' },
      }).success,
    ).toBe(false)
  })
})
