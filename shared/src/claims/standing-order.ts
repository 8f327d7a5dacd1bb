/**
 * `mh:standing_order`: creating a standing order (docs/moneyhub-protocol.md §4.9).
 *
 * @see https://docs.moneyhubenterprise.com/docs/standing-order-requests
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

/**
 * How often the order repeats. Moneyhub's docs list `Daily`, `Weekly`, `Monthly`; its Node
 * client also sends `Quarterly` and `Yearly`, so both are accepted.
 */
export const standingOrderRepeatSchema = z.enum([
  'Daily',
  'Weekly',
  'Monthly',
  'Quarterly',
  'Yearly',
])

const frequencySchema = z.strictObject({
  repeat: standingOrderRepeatSchema,
  day: z.int().nullable().optional(),
  week: z.int().min(1).max(5).nullable().optional(),
  month: z.int().min(1).max(12).nullable().optional(),
  onlyWorkDays: z.boolean().nullable().optional(),
  region: z.string().min(1).max(64).nullable().optional(),
})

/** Valid `day` per repeat: day of the week (1 = Monday) or day of the month. */
const DAY_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  Weekly: [1, 7],
  Monthly: [1, 31],
  Quarterly: [1, 31],
  Yearly: [1, 31],
}

/**
 * zod schema of the `mh:standing_order` value. Rules:
 * - exactly one of `payeeId` or `payee`; payer rules as for `mh:payment`; `reference` as a
 *   payment reference;
 * - `frequency.day` is `required` for `Weekly` (1–7) and `Monthly` (1–31), within range for
 *   `Quarterly`/`Yearly` (1–31), and absent for `Daily` (`conflict`);
 * - exactly one of `numberOfPayments` (a positive integer) or `finalPaymentDate`
 *   (`required` / `exclusive`);
 * - `firstPaymentDate` ≤ `recurringPaymentDate` ≤ `finalPaymentDate` (`order`);
 * - amounts in whole positive pence; `recurringPaymentAmount` and `finalPaymentAmount` may be
 *   left out when they equal `firstPaymentAmount`; `currency` `GBP`.
 *
 * @see protocol reference §4.9
 */
export const standingOrderClaimValueSchema = z
  .strictObject({
    payeeId: identifierSchema.optional(),
    payee: accountSchema.optional(),
    payeeType: payeeTypeSchema.optional(),
    payerId: identifierSchema.optional(),
    payer: accountSchema.optional(),
    payerType: payerTypeSchema.optional(),
    reference: referenceSchema,
    frequency: frequencySchema,
    numberOfPayments: z.int().min(1).max(10_000).optional(),
    firstPaymentAmount: penceSchema,
    recurringPaymentAmount: penceSchema.optional(),
    finalPaymentAmount: penceSchema.optional(),
    currency: currencySchema,
    firstPaymentDate: calendarDateSchema,
    recurringPaymentDate: calendarDateSchema.optional(),
    finalPaymentDate: calendarDateSchema.optional(),
    context: paymentContextSchema.optional(),
  })
  .superRefine((value, ctx) => {
    checkPayee(value, ctx)
    checkPayer(value, ctx)

    const { repeat, day } = value.frequency
    const range = DAY_RANGE[repeat]
    const hasDay = day !== undefined && day !== null
    if (range === undefined) {
      if (hasDay) {
        addRuleIssue(
          ctx,
          ['frequency', 'day'],
          'conflict',
          `must be absent when repeat is ${repeat}`,
        )
      }
    } else if (!hasDay) {
      if (repeat === 'Weekly' || repeat === 'Monthly') {
        addRuleIssue(ctx, ['frequency', 'day'], 'required', `is required when repeat is ${repeat}`)
      }
    } else if (day < range[0]) {
      addRuleIssue(ctx, ['frequency', 'day'], 'too_small', `must be at least ${String(range[0])}`)
    } else if (day > range[1]) {
      addRuleIssue(ctx, ['frequency', 'day'], 'too_large', `must be at most ${String(range[1])}`)
    }

    const hasCount = value.numberOfPayments !== undefined
    const hasFinalDate = value.finalPaymentDate !== undefined
    if (hasCount && hasFinalDate) {
      addRuleIssue(
        ctx,
        ['finalPaymentDate'],
        'exclusive',
        'give numberOfPayments or finalPaymentDate, not both',
      )
    } else if (!hasCount && !hasFinalDate) {
      addRuleIssue(
        ctx,
        ['numberOfPayments'],
        'required',
        'one of numberOfPayments or finalPaymentDate is required',
      )
    }

    const first = parseCalendarDate(value.firstPaymentDate)
    const recurring =
      value.recurringPaymentDate === undefined
        ? undefined
        : parseCalendarDate(value.recurringPaymentDate)
    const final =
      value.finalPaymentDate === undefined ? undefined : parseCalendarDate(value.finalPaymentDate)
    if (first !== undefined && recurring !== undefined && recurring < first) {
      addRuleIssue(ctx, ['recurringPaymentDate'], 'order', 'must not be before firstPaymentDate')
    }
    const latestBefore = recurring ?? first
    if (latestBefore !== undefined && final !== undefined && final < latestBefore) {
      addRuleIssue(
        ctx,
        ['finalPaymentDate'],
        'order',
        recurring === undefined
          ? 'must not be before firstPaymentDate'
          : 'must not be before recurringPaymentDate',
      )
    }
  })

/** The `mh:standing_order` value as sent. */
export type StandingOrderClaimValue = z.output<typeof standingOrderClaimValueSchema>
