import { describe, expect, it } from 'vitest'

import { SIM_BANKS } from '../banks'
import type { SimPayee } from '../state'
import type { AuthorizationIntent } from './authorization-intent'
import { describeIntent } from './describe-intent'

const bank = SIM_BANKS[0]!
const now = new Date('2026-11-22T12:00:00Z')

function paymentIntent(value: Record<string, unknown>): AuthorizationIntent {
  return {
    kind: 'payment',
    scopes: ['openid', 'payment', `id:${bank.id}`],
    bankSelector: bank.id,
    claims: { 'mh:payment': { essential: true, value } },
    requestedSub: undefined,
    requestedConnectionId: undefined,
    oneTime: false,
  }
}

const payee: SimPayee = {
  id: 'a4e2f5b5-1610-4bc9-991b-936407862910',
  clientId: 'c',
  sortCode: '123456',
  accountNumber: '12345678',
  name: 'Acme Ltd',
  active: true,
  createdAt: now.toISOString(),
  modifiedAt: now.toISOString(),
}

const payeeTerm = (intent: AuthorizationIntent, payees?: ReadonlyMap<string, SimPayee>) =>
  describeIntent(intent, bank, now, payees).terms.find((t) => t.label === 'Payee')?.value

describe('describeIntent for a payment', () => {
  it('shows a registered payee by name and account, not by id', () => {
    const intent = paymentIntent({ amount: 1250, payeeId: payee.id, payeeRef: 'INV 42' })
    expect(payeeTerm(intent, new Map([[payee.id, payee]]))).toBe('Acme Ltd (123456 12345678)')
  })

  it('shows a payee given inline in the claim', () => {
    const intent = paymentIntent({
      amount: 100,
      payee: { name: 'Jo Bloggs', sortCode: '654321', accountNumber: '87654321' },
    })
    expect(payeeTerm(intent)).toBe('Jo Bloggs (654321 87654321)')
  })

  it('falls back to the id when the payee is unknown', () => {
    const intent = paymentIntent({ amount: 100, payeeId: 'unknown-payee' })
    expect(payeeTerm(intent)).toBe('payee unknown-payee')
  })

  it('shows the amount in pounds', () => {
    const intent = paymentIntent({ amount: 1250, payeeId: payee.id })
    expect(describeIntent(intent, bank, now).terms[0]).toEqual({ label: 'Amount', value: '£12.50' })
  })
})
