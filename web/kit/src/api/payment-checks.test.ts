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
