import { describe, expect, it } from 'vitest'

import { createMemoryStore } from '../session/memory-store'
import { knownPayeeName, listPayees } from './payees'
import { createPaymentLedger } from './payment-ledger'
import { toPayment } from './payment-mappers'

const owner = { sessionHash: 'sess-a' }
const payment = (id: string, createdAt: number, details: Record<string, unknown>) => ({
  kind: 'payment' as const,
  id,
  ...owner,
  createdAt,
  details: { amount: 100, payeeId: 'payee-1', payeeRef: 'A', payerRef: 'B', ...details },
})

describe('listPayees', () => {
  it('lists each payee once, by its latest use, with the name any entry gave it', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    await ledger.record(payment('p1', 1, { payeeId: 'acme', payeeName: 'Acme Ltd' }))
    await ledger.record(payment('p2', 2, { payeeId: 'bob', payeeName: 'Bob' }))
    // Paid again by id only: no name on this entry, and Acme becomes the most recent.
    await ledger.record(payment('p3', 3, { payeeId: 'acme' }))
    expect(await listPayees(ledger, owner)).toEqual([
      { id: 'acme', name: 'Acme Ltd' },
      { id: 'bob', name: 'Bob' },
    ])
    expect(await knownPayeeName(ledger, owner, 'bob')).toBe('Bob')
    expect(await knownPayeeName(ledger, { sessionHash: 'sess-b' }, 'bob')).toBeUndefined()
  })

  it('leaves out refunds, payees it has no name for, and entries without a payee id', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    await ledger.record(payment('p1', 1, { payeeId: 'acme', payeeName: 'Acme Ltd' }))
    await ledger.record(payment('r1', 2, { payeeId: 'payer', payeeName: 'Payer', refundOf: 'p1' }))
    await ledger.record(payment('p2', 3, { payeeId: 'host-registered' }))
    await ledger.record({
      kind: 'standing_order',
      id: 'so1',
      ...owner,
      createdAt: 4,
      details: {
        reference: 'RENT',
        payeeName: 'Landlord',
        frequency: { repeat: 'monthly', day: 1 },
        firstPaymentAmount: 100,
        firstPaymentDate: '2026-01-01',
      },
    })
    expect(await listPayees(ledger, owner)).toEqual([{ id: 'acme', name: 'Acme Ltd' }])
  })

  it('includes the payees of VRP consents and standing orders named by id', async () => {
    const ledger = createPaymentLedger(createMemoryStore())
    await ledger.record(payment('p1', 1, { payeeId: 'gym', payeeName: 'Gym' }))
    await ledger.record(payment('p2', 2, { payeeId: 'rent', payeeName: 'Rent Co' }))
    await ledger.record({
      kind: 'recurring_payment',
      id: 'vrp1',
      ...owner,
      createdAt: 5,
      details: {
        reference: 'GYM',
        payeeId: 'gym',
        maximumIndividualAmount: 100,
        periodicLimits: [],
        validFromDate: '2026-01-01',
      },
    })
    expect((await listPayees(ledger, owner)).map((p) => p.id)).toEqual(['gym', 'rent'])
  })
})

describe('toPayment', () => {
  it('says whether a payment can be refunded and which payment a refund gives back', () => {
    const mh = {
      id: 'r1',
      amount: 50,
      status: 'completed',
      isReversible: false,
      initiatedAt: '2026-01-01T10:00:00Z',
    }
    const refund = toPayment(payment('r1', 1, { amount: 50, refundOf: 'p1' }), mh)
    expect(refund).toMatchObject({ reversible: false, refundOf: 'p1' })
    const paid = toPayment(payment('p1', 1, {}), { ...mh, id: 'p1', isReversible: true })
    expect(paid.reversible).toBe(true)
    expect(paid.refundOf).toBeUndefined()
  })
})
