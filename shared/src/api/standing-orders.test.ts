import { describe, expect, it } from 'vitest'
import {
  standingOrderFrequencySchema,
  standingOrderRequestSchema,
  standingOrderResponseSchema,
} from './standing-orders'

const PAYEE_ID = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'
const request = {
  payeeId: PAYEE_ID,
  reference: 'Rent',
  frequency: { repeat: 'monthly', day: 1 },
  numberOfPayments: 12,
  firstPaymentAmount: 10000,
  firstPaymentDate: '2027-02-01',
  recurringPaymentDate: '2027-03-01',
}

describe('standingOrderRequestSchema', () => {
  it('accepts a monthly order with a payment count and fills GBP and /', () => {
    expect(standingOrderRequestSchema.parse(request)).toEqual({
      ...request,
      currency: 'GBP',
      returnTo: '/',
    })
  })

  it('accepts an order that ends on a date instead of a count', () => {
    const { numberOfPayments: _n, ...rest } = request
    expect(
      standingOrderRequestSchema.safeParse({ ...rest, finalPaymentDate: '2028-01-01' }).success,
    ).toBe(true)
  })

  it('requires exactly one of numberOfPayments and finalPaymentDate', () => {
    const { numberOfPayments: _n, ...rest } = request
    expect(standingOrderRequestSchema.safeParse(rest).success).toBe(false)
    expect(
      standingOrderRequestSchema.safeParse({ ...request, finalPaymentDate: '2028-01-01' }).success,
    ).toBe(false)
  })

  it('requires exactly one of payeeId and payee', () => {
    const { payeeId: _p, ...rest } = request
    expect(standingOrderRequestSchema.safeParse(rest).success).toBe(false)
  })

  it('rejects dates out of order', () => {
    expect(
      standingOrderRequestSchema.safeParse({ ...request, recurringPaymentDate: '2027-01-01' })
        .success,
    ).toBe(false)
    const { numberOfPayments: _n, ...rest } = request
    expect(
      standingOrderRequestSchema.safeParse({ ...rest, finalPaymentDate: '2027-02-15' }).success,
    ).toBe(false)
  })

  it('rejects bad amounts, references and extra fields', () => {
    expect(
      standingOrderRequestSchema.safeParse({ ...request, firstPaymentAmount: 0 }).success,
    ).toBe(false)
    expect(
      standingOrderRequestSchema.safeParse({ ...request, reference: 'x'.repeat(19) }).success,
    ).toBe(false)
    expect(
      standingOrderRequestSchema.safeParse({ ...request, context: 'PartyToParty' }).success,
    ).toBe(false)
  })
})

describe('standingOrderFrequencySchema', () => {
  it('needs a day for weekly (1–7) and monthly (1–31) and none for daily', () => {
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'daily' }).success).toBe(true)
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'daily', day: 1 }).success).toBe(false)
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'weekly' }).success).toBe(false)
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'weekly', day: 7 }).success).toBe(true)
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'weekly', day: 8 }).success).toBe(false)
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'monthly', day: 31 }).success).toBe(
      true,
    )
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'monthly', day: 32 }).success).toBe(
      false,
    )
    expect(standingOrderFrequencySchema.safeParse({ repeat: 'Monthly', day: 1 }).success).toBe(
      false,
    )
  })
})

describe('standingOrderResponseSchema', () => {
  it('accepts a mapped standing order and rejects upstream statuses', () => {
    const order = {
      id: 'f5b0c1a2-0000-4000-8000-000000000001',
      status: 'initiation_completed',
      reference: 'Rent',
      frequency: { repeat: 'monthly', day: 1 },
      firstPaymentAmount: { value: 10000, currency: 'GBP' },
      firstPaymentDate: '2027-02-01',
      numberOfPayments: 12,
      createdAt: '2027-01-20T10:00:00Z',
    }
    expect(standingOrderResponseSchema.parse({ data: order }).data).toEqual(order)
    expect(
      standingOrderResponseSchema.safeParse({ data: { ...order, status: 'InitiationCompleted' } })
        .success,
    ).toBe(false)
  })
})
