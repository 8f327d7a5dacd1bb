import { describe, expect, it } from 'vitest'
import { BANK_ID, FLOW_ID, NOW } from './internal/test-fixtures'
import { paymentReferenceSchema } from './payee'
import {
  isFinalPaymentStatus,
  paymentParamsSchema,
  paymentRequestSchema,
  paymentResponseSchema,
  paymentStartResponseSchema,
  paymentStatusSchema,
} from './payments'

const PAYEE_ID = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'
const payee = { accountNumber: '12345678', sortCode: '123456', name: 'Acme Ltd' }

describe('paymentRequestSchema', () => {
  it('accepts a payment to a registered payee and fills GBP and /', () => {
    expect(
      paymentRequestSchema.parse({
        amount: 150,
        payeeId: PAYEE_ID,
        payeeRef: 'INV123',
        payerRef: 'INV123',
      }),
    ).toEqual({
      amount: 150,
      currency: 'GBP',
      payeeId: PAYEE_ID,
      payeeRef: 'INV123',
      payerRef: 'INV123',
      returnTo: '/',
    })
  })

  it('accepts a payment to new bank details with a bank and return path', () => {
    const body = {
      amount: 1,
      currency: 'GBP',
      payee,
      payeeRef: 'INVALID REQUEST',
      payerRef: 'Ref 1/2 & co.',
      bankId: BANK_ID,
      returnTo: '/pay/done',
    }
    expect(paymentRequestSchema.parse(body)).toEqual(body)
  })

  it('requires exactly one of payeeId and payee', () => {
    const base = { amount: 150, payeeRef: 'a', payerRef: 'b' }
    expect(paymentRequestSchema.safeParse(base).success).toBe(false)
    expect(paymentRequestSchema.safeParse({ ...base, payeeId: PAYEE_ID, payee }).success).toBe(
      false,
    )
  })

  it('rejects non-positive, fractional, string and oversized amounts', () => {
    const base = { payeeId: PAYEE_ID, payeeRef: 'a', payerRef: 'b' }
    for (const amount of [0, -1, 1.5, '150', 100_000_001]) {
      expect(paymentRequestSchema.safeParse({ ...base, amount }).success, String(amount)).toBe(
        false,
      )
    }
    expect(paymentRequestSchema.safeParse({ ...base, amount: 100_000_000 }).success).toBe(true)
  })

  it('rejects other currencies, bad payee details and extra fields', () => {
    const base = { amount: 150, payeeRef: 'a', payerRef: 'b' }
    expect(
      paymentRequestSchema.safeParse({ ...base, payeeId: PAYEE_ID, currency: 'EUR' }).success,
    ).toBe(false)
    expect(
      paymentRequestSchema.safeParse({ ...base, payee: { ...payee, sortCode: '12-34-56' } })
        .success,
    ).toBe(false)
    expect(
      paymentRequestSchema.safeParse({ ...base, payee: { ...payee, accountNumber: '1234567' } })
        .success,
    ).toBe(false)
    expect(
      paymentRequestSchema.safeParse({ ...base, payeeId: PAYEE_ID, payerType: 'api-payer' })
        .success,
    ).toBe(false)
    expect(
      paymentRequestSchema.safeParse({ ...base, payeeId: '../payees', returnTo: '/' }).success,
    ).toBe(false)
  })
})

describe('paymentReferenceSchema', () => {
  it('accepts up to 18 letters, digits, spaces and - . / &', () => {
    for (const ref of ['A', 'INV-2024/07 & co.', 'x'.repeat(18)]) {
      expect(paymentReferenceSchema.safeParse(ref).success, ref).toBe(true)
    }
  })

  it('rejects empty, over-long, punctuation-only and other characters', () => {
    for (const ref of ['', 'x'.repeat(19), '---', 'a_b', 'a\nb', 'café', '<script>']) {
      expect(paymentReferenceSchema.safeParse(ref).success, ref).toBe(false)
    }
  })
})

describe('payment responses', () => {
  const payment = {
    id: 'b4805496-154d-4592-8f67-88aebb7460e1',
    amount: { value: 100, currency: 'GBP' },
    status: 'completed',
    payeeRef: 'Payee ref',
    payerRef: 'Payer ref',
    initiatedAt: '2024-04-22T13:50:39.607Z',
    finalisedAt: '2024-04-22T13:52:53.380Z',
  }

  it('accepts a payment and rejects upstream statuses and raw fields', () => {
    expect(paymentResponseSchema.parse({ data: payment }).data).toEqual(payment)
    expect(
      paymentResponseSchema.safeParse({ data: { ...payment, status: 'inProgress' } }).success,
    ).toBe(false)
    expect(
      paymentResponseSchema.safeParse({ data: { ...payment, paymentSubmissionId: 'x' } }).success,
    ).toBe(false)
  })

  it('starts like a connect flow', () => {
    const start = {
      flowId: FLOW_ID,
      url: 'https://identity.moneyhub.co.uk/oidc/auth',
      expiresAt: NOW,
    }
    expect(paymentStartResponseSchema.parse(start)).toEqual(start)
  })

  it('validates the path id', () => {
    expect(paymentParamsSchema.safeParse({ id: payment.id }).success).toBe(true)
    expect(paymentParamsSchema.safeParse({ id: '%2e%2e' }).success).toBe(false)
  })

  it('treats only in_progress and pending as non-final', () => {
    const open = paymentStatusSchema.options.filter((status) => !isFinalPaymentStatus(status))
    expect(open).toEqual(['in_progress', 'pending'])
  })
})
