import { z } from 'zod'
import {
  bankIdSchema,
  displayNameSchema,
  isoDateSchema,
  isoDateTimeSchema,
  moneySchema,
  paymentCurrencySchema,
  paymentIdSchema,
  payeeIdSchema,
  recurringPaymentIdSchema,
} from './common'
import { connectResponseSchema } from './connect'
import { checkOnePayee, payeeTargetShape } from './internal/payee-target'
import { paymentReferenceSchema, penceSchema } from './payee'
import { paymentStatusSchema } from './payments'
import { returnToSchema } from './return-to'

/** Period of a VRP limit (docs/moneyhub-protocol.md §4.8 `periodType`, our spelling). */
export const recurringPaymentPeriodTypeSchema = z.enum([
  'day',
  'week',
  'fortnight',
  'month',
  'half_year',
  'year',
])
/** Period of a VRP limit. */
export type RecurringPaymentPeriodType = z.infer<typeof recurringPaymentPeriodTypeSchema>

/** Whether a VRP period starts on the consent date or on calendar boundaries. */
export const recurringPaymentPeriodAlignmentSchema = z.enum(['consent', 'calendar'])
/** VRP period alignment. */
export type RecurringPaymentPeriodAlignment = z.infer<typeof recurringPaymentPeriodAlignmentSchema>

/**
 * VRP purpose (docs/moneyhub-protocol.md §4.8 `type`): sweeping between the user's own accounts, or
 * other.
 */
export const recurringPaymentTypeSchema = z.enum(['sweeping', 'other'])
/** VRP purpose. */
export type RecurringPaymentType = z.infer<typeof recurringPaymentTypeSchema>

/** One periodic limit of a VRP consent request, in whole pence. */
export const recurringPaymentLimitRequestSchema = z.strictObject({
  amount: penceSchema,
  periodType: recurringPaymentPeriodTypeSchema,
  periodAlignment: recurringPaymentPeriodAlignmentSchema.default('calendar'),
})

/**
 * Body of `POST /api/recurring-payments` (planned route): ask the user for a variable
 * recurring payment (VRP) consent (docs/moneyhub-protocol.md §4.8). Rules: exactly one of `payeeId`
 * and `payee`; `validToDate` (optional) not before `validFromDate`; at most one limit per
 * `periodType`; `type` non-empty without repeats; amounts in whole pence.
 */
export const recurringPaymentRequestSchema = z
  .strictObject({
    ...payeeTargetShape,
    reference: paymentReferenceSchema,
    validFromDate: isoDateSchema,
    validToDate: isoDateSchema.optional(),
    maximumIndividualAmount: penceSchema,
    currency: paymentCurrencySchema.default('GBP'),
    periodicLimits: z.array(recurringPaymentLimitRequestSchema).min(1).max(6),
    type: z.array(recurringPaymentTypeSchema).min(1).max(2),
    bankId: bankIdSchema.optional(),
    returnTo: returnToSchema,
  })
  .check((ctx) => {
    const body = ctx.value
    const issue = (message: string, path: string) =>
      ctx.issues.push({ code: 'custom', message, path: [path], input: body })
    checkOnePayee(body, ctx.issues)
    if (body.validToDate !== undefined && body.validToDate < body.validFromDate) {
      issue('validToDate must not be before validFromDate', 'validToDate')
    }
    const periods = body.periodicLimits.map((limit) => limit.periodType)
    if (new Set(periods).size !== periods.length) {
      issue('at most one periodic limit per periodType', 'periodicLimits')
    }
    if (new Set(body.type).size !== body.type.length) issue('type must not repeat', 'type')
  })
/** Body of `POST /api/recurring-payments`, as sent. */
export type RecurringPaymentRequestInput = z.input<typeof recurringPaymentRequestSchema>
/** Body of `POST /api/recurring-payments`, after parsing. */
export type RecurringPaymentRequest = z.infer<typeof recurringPaymentRequestSchema>

/** Response of `POST /api/recurring-payments`: same shape as a connect start. */
export const recurringPaymentStartResponseSchema = connectResponseSchema
/** Response of `POST /api/recurring-payments`. */
export type RecurringPaymentStartResponse = z.infer<typeof recurringPaymentStartResponseSchema>

/**
 * Our status of a VRP consent: `in_progress` (user at the bank), `authorised` (payments may be
 * made), `rejected`, `revoked`, `expired`, `failed`.
 */
export const recurringPaymentStatusSchema = z.enum([
  'in_progress',
  'authorised',
  'rejected',
  'revoked',
  'expired',
  'failed',
])
/** Our status of a VRP consent. */
export type RecurringPaymentStatus = z.infer<typeof recurringPaymentStatusSchema>

/** One VRP consent, as `GET /api/recurring-payments/:id` shows it. */
export const recurringPaymentSchema = z.strictObject({
  id: recurringPaymentIdSchema,
  status: recurringPaymentStatusSchema,
  reference: z.string().max(18),
  payeeName: displayNameSchema.optional(),
  maximumIndividualAmount: moneySchema,
  periodicLimits: z
    .array(
      z.strictObject({
        amount: moneySchema,
        periodType: recurringPaymentPeriodTypeSchema,
        periodAlignment: recurringPaymentPeriodAlignmentSchema,
      }),
    )
    .max(6),
  validFromDate: isoDateSchema,
  validToDate: isoDateSchema.optional(),
  createdAt: isoDateTimeSchema.optional(),
  revokedAt: isoDateTimeSchema.optional(),
})
/** One VRP consent. */
export type RecurringPayment = z.infer<typeof recurringPaymentSchema>

/**
 * Path parameters of `GET /api/recurring-payments/:id`, `POST …/:id/pay` and
 * `DELETE …/:id` (revoke; answers **204 No Content**).
 */
export const recurringPaymentParamsSchema = z.strictObject({ id: recurringPaymentIdSchema })
/** Path parameters of the recurring-payment routes. */
export type RecurringPaymentParams = z.infer<typeof recurringPaymentParamsSchema>

/** Response of `GET /api/recurring-payments/:id`. */
export const recurringPaymentResponseSchema = z.strictObject({ data: recurringPaymentSchema })
/** Response of `GET /api/recurring-payments/:id`. */
export type RecurringPaymentResponse = z.infer<typeof recurringPaymentResponseSchema>

/**
 * Body of `POST /api/recurring-payments/:id/pay`: one payment under an authorised VRP consent
 * (docs/moneyhub-protocol.md §4.8 `/pay`), in whole pence; `payeeId` only when the consent allows
 * choosing.
 */
export const recurringPaymentPayRequestSchema = z.strictObject({
  amount: penceSchema,
  payeeId: payeeIdSchema.optional(),
  payeeRef: paymentReferenceSchema,
  payerRef: paymentReferenceSchema,
})
/** Body of `POST /api/recurring-payments/:id/pay`. */
export type RecurringPaymentPayRequest = z.infer<typeof recurringPaymentPayRequestSchema>

/** Response of `POST /api/recurring-payments/:id/pay`: the payment made and where it stands. */
export const recurringPaymentPayResponseSchema = z.strictObject({
  data: z.strictObject({
    paymentId: paymentIdSchema,
    status: paymentStatusSchema,
    submittedAt: isoDateTimeSchema.optional(),
  }),
})
/** Response of `POST /api/recurring-payments/:id/pay`. */
export type RecurringPaymentPayResponse = z.infer<typeof recurringPaymentPayResponseSchema>

/** Response of `GET /api/recurring-payments`: the VRP consents of this browser's session or user. */
export const recurringPaymentListResponseSchema = z.strictObject({
  data: z.array(recurringPaymentSchema).max(100),
})
/** Response of `GET /api/recurring-payments`. */
export type RecurringPaymentListResponse = z.infer<typeof recurringPaymentListResponseSchema>

/**
 * The `Idempotency-Key` request header of `POST /api/recurring-payments/:id/pay`: 16–128
 * characters of letters, digits, `-` and `_` (a UUID fits). One key per payment attempt: a
 * retry with the same key and body answers the first result and never pays twice; the same
 * key with another body answers 409 `idempotency_key_reused`.
 */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/)

/** Body of `POST /api/recurring-payments/:id/funds-confirmation`: an amount in whole pence. */
export const fundsConfirmationRequestSchema = z.strictObject({
  amount: penceSchema,
  currency: paymentCurrencySchema.default('GBP'),
})
/** Body of `POST /api/recurring-payments/:id/funds-confirmation`. */
export type FundsConfirmationRequest = z.infer<typeof fundsConfirmationRequestSchema>

/** Response of `POST /api/recurring-payments/:id/funds-confirmation`. */
export const fundsConfirmationResponseSchema = z.strictObject({
  data: z.strictObject({ fundsAvailable: z.boolean(), checkedAt: isoDateTimeSchema }),
})
/** Response of `POST /api/recurring-payments/:id/funds-confirmation`. */
export type FundsConfirmationResponse = z.infer<typeof fundsConfirmationResponseSchema>
