import { describe, expect, it } from 'vitest'
import { expectIssue, parseClaim } from '../../test/claims-support'
import type { StandingOrderClaimValue } from './standing-order'

const SO = 'mh:standing_order'
const valid: StandingOrderClaimValue = {
  payeeId: 'payee-1',
  payeeType: 'api-payee',
  reference: 'Rent',
  frequency: {
    repeat: 'Monthly',
    day: 1,
    week: null,
    month: null,
    onlyWorkDays: false,
    region: null,
  },
  numberOfPayments: 12,
  firstPaymentAmount: 10_000,
  recurringPaymentAmount: 10_000,
  finalPaymentAmount: 10_000,
  currency: 'GBP',
  firstPaymentDate: '2026-04-01',
  recurringPaymentDate: '2026-05-01',
  context: 'PartyToParty',
}
function so(overrides: Record<string, unknown>, omit: readonly string[] = []) {
  const value: Record<string, unknown> = { ...valid, ...overrides }
  for (const key of omit) Reflect.deleteProperty(value, key)
  return value
}

describe('mh:standing_order happy paths', () => {
  it('accepts a monthly order with a number of payments', () => {
    expect(parseClaim(SO, valid).id_token[SO]?.value).toEqual(valid)
  })

  it('accepts a final payment date instead of a number of payments', () => {
    expect(() =>
      parseClaim(SO, so({ finalPaymentDate: '2027-03-01' }, ['numberOfPayments'])),
    ).not.toThrow()
  })

  it('accepts first, recurring and final dates on the same day', () => {
    expect(() =>
      parseClaim(
        SO,
        so({ recurringPaymentDate: '2026-04-01', finalPaymentDate: '2026-04-01' }, [
          'numberOfPayments',
        ]),
      ),
    ).not.toThrow()
  })

  it('accepts a daily order without a day, and amounts left to default', () => {
    expect(() =>
      parseClaim(
        SO,
        so({ frequency: { repeat: 'Daily' } }, ['recurringPaymentAmount', 'finalPaymentAmount']),
      ),
    ).not.toThrow()
  })
})

describe('mh:standing_order frequency', () => {
  it.each(['Weekly', 'Monthly'])('requires day for %s', (repeat) => {
    expectIssue(SO, so({ frequency: { repeat } }), 'mh:standing_order.frequency.day', 'required')
  })

  it('rejects a weekly day of 8 and accepts 7', () => {
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Weekly', day: 8 } }),
      'mh:standing_order.frequency.day',
      'too_large',
    )
    expect(() => parseClaim(SO, so({ frequency: { repeat: 'Weekly', day: 7 } }))).not.toThrow()
  })

  it('rejects a monthly day of 0 and of 32', () => {
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Monthly', day: 0 } }),
      'mh:standing_order.frequency.day',
      'too_small',
    )
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Monthly', day: 32 } }),
      'mh:standing_order.frequency.day',
      'too_large',
    )
  })

  it('rejects a day on a daily order', () => {
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Daily', day: 3 } }),
      'mh:standing_order.frequency.day',
      'conflict',
    )
  })

  it('rejects an unknown repeat', () => {
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Fortnightly', day: 1 } }),
      'mh:standing_order.frequency.repeat',
      'enum',
    )
  })

  it('rejects a fractional day', () => {
    expectIssue(
      SO,
      so({ frequency: { repeat: 'Monthly', day: 1.5 } }),
      'mh:standing_order.frequency.day',
      'integer',
    )
  })
})

describe('mh:standing_order end condition', () => {
  it('rejects numberOfPayments and finalPaymentDate together', () => {
    expectIssue(
      SO,
      so({ finalPaymentDate: '2027-03-01' }),
      'mh:standing_order.finalPaymentDate',
      'exclusive',
    )
  })

  it('rejects neither numberOfPayments nor finalPaymentDate', () => {
    expectIssue(SO, so({}, ['numberOfPayments']), 'mh:standing_order.numberOfPayments', 'required')
  })

  it('rejects zero payments', () => {
    expectIssue(SO, so({ numberOfPayments: 0 }), 'mh:standing_order.numberOfPayments', 'too_small')
  })
})

describe('mh:standing_order dates and amounts', () => {
  it('rejects a recurring date before the first', () => {
    expectIssue(
      SO,
      so({ recurringPaymentDate: '2026-03-31' }),
      'mh:standing_order.recurringPaymentDate',
      'order',
    )
  })

  it('rejects a final date before the recurring date', () => {
    expectIssue(
      SO,
      so({ finalPaymentDate: '2026-04-30' }, ['numberOfPayments']),
      'mh:standing_order.finalPaymentDate',
      'order',
    )
  })

  it('rejects a final date before the first when there is no recurring date', () => {
    expectIssue(
      SO,
      so({ finalPaymentDate: '2026-03-31' }, ['numberOfPayments', 'recurringPaymentDate']),
      'mh:standing_order.finalPaymentDate',
      'order',
    )
  })

  it('rejects a malformed firstPaymentDate', () => {
    expectIssue(
      SO,
      so({ firstPaymentDate: '2026/04/01' }),
      'mh:standing_order.firstPaymentDate',
      'format',
    )
  })

  it('rejects a negative and a fractional amount', () => {
    expectIssue(
      SO,
      so({ firstPaymentAmount: -5 }),
      'mh:standing_order.firstPaymentAmount',
      'positive',
    )
    expectIssue(
      SO,
      so({ finalPaymentAmount: 0.5 }),
      'mh:standing_order.finalPaymentAmount',
      'integer',
    )
  })

  it('rejects payeeId and payee together, and neither', () => {
    const payee = { accountNumber: '12345678', sortCode: '123456', name: 'Landlord' }
    expectIssue(SO, so({ payee }), 'mh:standing_order.payee', 'exclusive')
    expectIssue(SO, so({}, ['payeeId']), 'mh:standing_order.payeeId', 'required')
  })

  it('rejects a missing reference', () => {
    expectIssue(SO, so({}, ['reference']), 'mh:standing_order.reference', 'required')
  })
})
