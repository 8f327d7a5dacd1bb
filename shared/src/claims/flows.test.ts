/** Each Moneyhub flow's scope and claims, as the README shows them, pass both validators. */
import { describe, expect, it } from 'vitest'
import { parseScopes, scopePresets, validateScopes } from '../scopes'
import { claims } from './builder'
import { parseClaimsRequest } from './claims-request'
import { AT_NOW, DAY, fromNow } from '../../test/claims-support'

const bank = '1ffe704d39629a929c8e293880fb449a'
const userId = '5c1907c0e6b340e5c056fb2a'
const connectionId = `${bank}:0f1aa7c1-6379-483a-bfd8-ae0a208fb635`
const payeeId = '3305bc2c-8848-4fe0-a529-a7f7d35a5722'
const paymentId = 'b1f0c7f2-7d1e-4c39-9d41-1b7f0f1f6d2a'

const flows = {
  'AIS new user': [scopePresets.aisOngoing(bank), claims(AT_NOW).sub().connectionId()],
  'AIS existing user': [
    scopePresets.aisExistingUser(bank),
    claims(AT_NOW).sub(userId).connectionId(),
  ],
  'AIS one-time': [
    scopePresets.aisOneTime(bank),
    claims(AT_NOW).sub().connectionId().consent({}, { oneTime: true }),
  ],
  reauth: [scopePresets.reauth(), claims(AT_NOW).sub(userId).connectionId(connectionId)],
  refresh: [scopePresets.refresh(), claims(AT_NOW).sub(userId).connectionId(connectionId)],
  reconsent: [
    scopePresets.reconsent(),
    claims(AT_NOW)
      .sub(userId)
      .connectionId(connectionId)
      .consent({ expirationDateTime: fromNow(90 * DAY) }),
  ],
  payment: [
    scopePresets.payment(bank),
    claims(AT_NOW)
      .connectionId()
      .payment({ amount: 150, payeeId, payeeRef: 'INV123', payerRef: 'INV123' }),
  ],
  'reverse payment': [
    scopePresets.reversePayment(bank),
    claims(AT_NOW).connectionId().reversePayment({ paymentId, amount: 100 }),
  ],
  VRP: [
    scopePresets.recurringPayment(bank),
    claims(AT_NOW)
      .connectionId()
      .recurringPayment({
        payeeId,
        reference: 'Sweep to savings',
        validFromDate: '2026-04-01',
        validToDate: '2027-03-31',
        maximumIndividualAmount: 50_000,
        currency: 'GBP',
        periodicLimits: [
          { amount: 200_000, currency: 'GBP', periodType: 'Month', periodAlignment: 'Calendar' },
        ],
        type: ['Sweeping'],
      }),
  ],
  'standing order': [
    scopePresets.standingOrder(bank),
    claims(AT_NOW)
      .connectionId()
      .standingOrder({
        payeeId,
        reference: 'Rent',
        frequency: { repeat: 'Monthly', day: 1 },
        numberOfPayments: 12,
        firstPaymentAmount: 10_000,
        currency: 'GBP',
        firstPaymentDate: '2026-04-01',
      }),
  ],
} as const

describe('flows', () => {
  it.each(Object.entries(flows))(
    '%s: scope passes the rules and claims round-trip',
    (_name, [scope, builder]) => {
      expect(validateScopes(parseScopes(scope))).toEqual({ ok: true })
      const wire = JSON.stringify(builder)
      expect(parseClaimsRequest(JSON.parse(wire), AT_NOW)).toEqual(builder.build())
    },
  )

  it('one-time flow sends an explicit 24-hour expiry', () => {
    expect(flows['AIS one-time'][1].build().id_token['mh:consent']?.value?.expirationDateTime).toBe(
      fromNow(DAY),
    )
  })
})
