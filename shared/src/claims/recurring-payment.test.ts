import { describe, expect, it } from 'vitest'
import { expectIssue, parseClaim } from '../../test/claims-support'
import type { RecurringPaymentClaimValue } from './recurring-payment'

const VRP = 'mh:recurring_payment'
const valid: RecurringPaymentClaimValue = {
  payeeId: 'payee-1',
  payeeType: 'api-payee',
  reference: 'Sweep to savings',
  validFromDate: '2026-04-01',
  validToDate: '2027-03-31',
  maximumIndividualAmount: 50_000,
  currency: 'GBP',
  periodicLimits: [
    { amount: 200_000, currency: 'GBP', periodType: 'Month', periodAlignment: 'Calendar' },
  ],
  type: ['Sweeping'],
  context: 'PartyToParty',
}
function vrp(overrides: Record<string, unknown>, omit: readonly string[] = []) {
  const value: Record<string, unknown> = { ...valid, ...overrides }
  for (const key of omit) Reflect.deleteProperty(value, key)
  return value
}

describe('mh:recurring_payment', () => {
  it('accepts the documented example', () => {
    expect(parseClaim(VRP, valid).id_token[VRP]?.value).toEqual(valid)
  })

  it('accepts validFromDate equal to validToDate, and no validToDate', () => {
    expect(() => parseClaim(VRP, vrp({ validToDate: '2026-04-01' }))).not.toThrow()
    expect(() => parseClaim(VRP, vrp({}, ['validToDate']))).not.toThrow()
  })

  it('accepts the 15-MAR-2021 date form and ISO date-times', () => {
    expect(() =>
      parseClaim(VRP, vrp({ validFromDate: '15-MAR-2026', validToDate: '2026-12-31T00:00:00Z' })),
    ).not.toThrow()
  })

  it('rejects validToDate before validFromDate', () => {
    expectIssue(
      VRP,
      vrp({ validToDate: '2026-03-31' }),
      'mh:recurring_payment.validToDate',
      'order',
    )
  })

  it('compares mixed date forms by day', () => {
    expectIssue(
      VRP,
      vrp({ validFromDate: '02-APR-2026', validToDate: '2026-04-01' }),
      'mh:recurring_payment.validToDate',
      'order',
    )
  })

  it.each(['31-FEB-2026', '2026-13-01', '01-XYZ-2026', 'tomorrow'])(
    'rejects the date %s',
    (validFromDate) => {
      expectIssue(VRP, vrp({ validFromDate }), 'mh:recurring_payment.validFromDate', 'format')
    },
  )

  it('rejects payeeId and payee together, and neither', () => {
    const payee = { accountNumber: '12345678', sortCode: '123456', name: 'Savings' }
    expectIssue(VRP, vrp({ payee }), 'mh:recurring_payment.payee', 'exclusive')
    expectIssue(VRP, vrp({}, ['payeeId']), 'mh:recurring_payment.payeeId', 'required')
  })

  it('rejects a fractional maximumIndividualAmount', () => {
    expectIssue(
      VRP,
      vrp({ maximumIndividualAmount: 10.5 }),
      'mh:recurring_payment.maximumIndividualAmount',
      'integer',
    )
  })

  it('rejects a zero periodic limit amount', () => {
    expectIssue(
      VRP,
      vrp({ periodicLimits: [{ ...valid.periodicLimits[0], amount: 0 }] }),
      'mh:recurring_payment.periodicLimits[0].amount',
      'positive',
    )
  })

  it('rejects an unknown periodType and periodAlignment', () => {
    const limit = valid.periodicLimits[0]
    expectIssue(
      VRP,
      vrp({ periodicLimits: [{ ...limit, periodType: 'Quarter' }] }),
      'mh:recurring_payment.periodicLimits[0].periodType',
      'enum',
    )
    expectIssue(
      VRP,
      vrp({ periodicLimits: [{ ...limit, periodAlignment: 'Rolling' }] }),
      'mh:recurring_payment.periodicLimits[0].periodAlignment',
      'enum',
    )
  })

  it.each(['Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year'])(
    'accepts periodType %s',
    (periodType) => {
      expect(() =>
        parseClaim(VRP, vrp({ periodicLimits: [{ ...valid.periodicLimits[0], periodType }] })),
      ).not.toThrow()
    },
  )

  it('rejects two limits for the same period and alignment', () => {
    const limit = valid.periodicLimits[0]
    expectIssue(
      VRP,
      vrp({ periodicLimits: [limit, limit] }),
      'mh:recurring_payment.periodicLimits[1]',
      'duplicate',
    )
  })

  it('rejects an empty periodicLimits list', () => {
    expectIssue(
      VRP,
      vrp({ periodicLimits: [] }),
      'mh:recurring_payment.periodicLimits',
      'too_short',
    )
  })

  it('rejects an empty, unknown or repeated type', () => {
    expectIssue(VRP, vrp({ type: [] }), 'mh:recurring_payment.type', 'too_short')
    expectIssue(VRP, vrp({ type: ['Savings'] }), 'mh:recurring_payment.type[0]', 'enum')
    expectIssue(VRP, vrp({ type: ['Other', 'Other'] }), 'mh:recurring_payment.type', 'duplicate')
  })

  it('rejects a currency other than GBP', () => {
    expectIssue(VRP, vrp({ currency: 'EUR' }), 'mh:recurring_payment.currency', 'enum')
  })

  it('rejects a 19-character reference', () => {
    expectIssue(
      VRP,
      vrp({ reference: 'R'.repeat(19) }),
      'mh:recurring_payment.reference',
      'too_long',
    )
  })

  it('requires payerType with payerId', () => {
    expectIssue(VRP, vrp({ payerId: 'me' }), 'mh:recurring_payment.payerType', 'required')
  })
})
