import { z } from 'zod'
import {
  bankIdSchema,
  isoDateSchema,
  isoDateTimeSchema,
  moneySchema,
  paymentCurrencySchema,
  standingOrderIdSchema,
} from './common'
import { connectResponseSchema } from './connect'
import { checkOnePayee, payeeTargetShape } from './internal/payee-target'
import { paymentReferenceSchema, penceSchema } from './payee'
import { returnToSchema } from './return-to'

/**
 * How often a standing order pays (docs/moneyhub-protocol.md §4.9 `frequency`, our spelling):
 * `repeat` is `daily`, `weekly` or `monthly`; `day` is required for `weekly` (1 = Monday … 7 =
 * Sunday) and `monthly` (1–31) and not allowed for `daily`; `onlyWorkDays` moves payments off
 * weekends.
 */
export const standingOrderFrequencySchema = z
  .strictObject({
    repeat: z.enum(['daily', 'weekly', 'monthly']),
    day: z.int().min(1).max(31).optional(),
    onlyWorkDays: z.boolean().optional(),
  })
  .check((ctx) => {
    const { repeat, day } = ctx.value
    const issue = (message: string) =>
      ctx.issues.push({ code: 'custom', message, path: ['day'], input: ctx.value })
    if (repeat === 'daily' && day !== undefined) issue('day is not allowed for daily')
    if (repeat !== 'daily' && day === undefined) issue(`day is required for ${repeat}`)
    if (repeat === 'weekly' && day !== undefined && day > 7) issue('day must be 1–7 for weekly')
  })
/** How often a standing order pays. */
export type StandingOrderFrequency = z.infer<typeof standingOrderFrequencySchema>

/**
 * Body of `POST /api/standing-orders` (planned route): set up a standing order at the user's
 * bank (docs/moneyhub-protocol.md §4.9). Rules: exactly one of `payeeId` and `payee`; exactly one
 * of `numberOfPayments` and `finalPaymentDate`; `firstPaymentDate` ≤ `recurringPaymentDate` ≤
 * `finalPaymentDate`; amounts in whole pence, the recurring and final amounts defaulting to the
 * first at the bank when left out.
 */
export const standingOrderRequestSchema = z
  .strictObject({
    ...payeeTargetShape,
    reference: paymentReferenceSchema,
    frequency: standingOrderFrequencySchema,
    numberOfPayments: z.int().min(1).max(999).optional(),
    firstPaymentAmount: penceSchema,
    recurringPaymentAmount: penceSchema.optional(),
    finalPaymentAmount: penceSchema.optional(),
    currency: paymentCurrencySchema.default('GBP'),
    firstPaymentDate: isoDateSchema,
    recurringPaymentDate: isoDateSchema.optional(),
    finalPaymentDate: isoDateSchema.optional(),
    bankId: bankIdSchema.optional(),
    returnTo: returnToSchema,
  })
  .check((ctx) => {
    const body = ctx.value
    checkOnePayee(body, ctx.issues)
    if ((body.numberOfPayments === undefined) === (body.finalPaymentDate === undefined)) {
      ctx.issues.push({
        code: 'custom',
        message: 'give exactly one of numberOfPayments and finalPaymentDate',
        path: ['numberOfPayments'],
        input: body,
      })
    }
    // YYYY-MM-DD strings order the same way as the dates they name.
    const dates = [body.firstPaymentDate, body.recurringPaymentDate, body.finalPaymentDate]
    const given = dates.filter((date): date is string => date !== undefined)
    if (given.some((date, i) => i > 0 && date < (given[i - 1] ?? date))) {
      ctx.issues.push({
        code: 'custom',
        message: 'firstPaymentDate ≤ recurringPaymentDate ≤ finalPaymentDate',
        path: ['firstPaymentDate'],
        input: body,
      })
    }
  })
/** Body of `POST /api/standing-orders`, as sent. */
export type StandingOrderRequestInput = z.input<typeof standingOrderRequestSchema>
/** Body of `POST /api/standing-orders`, after parsing. */
export type StandingOrderRequest = z.infer<typeof standingOrderRequestSchema>

/** Response of `POST /api/standing-orders`: same shape as a connect start. */
export const standingOrderStartResponseSchema = connectResponseSchema
/** Response of `POST /api/standing-orders`. */
export type StandingOrderStartResponse = z.infer<typeof standingOrderStartResponseSchema>

/**
 * Status of a standing-order request, mapped from Moneyhub's (docs/moneyhub-protocol.md §9.7):
 * `InProgress`, `InitiationPending`, `InitiationFailed`, `InitiationCompleted`, `Cancelled`.
 */
export const standingOrderStatusSchema = z.enum([
  'in_progress',
  'initiation_pending',
  'initiation_failed',
  'initiation_completed',
  'cancelled',
])
/** Status of a standing-order request. */
export type StandingOrderStatus = z.infer<typeof standingOrderStatusSchema>

/** One standing-order request, as `GET /api/standing-orders/:id` shows it. */
export const standingOrderSchema = z.strictObject({
  id: standingOrderIdSchema,
  status: standingOrderStatusSchema,
  reference: z.string().max(18),
  frequency: standingOrderFrequencySchema,
  firstPaymentAmount: moneySchema,
  recurringPaymentAmount: moneySchema.optional(),
  finalPaymentAmount: moneySchema.optional(),
  firstPaymentDate: isoDateSchema,
  finalPaymentDate: isoDateSchema.optional(),
  numberOfPayments: z.int().min(1).max(999).optional(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema.optional(),
})
/** One standing-order request. */
export type StandingOrder = z.infer<typeof standingOrderSchema>

/** Path parameters of `GET /api/standing-orders/:id`. */
export const standingOrderParamsSchema = z.strictObject({ id: standingOrderIdSchema })
/** Path parameters of `GET /api/standing-orders/:id`. */
export type StandingOrderParams = z.infer<typeof standingOrderParamsSchema>

/** Response of `GET /api/standing-orders/:id`. */
export const standingOrderResponseSchema = z.strictObject({ data: standingOrderSchema })
/** Response of `GET /api/standing-orders/:id`. */
export type StandingOrderResponse = z.infer<typeof standingOrderResponseSchema>

/** Response of `GET /api/standing-orders`: the standing orders of this browser's session or user. */
export const standingOrderListResponseSchema = z.strictObject({
  data: z.array(standingOrderSchema).max(100),
})
/** Response of `GET /api/standing-orders`. */
export type StandingOrderListResponse = z.infer<typeof standingOrderListResponseSchema>
