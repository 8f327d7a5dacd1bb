import type { SimRecurringPayment } from '../state'
import { periodBounds, type VrpPeriodAlignment, type VrpPeriodType } from './vrp-periods'

/** Why a VRP payment is refused: the HTTP status and Moneyhub error `code` to answer. */
export interface VrpRefusal {
  status: 400 | 403
  code:
    | 'consent_not_authorised'
    | 'consent_revoked'
    | 'consent_not_yet_valid'
    | 'consent_expired'
    | 'limit_exceeded'
  message: string
}

const PERIOD_TYPES = new Set<string>(['Day', 'Week', 'Fortnight', 'Month', 'Half-year', 'Year'])
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAY_MS = 24 * 3600 * 1000

/**
 * Check a payment against its VRP consent (docs/moneyhub-protocol.md §4.8): the consent must be
 * authorised, not revoked and inside its validity window (`validFromDate` to the end of
 * `validToDate`, UTC); the amount must not exceed `maximumIndividualAmount`, nor take any periodic
 * limit past its `amount` for the period containing now (see {@link periodBounds}). Payments that
 * the bank rejected do not count towards a limit; pending ones do.
 *
 * @param consent - The VRP consent.
 * @param amount - The payment's amount in pence.
 * @param now - The simulator clock's time.
 * @returns The refusal, or `undefined` when the payment may go ahead.
 * @see https://docs.moneyhubenterprise.com/docs/recurring-payments-vrp
 */
export function vrpRefusal(
  consent: SimRecurringPayment,
  amount: number,
  now: Date,
): VrpRefusal | undefined {
  if (consent.status === 'Revoked') {
    return {
      status: 403,
      code: 'consent_revoked',
      message: 'The recurring payment consent was revoked',
    }
  }
  if (consent.status !== 'Authorised') {
    return {
      status: 403,
      code: 'consent_not_authorised',
      message: 'The recurring payment consent is not active',
    }
  }
  const terms = consent.recurringPayment
  const validFrom = parseConsentDate(terms.validFromDate) ?? new Date(consent.createdAt)
  if (validFrom.getTime() > now.getTime()) {
    return {
      status: 403,
      code: 'consent_not_yet_valid',
      message: 'The recurring payment consent is not valid yet',
    }
  }
  const validTo = parseConsentDate(terms.validToDate)
  if (validTo && validTo.getTime() + DAY_MS <= now.getTime()) {
    return {
      status: 403,
      code: 'consent_expired',
      message: 'The recurring payment consent has expired',
    }
  }
  const maximum = terms.maximumIndividualAmount
  if (typeof maximum === 'number' && amount > maximum) {
    return {
      status: 400,
      code: 'limit_exceeded',
      message: 'The amount exceeds the maximum individual amount',
    }
  }
  const limits = Array.isArray(terms.periodicLimits) ? (terms.periodicLimits as unknown[]) : []
  for (const limit of limits) {
    if (!isPeriodicLimit(limit)) continue
    const { start, end } = periodBounds(limit.periodType, limit.periodAlignment, validFrom, now)
    const spent = consent.payments
      .filter(
        (payment) =>
          payment.status !== 'rejected' &&
          !payment.status.startsWith('error') &&
          Date.parse(payment.submittedAt) >= start.getTime() &&
          Date.parse(payment.submittedAt) < end.getTime(),
      )
      .reduce((sum, payment) => sum + payment.amount, 0)
    if (spent + amount > limit.amount) {
      return {
        status: 400,
        code: 'limit_exceeded',
        message: `The amount exceeds the ${limit.periodAlignment.toLowerCase()}-aligned ${limit.periodType} limit (${String(limit.amount - spent)} pence left until ${end.toISOString().slice(0, 10)})`,
      }
    }
  }
  return undefined
}

function isPeriodicLimit(value: unknown): value is {
  amount: number
  periodType: VrpPeriodType
  periodAlignment: VrpPeriodAlignment
} {
  if (typeof value !== 'object' || value === null) return false
  const limit = value as Record<string, unknown>
  return (
    typeof limit.amount === 'number' &&
    typeof limit.periodType === 'string' &&
    PERIOD_TYPES.has(limit.periodType) &&
    (limit.periodAlignment === 'Consent' || limit.periodAlignment === 'Calendar')
  )
}

/** A consent date as Moneyhub takes it: ISO (`2025-01-01`, or a date-time) or `15-MAR-2021`. */
function parseConsentDate(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined
  const legacy = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})$/.exec(value)
  if (legacy) {
    const month = MONTHS.indexOf((legacy[2] ?? '').toUpperCase())
    return month < 0 ? undefined : new Date(Date.UTC(Number(legacy[3]), month, Number(legacy[1])))
  }
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? undefined : new Date(parsed)
}
