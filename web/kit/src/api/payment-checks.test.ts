import { describe, expect, it } from 'vitest'
import { loadPaymentChecks } from './payment-checks'

const PAYEE_ID = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'
const payment = { amount: 1234, payeeId: PAYEE_ID, payeeRef: 'INV 1', payerRef: 'ACME 1' }

describe('loadPaymentChecks', () => {
  it('accepts what the BFF accepts', async () => {
    const checks = await loadPaymentChecks()
    expect(checks.payment(payment)).toEqual([])
    expect(
      checks.payee({ name: 'Acme Ltd', sortCode: '123456', accountNumber: '12345678' }),
    ).toEqual([])
    expect(checks.refund({})).toEqual([])
  })

  it('names each refused field by its path, as the BFF would refuse it', async () => {
    const checks = await loadPaymentChecks()
    const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort()
    expect(paths(checks.payment({ ...payment, amount: 12.5, payerRef: 'INV<1>' }))).toEqual([
      'amount',
      'payerRef',
    ])
    expect(
      paths(
        checks.payment({
          ...payment,
          payeeId: undefined,
          payee: { name: 'A', sortCode: '12-34-56', accountNumber: '1234567' },
        }),
      ),
    ).toEqual(['payee.accountNumber', 'payee.sortCode'])
    expect(paths(checks.refund({ amount: 0 }))).toEqual(['amount'])
  })
})

describe('loadPaymentChecks for VRP consents, VRP payments and standing orders', () => {
  const payee = { name: 'Savings', sortCode: '123456', accountNumber: '12345678' }
  const consent = {
    payee,
    reference: 'Sweep',
    validFromDate: '2026-04-01',
    maximumIndividualAmount: 5000,
    periodicLimits: [{ amount: 8000, periodType: 'month' as const }],
    type: ['other' as const],
    returnTo: '/callback',
  }
  const paths = (issues: { path: string }[]) => issues.map((issue) => issue.path).sort()

  it('accepts a VRP consent the BFF would accept, and names each refused field', async () => {
    const checks = await loadPaymentChecks()
    expect(checks.recurringPayment(consent)).toEqual([])
    expect(
      paths(
        checks.recurringPayment({
          ...consent,
          payee: { ...payee, sortCode: '12-34' },
          maximumIndividualAmount: 0,
          validToDate: '2026-03-01',
        }),
      ),
    ).toEqual(expect.arrayContaining(['maximumIndividualAmount', 'payee.sortCode', 'validToDate']))
  })

  it('refuses a standing order with both a number of payments and a final date', async () => {
    const checks = await loadPaymentChecks()
    const order = {
      payee,
      reference: 'Rent',
      frequency: { repeat: 'monthly' as const, day: 1 },
      firstPaymentAmount: 50_000,
      firstPaymentDate: '2026-04-01',
      returnTo: '/callback',
    }
    expect(checks.standingOrder({ ...order, numberOfPayments: 12 })).toEqual([])
    expect(
      paths(
        checks.standingOrder({ ...order, numberOfPayments: 12, finalPaymentDate: '2027-03-01' }),
      ),
    ).toEqual(['numberOfPayments'])
  })

  it('refuses a VRP payment in fractional pence', async () => {
    const checks = await loadPaymentChecks()
    expect(
      paths(checks.recurringPaymentPay({ amount: 12.5, payeeRef: 'Sweep', payerRef: 'Sweep' })),
    ).toEqual(['amount'])
  })
})
