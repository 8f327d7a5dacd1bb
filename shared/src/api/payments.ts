import { z } from 'zod'
import {
  bankIdSchema,
  displayNameSchema,
  isoDateTimeSchema,
  moneySchema,
  paymentCurrencySchema,
  paymentIdSchema,
} from './common'
import { connectResponseSchema } from './connect'
import { checkOnePayee, payeeTargetShape } from './internal/payee-target'
import { paymentReferenceSchema, penceSchema } from './payee'
import { returnToSchema } from './return-to'

/**
 * Body of `POST /api/payments`: a single immediate domestic payment
 * (docs/moneyhub-protocol.md §4.6). `amount` in whole pence; exactly one of `payeeId` (a payee
 * registered at Moneyhub) and `payee` (bank details); `payeeRef` and `payerRef` per
 * {@link paymentReferenceSchema}; `bankId` to skip the bank chooser; `returnTo` (default `/`).
 */
export const paymentRequestSchema = z
  .strictObject({
    amount: penceSchema,
    currency: paymentCurrencySchema.default('GBP'),
    ...payeeTargetShape,
    payeeRef: paymentReferenceSchema,
    payerRef: paymentReferenceSchema,
    bankId: bankIdSchema.optional(),
    returnTo: returnToSchema,
  })
  .check((ctx) => checkOnePayee(ctx.value, ctx.issues))
/** Body of `POST /api/payments`, as sent. */
export type PaymentRequestInput = z.input<typeof paymentRequestSchema>
/** Body of `POST /api/payments`, after parsing. */
export type PaymentRequest = z.infer<typeof paymentRequestSchema>

/** Response of `POST /api/payments`: same shape as a connect start. */
export const paymentStartResponseSchema = connectResponseSchema
/** Response of `POST /api/payments`. */
export type PaymentStartResponse = z.infer<typeof paymentStartResponseSchema>

/**
 * Our payment status, mapped from Moneyhub's (docs/moneyhub-protocol.md §9.7): `inProgress` →
 * `in_progress`, `pending`, `completed`, `rejected`, `cancelled`, `abandoned`, and every `error:*`
 * → `failed`. `completed`, `rejected`, `cancelled`, `abandoned` and `failed` are final.
 */
export const paymentStatusSchema = z.enum([
  'in_progress',
  'pending',
  'completed',
  'rejected',
  'cancelled',
  'abandoned',
  'failed',
])
/** Our payment status. */
export type PaymentStatus = z.infer<typeof paymentStatusSchema>

/**
 * Whether a payment status is final (no need to poll again).
 *
 * @param status - a payment status.
 * @returns `false` only for `in_progress` and `pending`.
 */
export function isFinalPaymentStatus(status: PaymentStatus): boolean {
  return status !== 'in_progress' && status !== 'pending'
}

/** One payment, as `GET /api/payments/:id` shows it. */
export const paymentSchema = z.strictObject({
  id: paymentIdSchema,
  amount: moneySchema,
  status: paymentStatusSchema,
  payeeName: displayNameSchema.optional(),
  payeeRef: z.string().max(18),
  payerRef: z.string().max(18),
  initiatedAt: isoDateTimeSchema,
  finalisedAt: isoDateTimeSchema.optional(),
  /**
   * Whether Moneyhub can refund it (docs/moneyhub-protocol.md §4.7: the payer's account was read
   * when it was authorised); a refund is only offered for a `completed` payment where this is
   * `true`.
   */
  reversible: z.boolean().optional(),
  /** For a refund: the payment it gives money back for. */
  refundOf: paymentIdSchema.optional(),
})
/** One payment. */
export type Payment = z.infer<typeof paymentSchema>

/** Path parameters of `GET /api/payments/:id`. */
export const paymentParamsSchema = z.strictObject({ id: paymentIdSchema })
/** Path parameters of `GET /api/payments/:id`. */
export type PaymentParams = z.infer<typeof paymentParamsSchema>

/** Response of `GET /api/payments/:id`. */
export const paymentResponseSchema = z.strictObject({ data: paymentSchema })
/** Response of `GET /api/payments/:id`. */
export type PaymentResponse = z.infer<typeof paymentResponseSchema>

/** Response of `GET /api/payments`: the payments this browser's session or user started, newest first. */
export const paymentListResponseSchema = z.strictObject({ data: z.array(paymentSchema).max(100) })
/** Response of `GET /api/payments`. */
export type PaymentListResponse = z.infer<typeof paymentListResponseSchema>

/**
 * Body of `POST /api/payments/:id/refund`: a reverse payment (docs/moneyhub-protocol.md §4.7) of a
 * completed, reversible payment; `amount` in whole pence for a partial refund (at most the
 * payment's amount), the whole payment when left out; `returnTo` (default `/`).
 */
export const refundRequestSchema = z.strictObject({
  amount: penceSchema.optional(),
  returnTo: returnToSchema,
})
/** Body of `POST /api/payments/:id/refund`, as sent. */
export type RefundRequestInput = z.input<typeof refundRequestSchema>
/** Body of `POST /api/payments/:id/refund`, after parsing. */
export type RefundRequest = z.infer<typeof refundRequestSchema>

/** Response of `POST /api/payments/:id/refund`: same shape as a connect start. */
export const refundStartResponseSchema = connectResponseSchema
/** Response of `POST /api/payments/:id/refund`. */
export type RefundStartResponse = z.infer<typeof refundStartResponseSchema>
