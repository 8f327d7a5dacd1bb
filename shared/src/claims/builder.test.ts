import { describe, expect, it } from 'vitest'
import { claims } from './builder'
import { ClaimsError } from './claims-error'
import { parseClaimsRequest } from './claims-request'
import { AT_NOW, DAY, claimsErrorOf, fromNow } from '../../test/claims-support'
import type { PaymentClaimValue } from './payment'

const USER = '5c1907c0e6b340e5c056fb2a'
const CONNECTION = 'b74f1a79f0be8bdb857d82d0f041d7d2:0f1aa7c1-6379-483a-bfd8-ae0a208fb635'
const payment: PaymentClaimValue = {
  amount: 150,
  payeeId: 'payee-1',
  payeeRef: 'INV123',
  payerRef: 'INV123',
}

describe('claims() shapes (docs/moneyhub-protocol.md §4)', () => {
  it('new user: sub and mh:con_id essential without values', () => {
    expect(claims().sub().connectionId().build()).toEqual({
      id_token: { sub: { essential: true }, 'mh:con_id': { essential: true } },
    })
  })

  it('existing user: sub carries the user id', () => {
    expect(claims().sub(USER).connectionId().build()).toEqual({
      id_token: { sub: { essential: true, value: USER }, 'mh:con_id': { essential: true } },
    })
  })

  it('reauth / refresh: sub and mh:con_id both carry values', () => {
    expect(claims().sub(USER).connectionId(CONNECTION).build()).toEqual({
      id_token: {
        sub: { essential: true, value: USER },
        'mh:con_id': { essential: true, value: CONNECTION },
      },
    })
  })

  it('reconsent: adds an mh:consent expiry', () => {
    const built = claims(AT_NOW)
      .sub(USER)
      .connectionId(CONNECTION)
      .consent({ expirationDateTime: fromNow(90 * DAY) })
      .build()
    expect(built.id_token['mh:consent']).toEqual({
      essential: true,
      value: { expirationDateTime: fromNow(90 * DAY) },
    })
  })

  it('payment: mh:payment essential with the value', () => {
    expect(claims().connectionId().payment(payment).build().id_token['mh:payment']).toEqual({
      essential: true,
      value: payment,
    })
  })

  it('reverse payment: also asks for mh:payment without a value', () => {
    expect(
      claims().connectionId().reversePayment({ paymentId: 'pay-1', amount: 100 }).build(),
    ).toEqual({
      id_token: {
        'mh:con_id': { essential: true },
        'mh:reverse_payment': { essential: true, value: { paymentId: 'pay-1', amount: 100 } },
        'mh:payment': { essential: true },
      },
    })
  })

  it('reverse payment keeps an mh:payment entry already present', () => {
    const built = claims().put('mh:payment', {}).reversePayment({ paymentId: 'p' }).build()
    expect(built.id_token['mh:payment']).toEqual({})
  })

  it('AIS extras: category type, sync and account verification', () => {
    expect(
      claims()
        .sub()
        .categoryType('business')
        .sync({ enableAsync: true })
        .accountVerification()
        .build(),
    ).toEqual({
      id_token: {
        sub: { essential: true },
        'mh:cat_type': { essential: true, value: 'business' },
        'mh:sync': { essential: true, value: { enableAsync: true } },
        'mh:account_verification': { essential: true, value: { accVerification: true } },
      },
    })
  })

  it('put adds any other claim (escape hatch)', () => {
    const built = claims()
      .sub()
      .put('mh:benefits_check', {
        essential: true,
        value: { checkTransactionsFromDate: '2021-01-01' },
      })
      .build()
    expect(built.id_token['mh:benefits_check']).toEqual({
      essential: true,
      value: { checkTransactionsFromDate: '2021-01-01' },
    })
  })
})

describe('claims() one-time consent default', () => {
  it('sets a 24-hour expiry for a one-time consent without one', () => {
    const built = claims(AT_NOW).sub().connectionId().consent({}, { oneTime: true }).build()
    expect(built.id_token['mh:consent']?.value).toEqual({ expirationDateTime: fromNow(DAY) })
  })

  it('takes oneTime from the builder options too', () => {
    const built = claims({ ...AT_NOW, oneTime: true })
      .consent()
      .build()
    expect(built.id_token['mh:consent']?.value?.expirationDateTime).toBe(fromNow(DAY))
  })

  it('keeps an explicit expiry on a one-time consent', () => {
    const built = claims(AT_NOW)
      .consent({ expirationDateTime: fromNow(2 * DAY) }, { oneTime: true })
      .build()
    expect(built.id_token['mh:consent']?.value?.expirationDateTime).toBe(fromNow(2 * DAY))
  })

  it('adds no expiry to an ongoing consent', () => {
    const built = claims(AT_NOW)
      .consent({ permissions: ['ReadParty'] })
      .build()
    expect(built.id_token['mh:consent']?.value).toEqual({ permissions: ['ReadParty'] })
  })
})

describe('claims() immutability', () => {
  it('returns a new builder from every method and leaves the receiver unchanged', () => {
    const base = claims().sub()
    const extended = base.connectionId()
    expect(extended).not.toBe(base)
    expect(base.build()).toEqual({ id_token: { sub: { essential: true } } })
    expect(extended.build().id_token['mh:con_id']).toEqual({ essential: true })
  })

  it('is frozen', () => {
    const builder = claims()
    expect(Object.isFrozen(builder)).toBe(true)
  })

  it('detaches values from the caller: later mutation does not leak in', () => {
    const value = { ...payment }
    const builder = claims().payment(value)
    value.amount = -1
    expect(builder.build().id_token['mh:payment']?.value?.amount).toBe(150)
  })

  it('keeps the last value when a claim is set twice', () => {
    expect(claims().sub('a').sub('b').build().id_token.sub?.value).toBe('b')
  })

  it('build returns fresh objects each time', () => {
    const builder = claims().payment(payment)
    expect(builder.build()).not.toBe(builder.build())
  })
})

describe('claims() validation', () => {
  it('throws ClaimsError naming the field and rule', () => {
    const error = claimsErrorOf(() =>
      claims()
        .payment({ ...payment, payeeRef: 'R'.repeat(19) })
        .build(),
    )
    expect(error.field).toBe('mh:payment.payeeRef')
    expect(error.rule).toBe('too_long')
    expect(error.message).toBe('mh:payment.payeeRef: must be at most 18 characters [too_long]')
  })

  it('rejects an empty claims request', () => {
    expect(claimsErrorOf(() => claims().build()).field).toBe('id_token')
  })

  it('rejects two intent claims in one request', () => {
    const error = claimsErrorOf(() =>
      claims().payment(payment).reversePayment({ paymentId: 'p' }).build(),
    )
    expect(error.issues).toContainEqual(
      expect.objectContaining({ field: 'mh:reverse_payment', rule: 'exclusive' }),
    )
  })

  it('applies consent rules with the builder clock, overridable per build', () => {
    const builder = claims(AT_NOW).consent({ expirationDateTime: fromNow(60 * DAY) })
    expect(() => builder.build()).not.toThrow()
    const later = () => new Date(Date.parse(fromNow(61 * DAY)))
    expect(claimsErrorOf(() => builder.build({ now: later })).rule).toBe('not_future')
  })

  it('applies provider history limits', () => {
    const builder = claims({ ...AT_NOW, monthsInitialConsent: 12 }).consent({
      transactionFromDateTime: fromNow(-400 * DAY),
    })
    expect(claimsErrorOf(() => builder.build()).rule).toBe('too_early')
  })

  it('rejects a hostile claim name given to put', () => {
    expect(
      claimsErrorOf(() => claims().sub().put('__proto__', { essential: true }).build()).rule,
    ).toBe('format')
  })

  it('rejects a sub with whitespace', () => {
    expect(claimsErrorOf(() => claims().sub('a b').build()).field).toBe('sub.value')
  })

  it('rejects a connection id without the bank prefix', () => {
    expect(claimsErrorOf(() => claims().connectionId('0f1aa7c1').build()).field).toBe(
      'mh:con_id.value',
    )
  })

  it('throws from toJSON too, so an invalid request is never serialised', () => {
    expect(() => JSON.stringify(claims().sub('a b'))).toThrow(ClaimsError)
  })
})

describe('claims() caller misuse', () => {
  it('throws TypeError for a negative provider limit', () => {
    expect(() => claims({ monthsInitialConsent: -1 })).toThrow(TypeError)
    expect(() => claims().sub().build({ daysInitialConsent: 1.5 })).toThrow(TypeError)
  })

  it('throws TypeError when the clock returns an invalid date', () => {
    const broken = { now: () => new Date(Number.NaN) }
    expect(() => claims(broken).consent({}, { oneTime: true })).toThrow(TypeError)
    expect(() =>
      claims(broken)
        .consent({ expirationDateTime: fromNow(DAY) })
        .build(),
    ).toThrow(TypeError)
  })

  it('throws TypeError for a clock that is not a function', () => {
    expect(() => claims({ now: new Date() as unknown as () => Date })).toThrow(TypeError)
  })
})

describe('claims() serialisation', () => {
  it('JSON.stringify(builder) equals the built request and parses back', () => {
    const builder = claims(AT_NOW).sub(USER).connectionId().payment(payment)
    const json = JSON.stringify(builder)
    expect(JSON.parse(json)).toEqual(builder.build())
    expect(parseClaimsRequest(JSON.parse(json), AT_NOW)).toEqual(builder.build())
  })
})
