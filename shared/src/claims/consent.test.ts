import { describe, expect, it } from 'vitest'
import {
  consentClaimValueSchema,
  defaultOneTimeConsentExpiry,
  earliestTransactionFrom,
} from './consent'
import {
  AT_NOW,
  DAY,
  NOW,
  SECOND,
  claimsErrorOf,
  expectIssue,
  fromNow,
  parseClaim,
} from '../../test/claims-support'

const CONSENT = 'mh:consent'
const SEVENTY_TWO_MONTHS_AGO = '2020-03-15T12:00:00.000Z'

describe('mh:consent expirationDateTime', () => {
  it('accepts an expiry exactly 90 days from now', () => {
    const parsed = parseClaim(CONSENT, { expirationDateTime: fromNow(90 * DAY) })
    expect(parsed.id_token[CONSENT]?.value?.expirationDateTime).toBe(fromNow(90 * DAY))
  })

  it('rejects an expiry one second more than 90 days from now', () => {
    expectIssue(
      CONSENT,
      { expirationDateTime: fromNow(90 * DAY + SECOND) },
      'mh:consent.expirationDateTime',
      'too_far_ahead',
    )
  })

  it('rejects an expiry equal to now', () => {
    expectIssue(
      CONSENT,
      { expirationDateTime: fromNow(0) },
      'mh:consent.expirationDateTime',
      'not_future',
    )
  })

  it('rejects an expiry in the past', () => {
    expectIssue(
      CONSENT,
      { expirationDateTime: fromNow(-DAY) },
      'mh:consent.expirationDateTime',
      'not_future',
    )
  })

  it('accepts an expiry one second from now', () => {
    expect(() => parseClaim(CONSENT, { expirationDateTime: fromNow(SECOND) })).not.toThrow()
  })

  it('accepts an offset form such as +01:00 and compares the instant', () => {
    // 90 days ahead at 13:00+01:00 is the same instant as 12:00Z.
    const ninetyDays = new Date(NOW.getTime() + 90 * DAY).toISOString().slice(0, 10)
    expect(() =>
      parseClaim(CONSENT, { expirationDateTime: `${ninetyDays}T13:00:00+01:00` }),
    ).not.toThrow()
    expectIssue(
      CONSENT,
      { expirationDateTime: `${ninetyDays}T13:00:01+01:00` },
      'mh:consent.expirationDateTime',
      'too_far_ahead',
    )
  })

  it.each([
    ['a date without time', '2026-04-01'],
    ['a date-time without offset', '2026-04-01T00:00:00'],
    ['an impossible date', '2026-02-30T00:00:00Z'],
    ['an impossible hour', '2026-04-01T24:00:00Z'],
    ['free text', 'next week'],
  ])('rejects %s as a format error', (_label, value) => {
    expectIssue(CONSENT, { expirationDateTime: value }, 'mh:consent.expirationDateTime', 'format')
  })

  it('rejects a non-string expiry as a type error', () => {
    expectIssue(
      CONSENT,
      { expirationDateTime: NOW.getTime() },
      'mh:consent.expirationDateTime',
      'type',
    )
  })
})

describe('mh:consent transactionFromDateTime', () => {
  it('accepts exactly 72 months ago', () => {
    expect(() =>
      parseClaim(CONSENT, { transactionFromDateTime: SEVENTY_TWO_MONTHS_AGO }),
    ).not.toThrow()
  })

  it('rejects one second earlier than 72 months ago', () => {
    expectIssue(
      CONSENT,
      { transactionFromDateTime: '2020-03-15T11:59:59.000Z' },
      'mh:consent.transactionFromDateTime',
      'too_early',
    )
  })

  it('accepts exactly the provider monthsInitialConsent limit and rejects one second earlier', () => {
    const options = { monthsInitialConsent: 24 }
    expect(() =>
      parseClaim(CONSENT, { transactionFromDateTime: '2024-03-15T12:00:00.000Z' }, options),
    ).not.toThrow()
    expectIssue(
      CONSENT,
      { transactionFromDateTime: '2024-03-15T11:59:59.000Z' },
      'mh:consent.transactionFromDateTime',
      'too_early',
      options,
    )
  })

  it('accepts exactly the provider daysInitialConsent limit and rejects one second earlier', () => {
    const options = { daysInitialConsent: 90 }
    expect(() =>
      parseClaim(CONSENT, { transactionFromDateTime: fromNow(-90 * DAY) }, options),
    ).not.toThrow()
    expectIssue(
      CONSENT,
      { transactionFromDateTime: fromNow(-90 * DAY - SECOND) },
      'mh:consent.transactionFromDateTime',
      'too_early',
      options,
    )
  })

  it('keeps the 72-month floor when the provider allows more history', () => {
    expectIssue(
      CONSENT,
      { transactionFromDateTime: '2020-03-15T11:59:59.000Z' },
      'mh:consent.transactionFromDateTime',
      'too_early',
      { monthsInitialConsent: 120 },
    )
  })

  it('uses the later of the provider month and day limits', () => {
    const earliest = earliestTransactionFrom(NOW, {
      monthsInitialConsent: 12,
      daysInitialConsent: 30,
    })
    expect(earliest.toISOString()).toBe(fromNow(-30 * DAY))
  })

  it('rejects a start in the future', () => {
    expectIssue(
      CONSENT,
      { transactionFromDateTime: fromNow(SECOND) },
      'mh:consent.transactionFromDateTime',
      'in_future',
    )
  })

  it('accepts a start of exactly now', () => {
    expect(() => parseClaim(CONSENT, { transactionFromDateTime: fromNow(0) })).not.toThrow()
  })

  it('rejects a start not before the expiry', () => {
    const error = claimsErrorOf(() =>
      parseClaim(CONSENT, {
        expirationDateTime: fromNow(-2 * DAY),
        transactionFromDateTime: fromNow(-DAY),
      }),
    )
    expect(error.issues.map((issue) => issue.rule)).toEqual(['not_future', 'order'])
    expect(error.issues[1]?.field).toBe('mh:consent.transactionFromDateTime')
  })
})

describe('mh:consent permissions', () => {
  it('accepts Open Banking permission names with add or replace', () => {
    const parsed = parseClaim(CONSENT, {
      permissions: ['ReadBeneficiariesDetail', 'ReadStandingOrdersDetail'],
      permissionsAction: 'replace',
    })
    expect(parsed.id_token[CONSENT]?.value?.permissions).toEqual([
      'ReadBeneficiariesDetail',
      'ReadStandingOrdersDetail',
    ])
  })

  it('rejects a permission outside the Open Banking list', () => {
    expectIssue(CONSENT, { permissions: ['ReadEverything'] }, 'mh:consent.permissions[0]', 'enum')
  })

  it('rejects a repeated permission', () => {
    expectIssue(
      CONSENT,
      { permissions: ['ReadParty', 'ReadParty'] },
      'mh:consent.permissions[1]',
      'duplicate',
    )
  })

  it('rejects an empty permission list', () => {
    expectIssue(CONSENT, { permissions: [] }, 'mh:consent.permissions', 'too_short')
  })

  it('rejects a permissionsAction other than add or replace', () => {
    expectIssue(CONSENT, { permissionsAction: 'remove' }, 'mh:consent.permissionsAction', 'enum')
  })

  it('rejects a field Moneyhub does not define', () => {
    expectIssue(CONSENT, { expiresAt: fromNow(DAY) }, 'mh:consent.expiresAt', 'unknown_key')
  })
})

describe('consentClaimValueSchema clock', () => {
  it('reads the injected clock on every parse, not once', () => {
    let now = NOW
    const schema = consentClaimValueSchema({ now: () => now })
    const value = { expirationDateTime: fromNow(30 * DAY) }
    expect(schema.safeParse(value).success).toBe(true)
    now = new Date(NOW.getTime() + 31 * DAY)
    expect(schema.safeParse(value).success).toBe(false)
  })

  it('accepts an empty value (Moneyhub applies its defaults)', () => {
    expect(consentClaimValueSchema(AT_NOW).parse({})).toEqual({})
  })
})

describe('defaultOneTimeConsentExpiry', () => {
  it('is 24 hours after now, as an ISO UTC string', () => {
    expect(defaultOneTimeConsentExpiry(NOW)).toBe('2026-03-16T12:00:00.000Z')
  })
})
