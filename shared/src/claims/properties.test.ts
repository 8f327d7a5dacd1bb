/**
 * Property-based tests: anything valid the builder is given comes out of `build()` unchanged,
 * parses with the whole-request schema, and survives a JSON round trip; values just outside a
 * rule are always refused.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claims, type ClaimsBuilder } from './builder'
import { ClaimsError } from './claims-error'
import { parseClaimsRequest } from './claims-request'
import { earliestTransactionFrom, OpenBankingPermission, type ConsentClaimValue } from './consent'
import { AT_NOW, DAY, NOW } from '../../test/claims-support'
import type { PaymentClaimValue } from './payment'
import type { RecurringPaymentClaimValue } from './recurring-payment'
import type { StandingOrderClaimValue } from './standing-order'

const reference = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ./&-]{0,17}$/)
const identifier = fc.stringMatching(/^[\x21-\x7e]{1,40}$/)
const pence = fc.integer({ min: 1, max: 100_000_000 })
const account = fc.record({
  accountNumber: fc.stringMatching(/^\d{8}$/),
  sortCode: fc.stringMatching(/^\d{6}$/),
  name: fc.stringMatching(/^[A-Za-z][A-Za-z .'-]{0,30}$/),
})
const payeeSide = fc.oneof(fc.record({ payeeId: identifier }), fc.record({ payee: account }))
const payeeType = fc.record(
  { payeeType: fc.constantFrom('api-payee' as const, 'mh-user-account' as const) },
  { requiredKeys: [] },
)
const payerSide = fc.oneof(
  fc.constant({}),
  fc.record({
    payerId: identifier,
    payerType: fc.constantFrom('api-payer' as const, 'mh-user-account' as const),
  }),
  fc.record({ payer: account, payerType: fc.constant('api-payer' as const) }),
)
const context = fc.record(
  { context: fc.constantFrom('Other' as const, 'BillPayment' as const, 'PartyToParty' as const) },
  { requiredKeys: [] },
)

const payment: fc.Arbitrary<PaymentClaimValue> = fc
  .tuple(
    fc.record({ amount: pence, payeeRef: reference, payerRef: reference }),
    payeeSide,
    payeeType,
    payerSide,
    context,
    fc.record(
      {
        payerName: fc.string({ minLength: 1, maxLength: 254 }),
        payerEmail: fc.constantFrom('jo@example.com', 'a.b+c@bank.co.uk'),
        readRefundAccount: fc.boolean(),
        endToEndId: fc.stringMatching(/^[A-Za-z0-9-]{1,35}$/),
      },
      { requiredKeys: [] },
    ),
  )
  .map((parts) => Object.assign({}, ...parts) as PaymentClaimValue)

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const dayOffsets = fc.integer({ min: 0, max: 400 })

const consent: fc.Arbitrary<ConsentClaimValue> = fc.record(
  {
    expirationDateTime: fc
      .integer({ min: 1, max: 90 * DAY })
      .map((ms) => new Date(NOW.getTime() + ms).toISOString()),
    transactionFromDateTime: fc
      .integer({ min: earliestTransactionFrom(NOW).getTime(), max: NOW.getTime() })
      .map((ms) => new Date(ms).toISOString()),
    permissions: fc.uniqueArray(fc.constantFrom(...Object.values(OpenBankingPermission)), {
      minLength: 1,
    }),
    permissionsAction: fc.constantFrom('add' as const, 'replace' as const),
  },
  { requiredKeys: [] },
)

const periodicLimit = fc.record({
  amount: pence,
  currency: fc.constant('GBP' as const),
  periodType: fc.constantFrom('Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year' as const),
  periodAlignment: fc.constantFrom('Consent' as const, 'Calendar' as const),
})

const recurringPayment: fc.Arbitrary<RecurringPaymentClaimValue> = fc
  .tuple(
    payeeSide,
    payerSide,
    context,
    fc.record({
      reference,
      maximumIndividualAmount: pence,
      currency: fc.constant('GBP' as const),
      periodicLimits: fc.uniqueArray(periodicLimit, {
        minLength: 1,
        maxLength: 6,
        selector: (limit) => `${limit.periodType}/${limit.periodAlignment}`,
      }),
      type: fc.uniqueArray(fc.constantFrom('Sweeping' as const, 'Other' as const), {
        minLength: 1,
      }),
    }),
    dayOffsets,
    fc.option(dayOffsets, { nil: undefined }),
  )
  .map(([payee, payer, ctx, rest, start, length]) => {
    const from = NOW.getTime() + start * DAY
    return {
      ...payee,
      ...payer,
      ...ctx,
      ...rest,
      validFromDate: isoDay(from),
      ...(length === undefined ? {} : { validToDate: isoDay(from + length * DAY) }),
    }
  })

const frequency = fc.oneof(
  fc.constant({ repeat: 'Daily' as const }),
  fc.record({ repeat: fc.constant('Weekly' as const), day: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ repeat: fc.constant('Monthly' as const), day: fc.integer({ min: 1, max: 31 }) }),
)

const standingOrder: fc.Arbitrary<StandingOrderClaimValue> = fc
  .tuple(
    payeeSide,
    payerSide,
    context,
    fc.record(
      {
        reference,
        frequency,
        firstPaymentAmount: pence,
        recurringPaymentAmount: pence,
        finalPaymentAmount: pence,
        currency: fc.constant('GBP' as const),
      },
      { requiredKeys: ['reference', 'frequency', 'firstPaymentAmount', 'currency'] },
    ),
    dayOffsets,
    fc.option(dayOffsets, { nil: undefined }),
    fc.oneof(
      fc.record({ numberOfPayments: fc.integer({ min: 1, max: 10_000 }) }),
      fc.record({ finalAfter: dayOffsets }),
    ),
  )
  .map(([payee, payer, ctx, rest, start, gap, end]) => {
    const first = NOW.getTime() + start * DAY
    const recurring = gap === undefined ? undefined : first + gap * DAY
    const value: Record<string, unknown> = {
      ...payee,
      ...payer,
      ...ctx,
      ...rest,
      firstPaymentDate: isoDay(first),
    }
    if (recurring !== undefined) value['recurringPaymentDate'] = isoDay(recurring)
    if ('numberOfPayments' in end) value['numberOfPayments'] = end.numberOfPayments
    else value['finalPaymentDate'] = isoDay((recurring ?? first) + end.finalAfter * DAY)
    return value as StandingOrderClaimValue
  })

function roundTrips(builder: ClaimsBuilder): void {
  const built = builder.build()
  const reparsed = parseClaimsRequest(JSON.parse(JSON.stringify(built)), AT_NOW)
  expect(reparsed).toEqual(built)
}

describe('builder output always parses and round-trips through JSON', () => {
  it('payments', () => {
    fc.assert(
      fc.property(payment, (value) => {
        const builder = claims(AT_NOW).sub().connectionId().payment(value)
        expect(builder.build().id_token['mh:payment']?.value).toEqual(value)
        roundTrips(builder)
      }),
    )
  })

  it('consents', () => {
    fc.assert(
      fc.property(consent, fc.boolean(), (value, oneTime) => {
        const builder = claims(AT_NOW).sub().connectionId().consent(value, { oneTime })
        const built = builder.build().id_token['mh:consent']?.value
        expect(built).toMatchObject(value)
        if (oneTime || value.expirationDateTime !== undefined) {
          expect(built?.expirationDateTime).toBeDefined()
        }
        roundTrips(builder)
      }),
    )
  })

  it('recurring payments (VRP)', () => {
    fc.assert(
      fc.property(recurringPayment, (value) => {
        const builder = claims(AT_NOW).connectionId().recurringPayment(value)
        expect(builder.build().id_token['mh:recurring_payment']?.value).toEqual(value)
        roundTrips(builder)
      }),
    )
  })

  it('standing orders', () => {
    fc.assert(
      fc.property(standingOrder, (value) => {
        const builder = claims(AT_NOW).connectionId().standingOrder(value)
        expect(builder.build().id_token['mh:standing_order']?.value).toEqual(value)
        roundTrips(builder)
      }),
    )
  })
})

function ruleOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof ClaimsError) return `${error.field} ${error.rule}`
    throw error
  }
  return 'accepted'
}

describe('values just outside a rule are always refused', () => {
  it('any reference longer than 18 characters', () => {
    fc.assert(
      fc.property(payment, fc.stringMatching(/^[A-Za-z0-9]{19,40}$/), (value, payeeRef) => {
        expect(
          ruleOf(() =>
            claims()
              .payment({ ...value, payeeRef })
              .build(),
          ),
        ).toBe('mh:payment.payeeRef too_long')
      }),
    )
  })

  it('any amount of zero or less', () => {
    fc.assert(
      fc.property(payment, fc.integer({ max: 0 }), (value, amount) => {
        expect(
          ruleOf(() =>
            claims()
              .payment({ ...value, amount })
              .build(),
          ),
        ).toBe('mh:payment.amount positive')
      }),
    )
  })

  it('any fractional amount', () => {
    fc.assert(
      fc.property(
        payment,
        fc.double({ min: 0.001, max: 1e9, noNaN: true }).filter((n) => !Number.isInteger(n)),
        (value, amount) => {
          expect(
            ruleOf(() =>
              claims()
                .payment({ ...value, amount })
                .build(),
            ),
          ).toBe('mh:payment.amount integer')
        },
      ),
    )
  })

  it('any expiry later than 90 days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 90 * DAY + 1, max: 3650 * DAY }), (ms) => {
        const expirationDateTime = new Date(NOW.getTime() + ms).toISOString()
        expect(ruleOf(() => claims(AT_NOW).consent({ expirationDateTime }).build())).toBe(
          'mh:consent.expirationDateTime too_far_ahead',
        )
      }),
    )
  })

  it('any payment with both payeeId and payee', () => {
    fc.assert(
      fc.property(payment, identifier, account, (value, payeeId, payee) => {
        expect(
          ruleOf(() =>
            claims()
              .payment({ ...value, payeeId, payee })
              .build(),
          ),
        ).toBe('mh:payment.payee exclusive')
      }),
    )
  })
})
