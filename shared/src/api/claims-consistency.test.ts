import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { paymentClaimValueSchema } from '../claims'
import { newPayeeSchema, paymentReferenceSchema } from './payee'

// A form validated with the API contract must never fail later in the claims builder, and the
// contract must not refuse what Moneyhub's claim accepts: both rules have to agree exactly.
const claimAccepts = (fields: Record<string, unknown>) =>
  paymentClaimValueSchema.safeParse({
    amount: 100,
    payeeId: 'payee-1',
    payeeRef: 'ref',
    payerRef: 'ref',
    ...fields,
  }).success

describe('API contract and claims agree', () => {
  it('on which payment references are valid (property)', () => {
    const chars = fc.constantFrom(...'aZ09 ./&-_\n\u00e9#'.split(''))
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 22 }), (list) => {
        const ref = list.join('')
        expect(paymentReferenceSchema.safeParse(ref).success).toBe(claimAccepts({ payeeRef: ref }))
      }),
      { numRuns: 1000 },
    )
  })

  it('on which payee bank details are valid', () => {
    const good = { accountNumber: '12345678', sortCode: '123456', name: 'Acme Ltd' }
    for (const payee of [
      good,
      { ...good, name: 'x'.repeat(140) },
      { ...good, name: 'x'.repeat(141) },
      { ...good, name: 'a\tb' },
      { ...good, sortCode: '12-34-56' },
      { ...good, accountNumber: '1234567' },
      { ...good, iban: 'GB00' },
    ]) {
      expect(newPayeeSchema.safeParse(payee).success, JSON.stringify(payee)).toBe(
        paymentClaimValueSchema.safeParse({ amount: 100, payee, payeeRef: 'ref', payerRef: 'ref' })
          .success,
      )
    }
  })
})
