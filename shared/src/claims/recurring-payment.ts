/**
 * `mh:recurring_payment`: a variable recurring payment (VRP) consent
 * (docs/moneyhub-protocol.md §4.8).
 *
 * @see https://docs.moneyhubenterprise.com/docs/recurring-payments-vrp
 */
import { z } from 'zod'
import { parseCalendarDate } from './internal/dates'
import {
  accountSchema,
  calendarDateSchema,
  checkPayee,
  checkPayer,
  currencySchema,
  identifierSchema,
  paymentContextSchema,
  payeeTypeSchema,
  payerTypeSchema,
  penceSchema,
  referenceSchema,
} from './internal/fields'
import { addRuleIssue } from './internal/issues'

/** The period a VRP limit applies to. */
export const vrpPeriodTypeSchema = z.enum([
  'Day',
  'Week',
  'Fortnight',
  'Month',
  'Half-year',
  'Year',
])
/** Whether a period starts with the consent or with the calendar. */
export const vrpPeriodAlignmentSchema = z.enum(['Consent', 'Calendar'])
/** The kind of VRP: sweeping between the user's own accounts, or other. */
export const vrpTypeSchema = z.enum(['Sweeping', 'Other'])

const periodicLimitSchema = z.strictObject({
  amount: penceSchema,
  currency: currencySchema,
  periodType: vrpPeriodTypeSchema,
  periodAlignment: vrpPeriodAlignmentSchema,
})

/**
 * zod schema of the `mh:recurring_payment` value. Rules:
 * - exactly one of `payeeId` or `payee`; payer rules as for `mh:payment`;
 * - `reference` as a payment reference (≤ 18 characters, allowed set);
 * - `validFromDate` required, `validToDate` optional, both `2025-01-01`, `15-MAR-2021` or an
 *   ISO date-time, and `validFromDate` ≤ `validToDate` (`order`);
 * - `maximumIndividualAmount` and every periodic limit `amount` in whole positive pence;
 * - `periodicLimits`: 1–6 entries, no two with the same `periodType` and `periodAlignment`
 *   (`duplicate`);
 * - `type`: a non-empty list of `Sweeping` / `Other` without repeats; `currency` `GBP`.
 *
 * @see protocol reference §4.8
 */
export const recurringPaymentClaimValueSchema = z
  .strictObject({
    payeeId: identifierSchema.optional(),
    payee: accountSchema.optional(),
    payeeType: payeeTypeSchema.optional(),
    payerId: identifierSchema.optional(),
    payer: accountSchema.optional(),
    payerType: payerTypeSchema.optional(),
    reference: referenceSchema,
    validFromDate: calendarDateSchema,
    validToDate: calendarDateSchema.optional(),
    maximumIndividualAmount: penceSchema,
    currency: currencySchema,
    periodicLimits: z.array(periodicLimitSchema).min(1).max(6),
    type: z.array(vrpTypeSchema).min(1).max(2),
    context: paymentContextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkPayee(value, ctx)
    checkPayer(value, ctx)
    if (value.validToDate !== undefined) {
      const from = parseCalendarDate(value.validFromDate)
      const to = parseCalendarDate(value.validToDate)
      if (from !== undefined && to !== undefined && from > to) {
        addRuleIssue(ctx, ['validToDate'], 'order', 'must not be before validFromDate')
      }
    }
    const periods = new Set<string>()
    value.periodicLimits.forEach((limit, index) => {
      const key = `${limit.periodType}/${limit.periodAlignment}`
      if (periods.has(key)) {
        addRuleIssue(
          ctx,
          ['periodicLimits', index],
          'duplicate',
          'repeats the periodType and periodAlignment of an earlier limit',
        )
      }
      periods.add(key)
    })
    if (new Set(value.type).size !== value.type.length) {
      addRuleIssue(ctx, ['type'], 'duplicate', 'lists a type more than once')
    }
  })

/** The `mh:recurring_payment` value as sent. */
export type RecurringPaymentClaimValue = z.output<typeof recurringPaymentClaimValueSchema>
